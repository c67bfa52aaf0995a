package snapshot

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestKeptWorkIsWholeOrNothing: work kept under a key reads back equal; a
// key never kept, a damaged description or a lost column is not found.
func TestKeptWorkIsWholeOrNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "snap")
	fp := Fingerprint{Format: FormatVersion, Database: "db@1", Table: "customers", Program: "test"}
	s, err := Create(dir, Meta{Fingerprint: fp, Rows: 5}, []int64{1, 2, 3, 4, 5}, mkdir)
	if err != nil {
		t.Fatal(err)
	}
	cols := sample()
	if err := s.Keep("behaviour as of 2026-01-01", []byte(`{"day":20454}`), cols); err != nil {
		t.Fatal(err)
	}
	desc, got, ok := s.Kept("behaviour as of 2026-01-01")
	if !ok || string(desc) != `{"day":20454}` || !reflect.DeepEqual(got, cols) {
		t.Fatalf("read back %v %s %#v", ok, desc, got)
	}
	if _, _, ok := s.Kept("behaviour as of 2026-01-02"); ok {
		t.Fatal("a key never kept was found")
	}
	// a damaged description
	blob := filepath.Join(dir, fileName("blob", "behaviour as of 2026-01-01"))
	b, _ := os.ReadFile(blob)
	b[len(b)-2] ^= 1
	os.WriteFile(blob, b, 0o600)
	if _, _, ok := s.Kept("behaviour as of 2026-01-01"); ok {
		t.Fatal("a damaged description was trusted")
	}
	// a lost column
	s.Keep("k", []byte(`{}`), cols)
	os.Remove(filepath.Join(dir, fileName("kept", "k\x00zone")))
	if _, _, ok := s.Kept("k"); ok {
		t.Fatal("kept work without one of its columns was found")
	}
}

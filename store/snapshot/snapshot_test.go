package snapshot

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pulpero/pulpero/model"
)

func mkdir(dir string) error { return os.MkdirAll(dir, 0o700) }

func sample() []model.Column {
	n := 5
	num := model.NewNumberColumn(model.ColumnMeta{Name: "income", Kind: model.KindReal, Role: model.RoleIncome, Invalid: 1, InvalidRows: []int32{3}, InvalidExamples: []string{"n/a"}}, n)
	for i := range n {
		if i != 3 {
			num.SetValue(i, 1000.5*float64(i))
		}
	}
	coded := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "zone", Kind: model.KindCategorical}, Dict: []string{"north", "sur"}, Codes: []int32{0, 1, -1, 1, 0}}
	text := &model.TextColumn{ColumnMeta: model.ColumnMeta{Name: "note", Kind: model.KindText}, Values: []string{"a", "", "ñandú", "", "x y"}, Nulls: model.NewBitset(n)}
	text.Nulls.Set(1)
	text.Nulls.Set(3)
	return []model.Column{num, coded, text}
}

// TestColumnsReadBackAsWritten: every kind of column, a set and the row
// ids come back equal to what was kept.
func TestColumnsReadBackAsWritten(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "snap")
	fp := Fingerprint{Format: FormatVersion, Database: "db@1", Table: "customers", Program: "test"}
	s, err := Create(dir, Meta{Fingerprint: fp, Rows: 5, Why: "test"}, []int64{10, 11, 15, 16, 99}, mkdir)
	if err != nil {
		t.Fatal(err)
	}
	cols := sample()
	for _, c := range cols {
		if err := s.PutColumn(c); err != nil {
			t.Fatal(err)
		}
	}
	set := model.NewBitset(5)
	set.Set(2)
	s.PutBitset("email", set)
	s2, ok := Open(dir, fp)
	if !ok {
		t.Fatal("the snapshot did not open")
	}
	ids, err := s2.RowIDs()
	if err != nil || !reflect.DeepEqual(ids, []int64{10, 11, 15, 16, 99}) {
		t.Fatalf("row ids %v %v", ids, err)
	}
	for _, want := range cols {
		got, ok := s2.Column(want.Meta().Name)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %#v, want %#v", want.Meta().Name, got, want)
		}
	}
	if got, ok := s2.Bitset("email"); !ok || !reflect.DeepEqual(got, set) {
		t.Errorf("set %v", got)
	}
	if _, ok := s2.Column("absent"); ok {
		t.Error("a column never kept was found")
	}
}

// TestSnapshotsAreNeverTrusted: another fingerprint removes the snapshot;
// a truncated or altered file is refused and removed.
func TestSnapshotsAreNeverTrusted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "snap")
	fp := Fingerprint{Format: FormatVersion, Database: "db@1", Table: "customers"}
	s, err := Create(dir, Meta{Fingerprint: fp, Rows: 5}, []int64{1, 2, 3, 4, 5}, mkdir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range sample() {
		s.PutColumn(c)
	}
	file := func(name string) string { return filepath.Join(dir, fileName("col", name)) }
	b, _ := os.ReadFile(file("income"))
	os.WriteFile(file("income"), b[:len(b)-9], 0o600) // truncated
	b, _ = os.ReadFile(file("zone"))
	b[len(b)-6] ^= 0x40 // one bit of a code
	os.WriteFile(file("zone"), b, 0o600)
	s2, ok := Open(dir, fp)
	if !ok {
		t.Fatal("did not open")
	}
	for _, name := range []string{"income", "zone"} {
		if _, ok := s2.Column(name); ok {
			t.Errorf("%s: a damaged file was trusted", name)
		}
		if _, err := os.Stat(file(name)); err == nil {
			t.Errorf("%s: the damaged file was not removed", name)
		}
	}
	if _, ok := s2.Column("note"); !ok {
		t.Error("an undamaged column was lost")
	}
	stale := fp
	stale.Database = "db@2"
	if _, ok := Open(dir, stale); ok {
		t.Fatal("a stale snapshot opened")
	}
	if _, err := os.Stat(dir); err == nil {
		t.Fatal("the stale snapshot was not removed")
	}
}

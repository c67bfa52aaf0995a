package localetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSentence(t *testing.T) {
	for s, want := range map[string]bool{
		"add rule": true, "Count": true, "%s is a %s": true, "(Enter)": true,
		"ctrl+c": false, "pgup/pgdn": false, "%s: %d": false, "pulpero_segments": false,
		"BG/NBD": false, "#ff00ff": false, "apply": false, "RFM": false, "": false,
	} {
		if got := Sentence(s); got != want {
			t.Errorf("Sentence(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestUntranslatedFindsEachKind: a sentence in the code, one passed to T
// that the catalogue lacks, and an uncatalogued messages.go constant are
// found; an exempt one and a catalogued one are not.
func TestUntranslatedFindsEachKind(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("messages.go", "package p\n\nconst msgA = \"no such sentence here\"\nconst msgB = \"Loading\"\n")
	write("view.go", `package p

import "fmt"

type L struct{}

func (L) T(string, ...any) string { return "" }

func view(l L) string {
	a := l.T("Loading")
	b := l.T("some untranslated words")
	c := fmt.Sprintf("written %d times", 3)
	d := "kept as it is" // i18n: a test of the exemption
	return a + b + c + d
}
`)
	ps, err := Untranslated(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Text)
	}
	want := []string{"no such sentence here", "some untranslated words", "written %d times"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("found %q, want %q", got, want)
	}
}

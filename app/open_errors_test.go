package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app/locale"
)

// TestOpenErrorsSpeakTheUsersLanguage (issue 19): what goes wrong opening a
// file is said in Spanish to a Spanish user, still naming the file, and in
// English (unchanged) to everyone else.
func TestOpenErrorsSpeakTheUsersLanguage(t *testing.T) {
	es, _ := locale.Parse("es")
	dir := t.TempDir()
	empty := filepath.Join(dir, "vacía.db")
	csv := filepath.Join(dir, "clientes.csv")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csv, []byte("id,nombre\n1,Ana\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, en, es string }{
		{filepath.Join(dir, "no.db"), "no such file", "no existe ese archivo"},
		{dir, "is a folder", "es una carpeta"},
		{empty, "the file is empty", "el archivo está vacío"},
		{csv, "CSV files are imported with `pulpero import`", "los archivos CSV se importan con `pulpero import`"},
	} {
		_, err := Open(c.path, OpenOptions{DataDir: dir})
		if err == nil {
			t.Fatalf("%s opened", c.path)
		}
		if got := locale.Default().Error(err); !strings.HasPrefix(got, c.path+": ") || !strings.Contains(got, c.en) {
			t.Errorf("English: %q", got)
		}
		if got := es.Error(err); !strings.HasPrefix(got, c.path+": ") || !strings.Contains(got, c.es) {
			t.Errorf("Spanish: %q", got)
		}
	}
}

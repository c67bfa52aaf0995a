package common

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/sample"
)

// TestEveryReasonTheDemoGivesIsTranslated: Reason reads back the sentences
// store and analysis write as finished English, from copies of their
// formats (messages.go). This test takes the real ones, from loading the
// demo world, so a format changed below without its copy here fails
// instead of showing English to a Spanish user.
func TestEveryReasonTheDemoGivesIsTranslated(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	if err := app.GenerateSample(t.Context(), path, sample.Options{Customers: 300, Seed: 2}, false); err != nil {
		t.Fatal(err)
	}
	db, err := app.Open(path, app.OpenOptions{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(t.Context(), app.LoadRequest{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	es, _ := locale.Parse("es-ES")
	c := &Common{Locale: es}
	said := map[string]string{}
	for _, p := range s.Profiles {
		said[p.Name+" kind"] = p.KindWhy
		said[p.Name+" role"] = p.RoleWhy
	}
	for _, col := range s.Data.Columns {
		said[col.Meta().Name+" note"] = col.Meta().Note
	}
	said["table"] = s.TableWhy
	// formulas read the same in both languages
	formula := map[string]bool{"children > 0": true, "100 × r_score + 10 × f_score + m_score": true}
	checked := 0
	for where, english := range said {
		if english == "" || formula[english] {
			continue
		}
		checked++
		if c.Reason(english) == english {
			t.Errorf("%s: %q reads in English to a Spanish user", where, english)
		}
	}
	if checked < 20 {
		t.Fatalf("only %d reasons found in the demo: %v", checked, said)
	}
}

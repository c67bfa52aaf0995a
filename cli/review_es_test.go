package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
)

// Tests of the native speaker's review of the Spanish (issue 19,
// review_findings.md): each names the item it keeps fixed.

// reviewShop is a small demo database for the review's commands.
func reviewShop(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "demo.db")
	if err := app.GenerateSample(t.Context(), db, sample.Options{Customers: 600, Seed: 7}, false); err != nil {
		t.Fatal(err)
	}
	return db, dir
}

// TestRuleErrorsUnderTheCaretAreSpanish (review 1): the message under the
// caret of a rejected rule is Spanish, as on the Segments screen; the
// English caret block is as it was.
func TestRuleErrorsUnderTheCaretAreSpanish(t *testing.T) {
	db, dir := reviewShop(t)
	for _, c := range []struct{ rule, es, en string }{
		{"income >", "^ se esperaba un valor", "^ expected a value after >, found the end of the expression"},
		{"incom > 3", `^ no hay ningún atributo "incom"; ¿quiso decir`, `^ no attribute "incom"; did you mean`},
		{`signup_date after "31/01/2024"`, `^ signup_date contiene fechas; escríbalas como "2024-01-31", no como "31/01/2024"`,
			`^ signup_date holds dates; write them as "2024-01-31", not "31/01/2024"`},
	} {
		code, _, es := runIn(t, "es", "segment", "count", db, "--data-dir", dir, c.rule)
		if code != exitUsage || !strings.Contains(es, "pulpero: en la expresión:\n  "+c.rule+"\n") || !strings.Contains(es, c.es) {
			t.Errorf("%s in Spanish: exit %d\n%s", c.rule, code, es)
		}
		code, _, en := runIn(t, "en", "segment", "count", db, "--data-dir", dir, c.rule)
		if code != exitUsage || !strings.Contains(en, "pulpero: in the expression:\n  "+c.rule+"\n") || !strings.Contains(en, c.en) {
			t.Errorf("%s in English: exit %d\n%s", c.rule, code, en)
		}
	}
}

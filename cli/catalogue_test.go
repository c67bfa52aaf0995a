package cli

import (
	"testing"

	"github.com/pulpero/pulpero/app/locale/localetest"
)

// TestEverySentenceIsCatalogued (issue 19): the commands' help and output
// say nothing a Spanish user would read in English: every sentence goes
// through the catalogue (app/locale/spanish_*.go).
func TestEverySentenceIsCatalogued(t *testing.T) {
	ps, err := localetest.Untranslated(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Error(p)
	}
}

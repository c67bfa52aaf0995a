package cli

import (
	"slices"
	"testing"

	"github.com/pulpero/pulpero/app/locale"
)

// TestLanguageIsChosenAnywhere: --lang is taken out of the command line
// wherever it stands (before a "--") and chooses the language of the run.
func TestLanguageIsChosenAnywhere(t *testing.T) {
	defer func() { tr = locale.Default() }()
	for _, c := range []struct {
		args, rest []string
		lang       locale.Lang
	}{
		{[]string{"--lang", "es", "describe", "x.db"}, []string{"describe", "x.db"}, locale.Spanish},
		{[]string{"describe", "x.db", "--lang=es_AR.UTF-8"}, []string{"describe", "x.db"}, locale.Spanish},
		{[]string{"segment", "save", "x.db", "--", "--lang", "es"}, []string{"segment", "save", "x.db", "--", "--lang", "es"}, locale.English},
		{[]string{"describe", "x.db"}, []string{"describe", "x.db"}, locale.English},
	} {
		rest, err := chooseLanguage(c.args)
		if err != nil || !slices.Equal(rest, c.rest) || tr.Lang != c.lang {
			t.Errorf("%q: rest %q, language %s, err %v; want %q, %s", c.args, rest, tr.Lang, err, c.rest, c.lang)
		}
	}
	if code, _, stderr := runCLI(t, "--lang", "xx", "help"); code != exitUsage || stderr == "" {
		t.Errorf("--lang xx: exit %d, %q", code, stderr)
	}
}

package cli

import (
	"slices"
	"strings"
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

// TestLanguageFromTheEnvironment: without --lang, LC_ALL, LC_MESSAGES and
// LANG choose, in that order; --lang still wins.
func TestLanguageFromTheEnvironment(t *testing.T) {
	defer func() { tr = locale.Default(); getenv = func(string) string { return "" } }()
	env := map[string]string{"LANG": "es_AR.UTF-8"}
	getenv = func(k string) string { return env[k] }
	if _, err := chooseLanguage([]string{"help"}); err != nil || tr.Lang != locale.Spanish {
		t.Errorf("LANG=es_AR.UTF-8: %s, %v", tr.Lang, err)
	}
	if _, stdout, _ := runCLI(t, "help"); !strings.Contains(stdout, "Comandos:") {
		t.Errorf("help under LANG=es_AR.UTF-8 is not Spanish:\n%s", stdout)
	}
	env["LC_ALL"] = "C"
	if _, _ = chooseLanguage([]string{"help"}); tr.Lang != locale.English {
		t.Errorf("LC_ALL=C beats LANG: %s", tr.Lang)
	}
	delete(env, "LC_ALL")
	if _, _ = chooseLanguage([]string{"help", "--lang", "en"}); tr.Lang != locale.English {
		t.Errorf("--lang en beats LANG: %s", tr.Lang)
	}
}

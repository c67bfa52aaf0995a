package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/sample"
)

// TestHelpSpeaksSpanish (issue 19): `pulpero --lang es help` and a
// command's help, flags included, are Spanish; both languages' help say how
// to choose the language.
func TestHelpSpeaksSpanish(t *testing.T) {
	code, out, _ := runCLI(t, "--lang", "es", "help")
	for _, want := range []string{"Comandos:", "abrir la interfaz", "Idioma: --lang es|en", "Ejecute `pulpero help COMANDO`"} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("help in Spanish lacks %q:\n%s", want, out)
		}
	}
	for _, english := range []string{"Commands:", "open the interface", "Run `pulpero help"} {
		if strings.Contains(out, english) {
			t.Errorf("help in Spanish says %q:\n%s", english, out)
		}
	}
	if _, out, _ := runCLI(t, "help"); !strings.Contains(out, "Language: --lang es|en") || !strings.Contains(out, "Commands:") {
		t.Errorf("help in English:\n%s", out)
	}
	// a command's help: its summary and every flag's description
	code, out, _ = runCLI(t, "help", "describe", "--lang=es")
	for _, want := range []string{"Mostrar las estadísticas", "fecha de referencia, DD/MM/AAAA o AAAA-MM-DD,", `(por defecto "text")`} {
		if code != exitOK || !strings.Contains(out, want) {
			t.Errorf("help describe in Spanish lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "(default") {
		t.Errorf("help describe in Spanish says (default:\n%s", out)
	}
	if _, out, _ := runCLI(t, "--lang", "es", "segment", "--help"); !strings.Contains(out, "expresiones:") || !strings.Contains(out, "zone no en") {
		t.Errorf("segment help in Spanish:\n%s", out)
	}
}

// TestErrorsSpeakSpanish: a command's own errors, the flag package's
// complaints and the usage line are said in Spanish, with the numbers as
// Spain writes them; in English they are as they were.
func TestErrorsSpeakSpanish(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.db")
	code, _, stderr := runCLI(t, "--lang", "es", "sample", "--out", out, "--customers", "0")
	if code != exitUsage || !strings.Contains(stderr, "--customers debe estar entre 1 y 50.000.000, no 0") {
		t.Errorf("sample --customers 0 in Spanish: %d %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "sample", "--out", out, "--customers", "0")
	if code != exitUsage || !strings.Contains(stderr, "--customers must be between 1 and 50,000,000, not 0") {
		t.Errorf("sample --customers 0 in English: %d %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "--lang", "es", "describe", "--bogus", "x.db")
	if code != exitUsage || !strings.Contains(stderr, "opción no definida: -bogus") || !strings.Contains(stderr, "uso: pulpero describe") {
		t.Errorf("describe --bogus in Spanish: %d %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "--lang", "es", "frobnicate")
	if code != exitUsage || !strings.Contains(stderr, "comando desconocido") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("unknown command in Spanish: %d %q", code, stderr)
	}
}

// spanishShop is a small demo database with a saved segment, its
// workspace beside it.
func spanishShop(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "demo.db")
	if err := app.GenerateSample(t.Context(), db, sample.Options{Customers: 1500, Seed: 19}, false); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "segment", "save", db, "--data-dir", dir, "VIP", "income > 2500"); code != exitOK {
		t.Fatal(errOut)
	}
	return db, dir
}

// TestMachineOutputIsTheSameInBothLanguages: JSON and CSV are for scripts:
// byte for byte the same whatever the language of the run.
func TestMachineOutputIsTheSameInBothLanguages(t *testing.T) {
	db, dir := spanishShop(t)
	for _, args := range [][]string{
		{"describe", db, "--format", "json"},
		{"describe", db, "--format", "csv"},
		{"segment", "count", db, "--format", "json", "income > 2000 and zone in (\"north\", \"south\")"},
		{"segment", "count", db, "--format", "csv", "income > 2000 and zone in (\"north\", \"south\")"},
		{"segment", "show", db, "--format", "json", "VIP"},
		{"segment", "list", db, "--format", "json"},
		{"segment", "overlap", db, "--format", "json"},
		{"campaign", "list", db, "--format", "json"},
		{"campaign", "results", db, "--format", "json"},
	} {
		args = append(args, "--data-dir", dir, "--as-of", "2026-06-15")
		if args[0] == "campaign" {
			args = args[:len(args)-2] // campaign takes no --as-of
		}
		codeEN, en, errEN := runCLI(t, args...)
		codeES, es, errES := runCLI(t, append([]string{"--lang", "es"}, args...)...)
		if codeEN != exitOK || codeES != exitOK {
			t.Fatalf("%q: exit %d %q, %d %q", args, codeEN, errEN, codeES, errES)
		}
		if en != es {
			t.Errorf("%q differs between English and Spanish:\n%s\n---\n%s", args, en, es)
		}
		if len(en) < 20 {
			t.Errorf("%q wrote almost nothing: %q", args, en)
		}
	}
}

// TestSpanishTextFollowsTheLocale: text output for people is Spanish, with
// numbers grouped as Spain writes them, days as dd/mm/yyyy and rules read
// back with the Spanish keywords.
func TestSpanishTextFollowsTheLocale(t *testing.T) {
	db, dir := spanishShop(t)
	run := func(args ...string) string {
		t.Helper()
		code, out, errOut := runCLI(t, append([]string{"--lang", "es"}, append(args, "--data-dir", dir)...)...)
		if code != exitOK {
			t.Fatalf("%q: %d %s", args, code, errOut)
		}
		return out
	}
	out := run("segment", "count", db, "--as-of", "2026-06-15", `income > 1000 and zone not in ("north")`)
	for _, want := range []string{`income > 1000 y zone no en ("north")`, " de 1.500 clientes (", "QUEDAN", "(todos)", "   1.500 "} {
		if !strings.Contains(out, want) {
			t.Errorf("segment count in Spanish lacks %q:\n%s", want, out)
		}
	}
	out = run("describe", db, "--as-of", "2026-06-15", "--column", "birth_date")
	if !regexp.MustCompile(`mín \d\d/\d\d/\d{4}`).MatchString(out) || !strings.Contains(out, "fecha") || !strings.Contains(out, "valores 1.500") {
		t.Errorf("describe of a date in Spanish:\n%s", out)
	}
	out = run("describe", db, "--as-of", "2026-06-15", "--column", "monthly_income")
	if !regexp.MustCompile(`media \d\.\d{3},\d`).MatchString(out) || !strings.Contains(out, "; ") {
		t.Errorf("describe of a number in Spanish:\n%s", out)
	}
	out = run("segment", "list", db)
	if !strings.Contains(out, "NOMBRE") || !regexp.MustCompile(`\d\d/\d\d/\d{4} \d\d:\d\d`).MatchString(out) {
		t.Errorf("segment list in Spanish:\n%s", out)
	}
	out = run("campaign", "results", db)
	if !strings.Contains(out, "costo por contacto") || !strings.Contains(out, "IC 95%") || strings.Contains(out, "cost per") {
		t.Errorf("campaign results in Spanish:\n%s", out)
	}
}

// TestSpanishHelpExamplesRunOnTheDemo: the rules the Spanish segment help
// shows, typed with the Spanish keywords, count on the demo as they are.
func TestSpanishHelpExamplesRunOnTheDemo(t *testing.T) {
	es, err := locale.Parse("es")
	if err != nil {
		t.Fatal(err)
	}
	tr = es
	usage := segmentUsage()
	tr = locale.Default()
	_, block, ok := strings.Cut(usage, "expresiones:")
	if !ok {
		t.Fatal("the Spanish segment help has no expressions")
	}
	examples := examplesOf(block)
	if len(examples) < 10 {
		t.Fatalf("found only %d examples: %q", len(examples), examples)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if err := app.GenerateSample(t.Context(), db, sample.Options{Customers: 400, Seed: 3}, false); err != nil {
		t.Fatal(err)
	}
	for _, seg := range [][2]string{{"VIP", "income > 3000"}, {"Complained", "age > 70"}, {"Reclamaron", "age > 70"}} {
		if code, _, errOut := runCLI(t, "segment", "save", db, "--data-dir", dir, seg[0], seg[1]); code != exitOK {
			t.Fatal(errOut)
		}
	}
	for _, ex := range examples {
		if code, _, errOut := runCLI(t, "--lang", "es", "segment", "count", db, "--data-dir", dir, ex); code != exitOK {
			t.Errorf("%s:\n%s", ex, errOut)
		}
	}
}

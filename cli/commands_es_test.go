package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app"
)

// runIn runs a command line in a language (--lang) and puts English back
// afterwards, as a new process would start.
func runIn(t *testing.T, lang string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	useLanguage(t, "en")
	return runCLI(t, append([]string{"--lang", lang}, args...)...)
}

// TestExportHelpInSpanish (issue 19): `pulpero help export` explains every
// flag in Spanish when the run is in Spanish, and in English otherwise.
func TestExportHelpInSpanish(t *testing.T) {
	_, es, _ := runIn(t, "es", "help", "export")
	_, en, _ := runIn(t, "en", "help", "export")
	for _, want := range []string{"dirigirse a todos los clientes", "presupuesto total (0: sin límite)",
		"-headers", "la línea de encabezado del CSV", "porcentaje apartado como grupo de control"} {
		if !strings.Contains(es, want) {
			t.Errorf("Spanish help lacks %q:\n%s", want, es)
		}
	}
	for _, english := range []string{"target every customer", "total budget", "the CSV header line"} {
		if strings.Contains(es, english) {
			t.Errorf("Spanish help still says %q", english)
		}
		if !strings.Contains(en, english) {
			t.Errorf("English help lacks %q:\n%s", english, en)
		}
	}
	// a usage error says the usage line in the run's language
	if code, _, se := runIn(t, "es", "rfm"); code != exitUsage || !strings.HasPrefix(se, "uso: pulpero rfm BD") {
		t.Errorf("pulpero rfm without a database, in Spanish: exit %d, %q", code, se)
	}
	if code, _, se := runIn(t, "es", "cluster", "x.db", "--k", "1", "--features", "a"); code != exitUsage ||
		!strings.Contains(se, `--k "1": auto o un número entero de 2 a 50`) {
		t.Errorf("pulpero cluster --k 1, in Spanish: exit %d, %q", code, se)
	}
}

// TestRFMAndValueTextInSpanish: the text reports read in Spanish, with the
// numbers (1.200; 4,5%) and dates (31/12/2025) written as Spanish writes
// them, while the English report keeps its own.
func TestRFMAndValueTextInSpanish(t *testing.T) {
	db := rfmWorld(t)
	dir := t.TempDir()
	_, en, _ := runIn(t, "en", "rfm", db, "--data-dir", dir)
	code, es, se := runIn(t, "es", "rfm", db, "--data-dir", dir)
	if code != exitOK {
		t.Fatalf("rfm in Spanish: exit %d: %s", code, se)
	}
	for _, want := range []string{"tabla customers, 1.200 clientes", "CLIENTES POR PUNTUACIÓN", "PROBLEMAS DE LOS DATOS",
		"SEGMENTOS (rfm 0.3.0)", "cortes: ajustados sobre estos datos"} {
		if !strings.Contains(es, want) {
			t.Errorf("Spanish rfm report lacks %q:\n%s", want, es)
		}
	}
	spanishDate := regexp.MustCompile(`fecha de análisis \d\d/\d\d/\d{4} \(`)
	spanishShare := regexp.MustCompile(`\s\d+,\d%\s`)
	if !spanishDate.MatchString(es) || !spanishShare.MatchString(es) {
		t.Errorf("Spanish rfm report: want dates as DD/MM/YYYY and shares as 4,5%%:\n%s", es)
	}
	englishDate := regexp.MustCompile(`analysis date \d{4}-\d\d-\d\d \(`)
	if !strings.Contains(en, "table customers, 1,200 customers") || !englishDate.MatchString(en) || strings.Contains(en, "CLIENTES") {
		t.Errorf("English rfm report changed:\n%s", en)
	}

	code, es, se = runIn(t, "es", "value", db, "--data-dir", dir, "--no-validate")
	if code != exitOK {
		t.Fatalf("value in Spanish: exit %d: %s", code, se)
	}
	for _, want := range []string{"compras repetidas y P(alive)", "log-verosimilitud", "clientes con mayor clv", "tardó "} {
		if !strings.Contains(es, want) {
			t.Errorf("Spanish value report lacks %q:\n%s", want, es)
		}
	}
	if !regexp.MustCompile(`días de compra del \d\d/\d\d/\d{4} al \d\d/\d\d/\d{4}`).MatchString(es) {
		t.Errorf("Spanish value report: the purchase days' dates are not Spanish:\n%s", es)
	}

	code, es, se = runIn(t, "es", "cluster", db, "--data-dir", dir, "--features", "frequency,monetary", "--k", "3")
	if code != exitOK {
		t.Fatalf("cluster in Spanish: exit %d: %s", code, se)
	}
	for _, want := range []string{"clientes agrupados sobre 2 atributos", "Elección de k (silueta sobre los 1.200 clientes)",
		"Grupos con k = 3 (silueta 0,", "Grupo 1: ", "Reglas (un árbol de decisión", "  grupo 1  precisión "} {
		if !strings.Contains(es, want) {
			t.Errorf("Spanish cluster report lacks %q:\n%s", want, es)
		}
	}
}

// TestJSONIsTheSameInEveryLanguage: what scripts read (JSON, CSV) does not
// depend on --lang: the same bytes (value's timings aside) in both.
func TestJSONIsTheSameInEveryLanguage(t *testing.T) {
	db := rfmWorld(t)
	dir := t.TempDir()
	both := func(args ...string) (en, es string) {
		t.Helper()
		code, en, se := runIn(t, "en", args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, se)
		}
		code, es, se = runIn(t, "es", args...)
		if code != exitOK {
			t.Fatalf("%v --lang es: exit %d: %s", args, code, se)
		}
		return en, es
	}
	for _, format := range []string{"json", "csv"} {
		if en, es := both("rfm", db, "--data-dir", dir, "--format", format); en != es || len(en) < 100 {
			t.Errorf("rfm --format %s differs between English and Spanish (%d and %d bytes)", format, len(en), len(es))
		}
	}
	if en, es := both("cluster", db, "--data-dir", dir, "--features", "frequency,monetary", "--k", "3", "--format", "json"); en != es || len(en) < 100 {
		t.Errorf("cluster --format json differs between English and Spanish (%d and %d bytes)", len(en), len(es))
	}
	en, es := both("value", db, "--data-dir", dir, "--format", "json", "--no-validate")
	untimed := func(s string) string {
		var r app.ValueReport
		if err := json.Unmarshal([]byte(s), &r); err != nil {
			t.Fatal(err)
		}
		r.Seconds = nil
		b, _ := json.Marshal(r)
		return string(b)
	}
	if untimed(en) != untimed(es) || len(en) < 100 {
		t.Errorf("value --format json differs between English and Spanish")
	}
}

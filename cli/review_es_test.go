package cli

import (
	"os"
	"path/filepath"
	"regexp"
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
		// review 13: a decimal comma is named as such
		{"monthly_income > 1500,5", "^ los decimales se escriben con punto: 1500.5", "^ decimals are written with a point: 1500.5"},
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

// TestExportWhereErrorUnderTheCaretIsSpanish (review 1, export's --where):
// the rule's error under the caret is Spanish there too.
func TestExportWhereErrorUnderTheCaretIsSpanish(t *testing.T) {
	db, dir := reviewShop(t)
	args := []string{"export", db, "--data-dir", dir, "--where", "income >", "--channel", "email", "--cost", "0.05", "--value", "40", "--dry-run"}
	_, _, es := runIn(t, "es", args...)
	if !strings.Contains(es, "--where:\nincome >\n        ^ se esperaba un valor después de >; se encontró el final de la expresión") {
		t.Errorf("export --where in Spanish:\n%s", es)
	}
	_, _, en := runIn(t, "en", args...)
	if !strings.Contains(en, "pulpero export: --where:\nincome >\n        ^ expected a value after >, found the end of the expression") {
		t.Errorf("export --where in English:\n%s", en)
	}
}

// TestFilledInSentencesAreSpanish (review 2): what the layers below made
// as sentences with their arguments filled in (why a column holds a
// purchase role, why a table holds the purchases, the discount, a value
// model's error with its detail, the importer's encoding note) is said in
// Spanish; looking the finished English up in the catalogue found nothing.
func TestFilledInSentencesAreSpanish(t *testing.T) {
	db, dir := reviewShop(t)
	_, out, _ := runIn(t, "es", "roles", db, "--data-dir", dir)
	for _, want := range []string{"Compras: invoice_lines contiene líneas de compra: una clave de cliente, una fecha y cantidad × precio unitario",
		"de invoices: las líneas apuntan a ella por invoice_id; apunta a customers.customer_id"} {
		if !strings.Contains(out, want) {
			t.Errorf("roles in Spanish lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = runIn(t, "en", "roles", db, "--data-dir", dir)
	if !strings.Contains(out, "Purchases: invoice_lines holds purchase lines: a customer key, a date and quantity × unit price (returns: returned quantity × unit price)") ||
		!strings.Contains(out, "from invoices: the lines point at it through invoice_id; points at customers.customer_id") {
		t.Errorf("roles in English:\n%s", out)
	}
	_, out, _ = runIn(t, "es", "rfm", db, "--data-dir", dir)
	if !strings.Contains(out, "de invoices: las líneas apuntan a ella por invoice_id; nombre \"invoice_datetime\"") {
		t.Errorf("rfm in Spanish: the purchase roles' reasons:\n%s", out)
	}
	_, out, _ = runIn(t, "es", "value", db, "--data-dir", dir, "--no-validate")
	if !strings.Contains(out, "clv descontado 1% cada 30 días") {
		t.Errorf("value in Spanish: the discount:\n%s", out)
	}
	_, out, _ = runIn(t, "en", "value", db, "--data-dir", dir, "--no-validate")
	if !strings.Contains(out, "clv discounted 1% per 30 days") {
		t.Errorf("value in English: the discount:\n%s", out)
	}
	code, _, errOut := runIn(t, "es", "value", db, "--data-dir", dir, "--as-of", "2022-01-01")
	if code != exitFail || !strings.Contains(errOut, "pulpero: El fin de calibración cae fuera de las fechas de compra") || !strings.Contains(errOut, "(al ") {
		t.Errorf("value error in Spanish: exit %d %q", code, errOut)
	}
	code, _, errOut = runIn(t, "en", "value", db, "--data-dir", dir, "--as-of", "2022-01-01")
	if code != exitFail || !strings.Contains(errOut, "pulpero: The calibration end lies outside the purchase dates; choose a date between the first and the last purchase. (as of 2022-01-01") {
		t.Errorf("value error in English: exit %d %q", code, errOut)
	}
	csv := filepath.Join(dir, "t.csv")
	if err := os.WriteFile(csv, []byte("id;name\n1;Ana\n2;Jos\xe9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, errOut = runIn(t, "es", "import", csv, "--db", filepath.Join(dir, "t.db"))
	if !strings.Contains(out, "Codificación: windows-1252 (bytes no ASCII: 1 no UTF-8, 0 en caracteres UTF-8)") {
		t.Errorf("import in Spanish: the encoding note:\n%s%s", out, errOut)
	}
}

// TestFiguresFollowTheLocaleEverywhere (review 10, 11): value's band
// labels, describe's bin edges and rfm's thresholds are written as the
// rest of the figures beside them (0,1–0,3; [1.042,35; 1.438,74);
// 7.058,00); English keeps its own (ungrouped edges, as before).
func TestFiguresFollowTheLocaleEverywhere(t *testing.T) {
	db, dir := reviewShop(t)
	_, out, _ := runIn(t, "es", "value", db, "--data-dir", dir, "--no-validate")
	if !regexp.MustCompile(`(?m)^  0,1–0,3 +\d+ clientes`).MatchString(out) || !regexp.MustCompile(`(?m)^  < 0,1 `).MatchString(out) {
		t.Errorf("value's bands in Spanish:\n%s", out)
	}
	_, out, _ = runIn(t, "en", "value", db, "--data-dir", dir, "--no-validate")
	if !regexp.MustCompile(`(?m)^  0\.1–0\.3 +\d+ customers`).MatchString(out) {
		t.Errorf("value's bands in English:\n%s", out)
	}
	_, out, _ = runIn(t, "es", "describe", db, "--data-dir", dir, "--column", "monthly_income")
	if !regexp.MustCompile(`\[\d\.\d{3}(,\d+)?; \d\.\d{3}(,\d+)?\)`).MatchString(out) || regexp.MustCompile(`[\[ ]\d{4}[,;)]`).MatchString(out) {
		t.Errorf("describe's bins in Spanish are not grouped as its figures:\n%s", out)
	}
	_, out, _ = runIn(t, "en", "describe", db, "--data-dir", dir, "--column", "monthly_income")
	if !regexp.MustCompile(`\[\d{4}(\.\d+)?, \d{4}(\.\d+)?\)`).MatchString(out) {
		t.Errorf("describe's bins in English:\n%s", out)
	}
	_, out, _ = runIn(t, "es", "rfm", db, "--data-dir", dir)
	if !regexp.MustCompile(`(?m)^monto +5 +5 +[0-9.,]+ +\d\.\d{3},\d\d$`).MatchString(out) {
		t.Errorf("rfm's thresholds in Spanish:\n%s", out)
	}
	_, out, _ = runIn(t, "en", "rfm", db, "--data-dir", dir)
	if !regexp.MustCompile(`(?m)^monetary +5 +5 +[0-9.]+ +\d{4}\.\d\d$`).MatchString(out) {
		t.Errorf("rfm's thresholds in English:\n%s", out)
	}
}

// TestDaysAreTypedAsTheyAreShown (review 12): --as-of (and value's
// --calibration-end, export's --history-since) take the day as the
// Spanish output writes it, 31/12/2025, and mean the same day as ISO.
func TestDaysAreTypedAsTheyAreShown(t *testing.T) {
	db, dir := reviewShop(t)
	for _, args := range [][]string{
		{"describe", db, "--column", "age", "--as-of"},
		{"segment", "count", db, "age > 40", "--as-of"},
		{"rfm", db, "--as-of"},
		{"cluster", db, "--features", "age,income", "--k", "2", "--as-of"},
		{"value", db, "--no-validate", "--as-of"},
		{"value", db, "--calibration-end"},
	} {
		args = append(append(args[:len(args)-1:len(args)-1], "--data-dir", dir), args[len(args)-1])
		codeISO, iso, errISO := runIn(t, "es", append(args, "2025-12-31")...)
		codeES, es, errES := runIn(t, "es", append(args, "31/12/2025")...)
		if codeISO != exitOK || codeES != exitOK || noTimes(iso) != noTimes(es) {
			t.Errorf("%q: ISO exit %d %s, DD/MM/YYYY exit %d %s\n%s\n---\n%s", args, codeISO, errISO, codeES, errES, iso, es)
		}
	}
	code, out, errOut := runIn(t, "en", "export", db, "--data-dir", dir, "--all", "--channel", "email", "--cost", "0.05", "--value", "40", "--dry-run", "--history-since", "31/12/2025")
	if code != exitOK {
		t.Errorf("export --history-since 31/12/2025: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runIn(t, "es", "describe", db, "--data-dir", dir, "--as-of", "12/31/2025"); code != exitUsage ||
		!strings.Contains(errOut, "escriba una fecha como DD/MM/AAAA o AAAA-MM-DD") {
		t.Errorf("describe --as-of 12/31/2025 in Spanish: exit %d %q", code, errOut)
	}
}

// noTimes is a report without its timings, which differ between runs.
func noTimes(s string) string {
	return regexp.MustCompile(`\d+,\d+ ?s\b`).ReplaceAllString(s, "…")
}

// TestShareYesAndUnsupportedLanguage (review 33, and 5's describe part): a
// yes/no column's share reads "89,2% sí" in Spanish with its values sí/no
// (English as it was); --lang fr says which languages there are, in the
// environment's language.
func TestShareYesAndUnsupportedLanguage(t *testing.T) {
	db, dir := reviewShop(t)
	_, out, _ := runIn(t, "es", "describe", db, "--data-dir", dir, "--column", "internet_user")
	if !regexp.MustCompile(`(?m)^  \d{1,2},\d% sí$`).MatchString(out) || !regexp.MustCompile(`(?m)^  sí +\d`).MatchString(out) || strings.Contains(out, "proporción sí") {
		t.Errorf("describe of a yes/no column in Spanish:\n%s", out)
	}
	_, out, _ = runIn(t, "en", "describe", db, "--data-dir", dir, "--column", "internet_user")
	if !regexp.MustCompile(`(?m)^  share yes 0\.\d+$`).MatchString(out) || !regexp.MustCompile(`(?m)^  yes +\d`).MatchString(out) {
		t.Errorf("describe of a yes/no column in English:\n%s", out)
	}
	if code, _, errOut := runIn(t, "en", "help", "--lang", "fr"); code != exitUsage || errOut != "pulpero: unsupported language: fr (es|en)\n" {
		t.Errorf("--lang fr: exit %d %q", code, errOut)
	}
	defer func() { getenv = func(string) string { return "" } }()
	getenv = func(k string) string { return map[string]string{"LANG": "es_ES.UTF-8"}[k] }
	if code, _, errOut := runCLI(t, "help", "--lang", "fr"); code != exitUsage || errOut != "pulpero: idioma no admitido: fr (es|en)\n" {
		t.Errorf("--lang fr under LANG=es_ES.UTF-8: exit %d %q", code, errOut)
	}
	getenv = func(k string) string { return map[string]string{"LANG": "fr_FR.UTF-8"}[k] }
	if code, out, _ := runCLI(t, "help"); code != exitOK || !strings.Contains(out, "Commands:") {
		t.Errorf("LANG=fr_FR.UTF-8: exit %d\n%s", code, out)
	}
}

// TestSpanishHelpWording (review 30, 31): the Spanish help says what the
// review asked, and writes its placeholders in Spanish throughout
// (ARCHIVO, BD, NOMBRE, COMANDO, NUEVO, AAAA-MM-DD, ROL=TABLA.COLUMNA,
// SÍMBOLO); the English help keeps its own.
func TestSpanishHelpWording(t *testing.T) {
	var all strings.Builder
	for _, c := range []string{"", "describe", "segment", "export", "campaign", "roles", "rfm", "value", "cluster", "settings", "import", "serve", "sample"} {
		args := []string{"help", c}
		if c == "" {
			args = args[:1]
		}
		_, out, errOut := runIn(t, "es", args...)
		all.WriteString(out + errOut)
	}
	_, out, _ := runIn(t, "es", "segment", "--help")
	all.WriteString(out)
	_, out, _ = runIn(t, "es", "campaign", "--help")
	all.WriteString(out)
	help := all.String()
	for _, want := range []string{"pulpero: segmentación de clientes en la terminal.", "intersecciones dos a dos",
		`"en los últimos 3 meses" del 16/03/2026 al 15/06/2026`, `no en segmento "Reclamaron"`,
		"el grupo de control se elige a partir de un hash del nombre", "rfm      calcular puntuaciones",
		"value    estimar el valor del cliente", "fijar el símbolo de moneda",
		"pulpero segment rename BD NOMBRE NUEVO", "pulpero roles BD [--table NOMBRE] [--set ROL=COLUMNA]",
		"ROL_DE_COMPRA=TABLA.COLUMNA: corregir", "pulpero settings BD [--currency SÍMBOLO|none]", "pulpero help COMANDO"} {
		if !strings.Contains(help, want) {
			t.Errorf("the Spanish help lacks %q", want)
		}
	}
	if m := regexp.MustCompile(`\b(FILE|DB|NAME|COMMAND|NEW|YYYY-MM-DD|ROLE|TABLE|COLUMN|SYMBOL|PREFIX)\b`).FindAllString(help, -1); len(m) > 0 {
		t.Errorf("English placeholders in the Spanish help: %q\n%s", m, help)
	}
	for _, old := range []string{"puesto de trabajo", "de a pares", "últimos 1 meses", "Complained", "hash de él", "marcar su dinero"} {
		if strings.Contains(help, old) {
			t.Errorf("the Spanish help still says %q", old)
		}
	}
	_, en, _ := runIn(t, "en", "help", "roles")
	if !strings.HasPrefix(en, "pulpero roles DB [--table NAME] [--set ROLE=COLUMN]...\n") {
		t.Errorf("English help of roles:\n%s", en)
	}
}

// TestPrintedRulesUseTheRunsKeywords (review 4, its CLI part): the rules
// value prints beside its bands, and cluster beside the archetypes, read
// with the Spanish keywords in Spanish (canonical in English, and in what
// is saved).
func TestPrintedRulesUseTheRunsKeywords(t *testing.T) {
	db, dir := reviewShop(t)
	_, out, _ := runIn(t, "es", "value", db, "--data-dir", dir, "--no-validate")
	if !strings.Contains(out, "p_alive >= 0.1 y p_alive < 0.3") || strings.Contains(out, " and ") {
		t.Errorf("value's band rules in Spanish:\n%s", out)
	}
	_, out, _ = runIn(t, "en", "value", db, "--data-dir", dir, "--no-validate")
	if !strings.Contains(out, "p_alive >= 0.1 and p_alive < 0.3") {
		t.Errorf("value's band rules in English:\n%s", out)
	}
	code, out, errOut := runIn(t, "es", "cluster", db, "--data-dir", dir, "--features", "frequency,monetary", "--k", "2", "--archetypes")
	if code != exitOK || !strings.Contains(out, "Arquetipo: lujo y social") || regexp.MustCompile(`Arquetipo.*\b(and|or)\b`).MatchString(out) {
		t.Errorf("cluster's archetype rules in Spanish: exit %d\n%s%s", code, out, errOut)
	}
}

// TestClusterSaysWhyARuleWasNotSaved (review 2, cluster_output.go): why a
// rule was not saved is Spanish too.
func TestClusterSaysWhyARuleWasNotSaved(t *testing.T) {
	db, dir := reviewShop(t)
	args := []string{"cluster", db, "--data-dir", dir, "--features", "frequency,monetary", "--k", "2", "--save-archetypes"}
	if code, _, errOut := runIn(t, "es", args...); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	_, out, _ := runIn(t, "es", args...)
	if !strings.Contains(out, `no guardado "Archetype: researcher": ya estaba guardado`) {
		t.Errorf("cluster --save-archetypes again, in Spanish:\n%s", out)
	}
	_, out, _ = runIn(t, "en", args...)
	if !strings.Contains(out, `not saved "Archetype: researcher": already saved`) {
		t.Errorf("cluster --save-archetypes again, in English:\n%s", out)
	}
}

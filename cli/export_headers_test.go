package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model/campaign"
)

// useLanguage sets the run's language as --lang does, and puts English
// back when the test ends.
func useLanguage(t *testing.T, lang string) {
	t.Helper()
	l, err := locale.Parse(lang)
	if err != nil {
		t.Fatal(err)
	}
	tr = l
	t.Cleanup(func() { tr = locale.Default() })
}

// TestExportSpanishHeaders (issue 19, review 14): --headers es writes a
// list for people opening it in a Spanish spreadsheet: the list's and the
// rejected file's header line in Spanish, the values pulpero names in
// Spanish too (channel, group, the segment of --all, the reasons), and the
// list's numbers as --excel writes them (BOM, ';', decimal comma: 3.2832
// would read as 32.832), with or without --excel. Otherwise the rows are
// those of the same export with the default English headers, so every
// listed customer is still reachable on their channel (the consent rules
// of TestExportConsentProperty, checked again here against the database's
// truth); the English files are as they were. The manifest says which
// headers were used; JSON lines keep their keys, so --headers es refuses
// them.
func TestExportSpanishHeaders(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "shop.db")
	truth := randomShop(t, rand.New(rand.NewPCG(19, 3)), dbPath, 400)
	export := func(out string, extra ...string) (stdout, stderr string, code int) {
		args := append([]string{dbPath, "--all", "--channel", "email,sms,post", "--cost", "0.05,0.08,0.6", "--value", "40",
			"--control", "15", "--name", "spring", "--out", filepath.Join(dir, out),
			"--rejected", filepath.Join(dir, strings.TrimSuffix(out, ".csv")+".rejected.csv"), "--data-dir", dir, "--no-record"}, extra...)
		var so, se strings.Builder
		code = runExport(args, &so, &se)
		return so.String(), se.String(), code
	}
	spanish := map[string]string{"email": "correo", "sms": "SMS", "post": "carta", "target": "objetivo", "control": "control", "all": "todos",
		"no consent": "sin consentimiento", "unsubscribed": "baja", "invalid or missing address": "dirección inválida o faltante",
		"bounced": "rebotado", "control group": "grupo de control", "not profitable": "no rentable", "over budget": "fuera de presupuesto"}
	for _, c := range []struct {
		name  string
		extra []string
		comma string
	}{{"plain", nil, ","}, {"excel", []string{"--excel"}, ";"}} {
		t.Run(c.name, func(t *testing.T) {
			if _, se, code := export("en_"+c.name+".csv", c.extra...); code != 0 {
				t.Fatalf("English export: exit %d: %s", code, se)
			}
			if _, se, code := export("es_"+c.name+".csv", append([]string{"--headers", "es"}, c.extra...)...); code != 0 {
				t.Fatalf("Spanish export: exit %d: %s", code, se)
			}
			for _, f := range []struct {
				file         string
				en, es       []string
				enSep, esSep string // between fields
				bom          bool   // the Spanish file's (and --excel's)
			}{
				{"%s_" + c.name + ".csv",
					[]string{"customer_id", "name", "contact", "channel", "segment", "group", "response_probability", "expected_value"},
					[]string{"ID de cliente", "Nombre", "Contacto", "Canal", "Segmento", "Grupo", "Probabilidad de respuesta", "Valor esperado"},
					c.comma, ";", true},
				{"%s_" + c.name + ".rejected.csv", []string{"customer_id", "reason"}, []string{"ID de cliente", "Motivo"}, ",", ",", false},
			} {
				enPath := filepath.Join(dir, strings.Replace(f.file, "%s", "en", 1))
				esPath := filepath.Join(dir, strings.Replace(f.file, "%s", "es", 1))
				en, err := os.ReadFile(enPath)
				if err != nil {
					t.Fatal(err)
				}
				es, err := os.ReadFile(esPath)
				if err != nil {
					t.Fatal(err)
				}
				enHead, _, _ := bytes.Cut(en, []byte("\n"))
				esHead, _, _ := bytes.Cut(es, []byte("\n"))
				enBOM, esBOM := "", ""
				if f.bom {
					esBOM = "\ufeff"
					if c.name == "excel" {
						enBOM = "\ufeff"
					}
				}
				if got, want := string(enHead), enBOM+strings.Join(f.en, f.enSep); got != want {
					t.Errorf("%s: English header %q, want %q (stable for scripts)", f.file, got, want)
				}
				if got, want := string(esHead), esBOM+strings.Join(quoteCells(f.es, f.esSep), f.esSep); got != want {
					t.Errorf("%s: Spanish header %q, want %q", f.file, got, want)
				}
				enRows, esRows := readCSVWith(t, enPath, f.enSep)[1:], readCSVWith(t, esPath, f.esSep)[1:]
				if len(esRows) < 20 || len(enRows) != len(esRows) {
					t.Fatalf("%s: %d rows in English, %d in Spanish", f.file, len(enRows), len(esRows))
				}
				for i, row := range enRows {
					want := slices.Clone(row)
					for j := range want {
						if strings.HasSuffix(f.file, "rejected.csv") && j == 1 {
							r, atExport := strings.CutSuffix(want[j], " at export")
							want[j] = spanish[r]
							if atExport {
								want[j] += " al exportar"
							}
						} else if j >= 3 && j <= 5 && spanish[want[j]] != "" {
							want[j] = spanish[want[j]]
						} else if j >= 6 {
							want[j] = strings.Replace(want[j], ".", ",", 1)
						}
					}
					if !slices.Equal(want, esRows[i]) {
						t.Fatalf("%s row %d: %q in Spanish, want %q (from the English %q)", f.file, i+1, esRows[i], want, row)
					}
				}
			}
			// the lists obey the consent rules
			rows := readCSVWith(t, filepath.Join(dir, "en_"+c.name+".csv"), c.comma)
			if len(rows) < 2 {
				t.Fatal("empty list")
			}
			for _, row := range rows[1:] {
				id, _ := strconv.ParseInt(row[0], 10, 64)
				if !truth[id].reachable(row[3]) {
					t.Fatalf("customer %d listed for %s without consent or a valid address: %+v", id, row[3], truth[id])
				}
			}
			for lang, want := range map[string]string{"en": campaign.HeadersEnglish, "es": campaign.HeadersSpanish} {
				var m campaign.Manifest
				b, err := os.ReadFile(filepath.Join(dir, lang+"_"+c.name+".manifest.json"))
				if err != nil {
					t.Fatal(err)
				}
				if err := json.Unmarshal(b, &m); err != nil {
					t.Fatal(err)
				}
				if m.Params.Headers != want || m.Params.Excel != (lang == "es" || c.name == "excel") {
					t.Errorf("%s manifest: headers %q, excel %v; want %q", lang, m.Params.Headers, m.Params.Excel, want)
				}
			}
		})
	}
	// JSON lines keep their keys: --headers es is refused, in the run's language
	if _, se, code := export("x.jsonl", "--format", "jsonl", "--headers", "es"); code != exitUsage || !strings.Contains(se, "--headers es applies to --format csv only") {
		t.Errorf("--headers es with JSON lines: exit %d, %q", code, se)
	}
	if _, se, code := export("x.csv", "--headers", "fr"); code != exitUsage || !strings.Contains(se, `--headers "fr": use en or es`) {
		t.Errorf("--headers fr: exit %d, %q", code, se)
	}
	useLanguage(t, "es")
	if _, se, code := export("x.jsonl", "--format", "jsonl", "--headers", "es"); code != exitUsage || !strings.Contains(se, "--headers es solo se aplica a --format csv") ||
		!strings.Contains(se, "uso: pulpero export BD") {
		t.Errorf("--headers es with JSON lines, in Spanish: exit %d, %q", code, se)
	}
	// what app refuses is said in Spanish too, the file names as they are
	same := filepath.Join(dir, "same.csv")
	var so, se strings.Builder
	code := runExport([]string{dbPath, "--all", "--cost", "0.05", "--value", "40", "--out", same, "--rejected", same, "--data-dir", dir}, &so, &se)
	if want := "--out y --rejected son el mismo archivo (" + same + "); dé a cada uno su propio nombre"; code != exitFail || !strings.Contains(se.String(), want) {
		t.Errorf("--out and --rejected the same file, in Spanish: exit %d, %q; want %q", code, se.String(), want)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.jsonl")); err == nil {
		t.Error("a refused export wrote its list")
	}
}

// quoteCells quotes the cells a CSV writer would (none of the Spanish
// names needs it today; kept so the test states the file format).
func quoteCells(cells []string, comma string) []string {
	out := slices.Clone(cells)
	for i, c := range out {
		if strings.ContainsAny(c, comma+"\"\n") {
			out[i] = strconv.Quote(c)
		}
	}
	return out
}

// readCSVWith reads a list written with comma between fields (and a BOM
// for --excel).
func readCSVWith(t *testing.T, path, comma string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.Comma = rune(comma[0])
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

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

// TestExportSpanishHeaders (issue 19): --headers es writes the list's and
// the rejected file's header line in Spanish and nothing else differently:
// below the header both files are byte for byte those of the same export
// with the default English headers, so every listed customer is still
// reachable on their channel (the consent rules of TestExportConsentProperty,
// checked again here against the database's truth). The manifest says which
// headers were used; JSON lines keep their keys, so --headers es refuses them.
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
				file     string
				en, es   []string
				minLines int
			}{
				{"%s_" + c.name + ".csv",
					[]string{"customer_id", "name", "contact", "channel", "segment", "group", "response_probability", "expected_value"},
					[]string{"ID de cliente", "Nombre", "Contacto", "Canal", "Segmento", "Grupo", "Probabilidad de respuesta", "Valor esperado"}, 20},
				{"%s_" + c.name + ".rejected.csv", []string{"customer_id", "reason"}, []string{"ID de cliente", "Motivo"}, 20},
			} {
				en, err := os.ReadFile(filepath.Join(dir, strings.Replace(f.file, "%s", "en", 1)))
				if err != nil {
					t.Fatal(err)
				}
				es, err := os.ReadFile(filepath.Join(dir, strings.Replace(f.file, "%s", "es", 1)))
				if err != nil {
					t.Fatal(err)
				}
				enHead, enRows, _ := bytes.Cut(en, []byte("\n"))
				esHead, esRows, _ := bytes.Cut(es, []byte("\n"))
				if !bytes.Equal(enRows, esRows) {
					t.Errorf("%s: the rows differ between the English and the Spanish headers", f.file)
				}
				if n := bytes.Count(esRows, []byte("\n")); n < f.minLines {
					t.Errorf("%s: only %d rows: the test proves little", f.file, n)
				}
				bom, comma := "", ","
				if c.name == "excel" && !strings.Contains(f.file, "rejected") { // the rejected file is plain CSV
					bom, comma = "\ufeff", c.comma
				}
				if got, want := string(enHead), bom+strings.Join(f.en, comma); got != want {
					t.Errorf("%s: English header %q, want %q (stable for scripts)", f.file, got, want)
				}
				if got, want := string(esHead), bom+strings.Join(quoteCells(f.es, comma), comma); got != want {
					t.Errorf("%s: Spanish header %q, want %q", f.file, got, want)
				}
			}
			// the Spanish list obeys the consent rules, as the English one does
			rows := readCSVWith(t, filepath.Join(dir, "es_"+c.name+".csv"), c.comma)
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
				if m.Params.Headers != want {
					t.Errorf("%s manifest: headers %q, want %q", lang, m.Params.Headers, want)
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

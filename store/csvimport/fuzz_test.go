package csvimport

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/store/parse"
)

// FuzzReader feeds arbitrary bytes to the record reader and the guessers
// that look at its output: none may panic or stop making progress, fields
// never hold more bytes than the input, and on plain CSV that
// encoding/csv reads strictly the two readers agree.
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n", "a;b\r\n\"x;y\";\"q\"\"q\"\r\n", "\"open\n", "a  b\n 1 2 \n", "x|y\n\"\"|\n",
		"\xef\xbb\xbfid\n1", "a,b\n\"1\"x,2\n", "\n\n\n", "\"\"\"", "a\tb\n1,5\t2.000,25\n",
		"d\n13/01/2020\n01/13/2020 10:00\n20240131\n", "Jos\xe9;M\xe1laga\n",
	} {
		f.Add([]byte(s), byte(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, which byte) {
		delims := []byte{',', ';', '\t', '|', SpaceRuns}
		delim := delims[int(which)%len(delims)]
		var got [][]string
		r := newReader(newDecoder(bytes.NewReader(data), EncodingUTF8), delim)
		total := 0
		for calls := 0; ; calls++ {
			if calls > len(data)+2 {
				t.Fatalf("no progress after %d reads", calls)
			}
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				if !errors.Is(err, ErrQuote) && !errors.Is(err, ErrLineTooLong) {
					t.Fatalf("unexpected error %v", err)
				}
				got = nil // the records no longer line up with encoding/csv's
				continue
			}
			if got != nil || calls == 0 {
				got = append(got, append([]string(nil), rec...))
			}
			stats := newColStats()
			var votes markVotes
			for _, s := range rec {
				total += len(s)
				if s = strings.TrimSpace(s); s != "" {
					stats.add(s, r.Line(), &votes)
					markEvidence(s)
					parse.DateOrderEvidence(s)
				}
			}
			stats.decide(&column{}, parse.DecimalComma)
			looksLikeHeader(rec)
		}
		if total > len(data) {
			t.Fatalf("fields hold %d bytes, input has %d", total, len(data))
		}
		sniffDelimiter(data, true)
		// Latin-1 decoding never fails and yields valid UTF-8.
		out, _ := io.ReadAll(newDecoder(bytes.NewReader(data), EncodingWindows1252))
		if !bytes.Equal(out, bytes.ToValidUTF8(out, nil)) {
			t.Fatalf("decoder output is not UTF-8")
		}
		// Differential check on input both readers define the same way.
		if delim == SpaceRuns || bytes.ContainsAny(data, "\r") || hasBlankLine(data) || got == nil {
			return
		}
		cr := csv.NewReader(bytes.NewReader(data))
		cr.Comma = rune(delim)
		cr.FieldsPerRecord = -1
		want, err := cr.ReadAll()
		if err != nil {
			return
		}
		if len(want) == 0 && len(got) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("records differ from encoding/csv:\n got %q\nwant %q", got, want)
		}
	})
}

// hasBlankLine reports a line of only white space (which this reader
// skips and encoding/csv reads as a record).
func hasBlankLine(data []byte) bool {
	for _, line := range bytes.Split(data, []byte{'\n'}) {
		if len(line) > 0 && len(bytes.TrimSpace(line)) == 0 {
			return true
		}
	}
	return false
}

// FuzzImport imports arbitrary bytes with every guess left to the importer:
// it must succeed or report a problem with the file, and never find a value
// that breaks the types it decided from those same values.
func FuzzImport(f *testing.F) {
	for _, s := range []string{
		"id,n\n1,2\n", "a;b\n1,5;x\n2;\n", "d\n01/02/2020\n13/02/2020 10:00\n", "x\n0042\n42\n",
		"flag\nyes\n0\n", "v\n1e3\n17850.0\n-1,234.5\n", "t\n2020-01-01\n2020-01-01T10:00:00Z\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		db := filepath.Join(dir, "f.db")
		res, err := Import(context.Background(), db, p, Options{})
		switch {
		case errors.Is(err, ErrBadValue):
			t.Fatalf("a value broke types decided from every value: %v", err)
		case err != nil:
			var ie *ImportError
			if !errors.As(err, &ie) && !errors.Is(err, ErrNoData) && !errors.Is(err, ErrUnreadable) {
				t.Fatalf("not a problem with the file: %v", err)
			}
			return
		}
		got := rows(t, db, `SELECT count(*) FROM `+quoteIdent(res.Table))
		if got[0][0] != res.Rows {
			t.Fatalf("table has %v rows, result says %d", got[0][0], res.Rows)
		}
	})
}

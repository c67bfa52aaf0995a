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
		// CR-only line ends (old Mac exports), with an LF inside quotes.
		"id,name\r1,Ana\r2,\"two\nlines\"\r3,Bo\r\n4,x",
		// Valid UTF-8 with odd bytes.
		"id,name\n1,\xc3\x91o\xc3\xb1o\n2,caf\xe9\n3,\xe2\x82\n",
		// A quote that swallows the next record, and a genuine multi-line field.
		"id,name,email\n3,\"Ce,ce@x\n4,\"Di\",di@x\n5,\"a\nb, c\",e@x\n",
	} {
		f.Add([]byte(s), byte(0))
	}
	f.Add([]byte("id,name\r1,Ana\r2,Bo\r"), byte(16|8|2<<5))
	f.Add([]byte("id,name,email\n3,\"Ce,ce@x\n4,\"Di\",di@x\n"), byte(3<<5))
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
		watchedReader(t, data, delim, which)
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

// watchedReader reads data as the import passes do: through the odd-byte
// repair and the CR line ends (as which says), checking quotes against a
// record width of 1 to 8. It must always progress, fail only on quotes and
// long lines, and never fail on a quote when lenient.
func watchedReader(t *testing.T, data []byte, delim, which byte) {
	for _, lenient := range []bool{false, true} {
		var src io.Reader = bytes.NewReader(data)
		if which&8 != 0 {
			src = newUTF8Repair(src)
		}
		if which&16 != 0 {
			src = &crReader{src: src}
		}
		r := newReader(src, delim)
		r.expect, r.lenient = int(which>>5)+1, lenient
		for calls := 0; ; calls++ {
			if calls > len(data)+2 {
				t.Fatalf("watched reader: no progress after %d reads", calls)
			}
			_, err := r.Read()
			if err == io.EOF {
				break
			}
			switch {
			case err == nil:
			case lenient && errors.Is(err, ErrQuote):
				t.Fatalf("lenient reader failed: %v", err)
			case !errors.Is(err, ErrQuote) && !errors.Is(err, ErrLineTooLong):
				t.Fatalf("watched reader: unexpected error %v", err)
			}
		}
		if !lenient && r.repaired != 0 || int64(len(r.repairedAt)) > r.repaired {
			t.Fatalf("repaired %d at %v (lenient %v)", r.repaired, r.repairedAt, lenient)
		}
	}
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
		"id,name,n\r1,Ana,2,5\r2,\"a\nb\",3\r",                      // CR-only line ends
		"id,name\n1,\xc3\x91o\xc3\xb1o\n2,Pe\xc3\xb1a\n3,caf\xe9\n", // UTF-8 with an odd byte
		"id,e,c\n3,\"Ce,x\n4,\"Di\",y\n",                            // a quote swallowing a record
		"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff\x4b\xd4\x49\xe2\x32\xd4\x31\xe2\x02\x00\x7b\x07\x97\x0a\x08\x00\x00\x00", // gzip of "a,b\n1,2\n"
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

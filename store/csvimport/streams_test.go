package csvimport

import (
	"bytes"
	"database/sql"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// randomText joins random tokens: ASCII, line ends, valid UTF-8 runes of
// two to four bytes, and bytes that are not UTF-8.
func randomText(rng *rand.Rand, n int) (tokens []string) {
	alphabet := []string{"a", "b", ",", "\"", "\n", "\r", "\r\n", "é", "Ñ", "€", "😀", "\xe9", "\xff", "\x81", "\xc3", "\xe2\x82"}
	for range n {
		tokens = append(tokens, alphabet[rng.IntN(len(alphabet))])
	}
	return tokens
}

// chunked reads r through readers that return few bytes at a time.
func chunked(r io.Reader, rng *rand.Rand) io.Reader {
	if rng.IntN(2) == 0 {
		return iotest.OneByteReader(r)
	}
	return iotest.HalfReader(r)
}

func TestUTF8RepairMatchesTheSpec(t *testing.T) {
	// The Go spec: converting a string to []rune yields U+FFFD for each
	// byte that does not start a valid UTF-8 sequence, one per byte.
	rng := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		in := strings.Join(randomText(rng, rng.IntN(60)), "")
		want := string([]rune(in))
		got, err := io.ReadAll(newUTF8Repair(chunked(strings.NewReader(in), rng)))
		if err != nil || string(got) != want {
			t.Fatalf("%q: got %q, want %q (%v)", in, got, want, err)
		}
	}
}

func TestCRReaderMatchesReplacer(t *testing.T) {
	oracle := strings.NewReplacer("\r\n", "\n", "\r", "\n")
	rng := rand.New(rand.NewPCG(5, 6))
	for range 500 {
		in := strings.Join(randomText(rng, rng.IntN(60)), "")
		got, err := io.ReadAll(&crReader{src: chunked(strings.NewReader(in), rng)})
		if err != nil || string(got) != oracle.Replace(in) {
			t.Fatalf("%q: got %q, want %q (%v)", in, got, oracle.Replace(in), err)
		}
	}
}

func TestTextStatsMatchesByteLoop(t *testing.T) {
	// Chunks split anywhere, keeping an unfinished rune for the next chunk
	// as scanFile does; the oracle walks the whole text byte by byte.
	rng := rand.New(rand.NewPCG(7, 8))
	for range 500 {
		tokens := randomText(rng, rng.IntN(80))
		text := strings.Join(tokens, "")
		var ts textStats
		ts.detect = true
		var chunk []byte
		for _, tok := range tokens {
			chunk = append(chunk, tok...)
			if rng.IntN(4) == 0 {
				keep := incompleteTail(chunk)
				ts.add(chunk[:len(chunk)-keep])
				chunk = append([]byte(nil), chunk[len(chunk)-keep:]...)
			}
		}
		ts.add(chunk)

		var lfs, crlfs, crs, odd, high int64
		var oddLF, oddAny []int
		lineLF, lineAny := 1, 1
		for i := 0; i < len(text); {
			c := text[i]
			switch {
			case c == '\r' && i+1 < len(text) && text[i+1] == '\n':
				crlfs++
				lineLF++
				lineAny++
				i += 2
				continue
			case c == '\r':
				crs++
				lineAny++
			case c == '\n':
				lfs++
				lineLF++
				lineAny++
			case c >= 0x80:
				r, size := utf8.DecodeRuneInString(text[i:])
				if r == utf8.RuneError && size == 1 {
					odd++
					if len(oddLF) < maxWarnLines && (len(oddLF) == 0 || oddLF[len(oddLF)-1] != lineLF) {
						oddLF = append(oddLF, lineLF)
					}
					if len(oddAny) < maxWarnLines && (len(oddAny) == 0 || oddAny[len(oddAny)-1] != lineAny) {
						oddAny = append(oddAny, lineAny)
					}
				} else {
					high += int64(size)
					i += size
					continue
				}
			}
			i++
		}
		got := []int64{ts.lf, ts.crlf, ts.cr, ts.odd, ts.utf8High}
		want := []int64{lfs, crlfs, crs, odd, high}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(ts.oddLF, oddLF) || !reflect.DeepEqual(ts.oddAny, oddAny) {
			t.Fatalf("%q:\n got %v %v %v\nwant %v %v %v", text, got, ts.oddLF, ts.oddAny, want, oddLF, oddAny)
		}
	}
}

func TestHighBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 200 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		want, wantUndefined := int64(0), false
		for _, c := range b {
			if c >= 0x80 {
				want++
			}
			// The five holes of Windows-1252 (WHATWG Encoding, index-windows-1252).
			wantUndefined = wantUndefined || c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D
		}
		if got, undefined := highBytes(b); got != want || undefined != wantUndefined {
			t.Fatalf("%x: %d %v, want %d %v", b, got, undefined, want, wantUndefined)
		}
	}
}

func TestMaxColumnsIsSQLites(t *testing.T) {
	// maxColumns must be what the linked SQLite was compiled with.
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var opt string
	if err := db.QueryRow(`SELECT compile_options FROM pragma_compile_options WHERE compile_options LIKE 'MAX_COLUMN=%'`).Scan(&opt); err != nil {
		t.Fatal(err)
	}
	if want := "MAX_COLUMN=" + count(maxColumns); strings.ReplaceAll(want, ",", "") != opt {
		t.Errorf("SQLite says %s, maxColumns is %d", opt, maxColumns)
	}
}

func TestReadHeadEndsOnALine(t *testing.T) {
	long := strings.Repeat("x,", sniffBytes) + "end\nnext\n"
	head, complete, err := readHead(strings.NewReader(long))
	if err != nil || complete || !bytes.HasSuffix(head, []byte("end\n")) {
		t.Errorf("complete %v err %v, head ends %q", complete, err, head[max(0, len(head)-8):])
	}
	head, complete, _ = readHead(strings.NewReader("a,b\n1,2"))
	if !complete || string(head) != "a,b\n1,2" {
		t.Errorf("short: %q %v", head, complete)
	}
}

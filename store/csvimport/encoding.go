package csvimport

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// normEncoding accepts the spellings people use for the three encodings.
func normEncoding(s string) (string, error) {
	switch strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(s), "_", "-"), " ", "-")) {
	case "":
		return "", nil
	case "utf-8", "utf8":
		return EncodingUTF8, nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
		return EncodingLatin1, nil
	case "windows-1252", "cp1252", "win1252", "windows1252":
		return EncodingWindows1252, nil
	}
	return "", fmt.Errorf("%w: encoding %q (use utf-8, latin-1 or windows-1252)", ErrBadOption, s)
}

// incompleteTail is how many bytes at the end of b begin a rune that the
// next chunk finishes.
func incompleteTail(b []byte) int {
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < 0x80 {
			return 0
		}
		if c >= 0xC0 { // a lead byte: is its rune complete?
			need := 2
			if c >= 0xE0 {
				need = 3
			}
			if c >= 0xF0 {
				need = 4
			}
			if i < need {
				return i
			}
			return 0
		}
	}
	return 0
}

// win1252 maps bytes 0x80..0x9F; 0xFFFD marks the five it leaves undefined.
var win1252 = [32]rune{
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
}

// singleByteDecoder turns Latin-1 or Windows-1252 bytes into UTF-8.
type singleByteDecoder struct {
	src     io.Reader
	win1252 bool
	in, out []byte
	pending []byte
	err     error
}

func newDecoder(src io.Reader, encoding string) io.Reader {
	if encoding == EncodingUTF8 {
		return src
	}
	return &singleByteDecoder{src: src, win1252: encoding == EncodingWindows1252,
		in: make([]byte, 64<<10), out: make([]byte, 0, 3*64<<10)}
}

func (d *singleByteDecoder) Read(p []byte) (int, error) {
	for len(d.pending) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		n, err := d.src.Read(d.in)
		d.err = err
		out := d.out[:0]
		for _, c := range d.in[:n] {
			switch {
			case c < 0x80:
				out = append(out, c)
			case c < 0xA0 && d.win1252:
				out = utf8.AppendRune(out, win1252[c-0x80])
			default:
				out = utf8.AppendRune(out, rune(c))
			}
		}
		d.pending = out
	}
	n := copy(p, d.pending)
	d.pending = d.pending[n:]
	return n, nil
}

// utf8Repair passes UTF-8 through, replacing every byte that is not part of
// a valid sequence by U+FFFD (as utf8.DecodeRune reads it: one per byte).
type utf8Repair struct {
	src     io.Reader
	in      []byte
	carry   int // bytes of an unfinished rune kept at the start of in
	out     []byte
	pending []byte
	err     error
}

func newUTF8Repair(src io.Reader) *utf8Repair {
	return &utf8Repair{src: src, in: make([]byte, 64<<10), out: make([]byte, 0, 64<<10)}
}

func (d *utf8Repair) Read(p []byte) (int, error) {
	for len(d.pending) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		n, err := d.src.Read(d.in[d.carry:])
		d.err = err
		chunk := d.in[:d.carry+n]
		keep := 0
		if err == nil {
			keep = incompleteTail(chunk)
		}
		body := chunk[:len(chunk)-keep]
		out := d.out[:0]
		if utf8.Valid(body) {
			out = append(out, body...)
		} else {
			for i := 0; i < len(body); {
				r, size := utf8.DecodeRune(body[i:])
				if r == utf8.RuneError && size == 1 {
					out = utf8.AppendRune(out, utf8.RuneError)
				} else {
					out = append(out, body[i:i+size]...)
				}
				i += size
			}
		}
		d.carry = copy(d.in, chunk[len(chunk)-keep:])
		d.out, d.pending = out, out
	}
	n := copy(p, d.pending)
	d.pending = d.pending[n:]
	return n, nil
}

package csvimport

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"unicode/utf8"

	"github.com/pulpero/pulpero/model"
)

// maxWarnLines is how many lines a warning lists.
const maxWarnLines = 10

// scanInfo is what a quick read of the raw bytes tells before any parsing.
type scanInfo struct {
	fileSize int64 // bytes on disk (compressed, for a gzip file)
	size     int64 // bytes of text
	lines    int64
	bom      bool // starts with a UTF-8 BOM (skipped when reading)
	gzip     bool
	encoding string         // decided or forced
	why      string         // a Why* key
	note     model.Sentence // why, in a sentence
	repair   bool           // UTF-8 with odd bytes: replace them while reading
	lineEnd  string         // a LineEnd* constant
	odd      int64          // bytes that are not UTF-8 (when UTF-8 was detected)
	oddLines []int          // the first lines holding them
}

// scanFile reads the whole file once, fast: it counts lines, feeds hash
// (when not nil) with the stored bytes and decides the line ends and,
// unless forced, the encoding:
//
//   - UTF-8 when the file starts with a UTF-8 BOM, when every byte sequence
//     is valid UTF-8, or when more of its non-ASCII bytes form valid UTF-8
//     characters than not: the others are odd bytes, replaced by U+FFFD
//     while reading and listed (count and first lines) in a warning;
//   - otherwise Windows-1252, or Latin-1 when a byte Windows-1252 leaves
//     undefined appears.
//
// Lines end at LF (a CR before it is dropped), unless lone CRs outnumber
// LFs: then at CR, CR LF or LF alike (old Mac exports).
func scanFile(ctx context.Context, path, forced string, hash io.Writer, report func(int64)) (scanInfo, error) {
	in, err := openInput(path, hash)
	if err != nil {
		return scanInfo{}, err
	}
	defer in.Close()
	info := scanInfo{encoding: forced, gzip: in.gzip}
	if st, err := in.f.Stat(); err == nil {
		info.fileSize = st.Size()
	}
	var ts textStats
	ts.detect = forced == ""
	buf := make([]byte, 1<<20)
	carry := 0 // bytes of an unfinished rune kept at the start of buf
	first := true
	var lastByte byte
	for {
		if err := ctx.Err(); err != nil {
			return info, err
		}
		n, rerr := io.ReadFull(in.text, buf[carry:])
		chunk := buf[:carry+n]
		info.size += int64(n)
		if first {
			first = false
			switch {
			case bytes.HasPrefix(chunk, utf8BOM):
				info.bom = true
			case bytes.HasPrefix(chunk, []byte{0xFF, 0xFE}), bytes.HasPrefix(chunk, []byte{0xFE, 0xFF}):
				return info, fmt.Errorf("%s: %w", path, sayErr(ErrUnreadable, msgUTF16))
			}
		}
		if len(chunk) > 0 {
			lastByte = chunk[len(chunk)-1]
		}
		last := rerr != nil
		keep := 0
		if !last {
			keep = incompleteTail(chunk)
		}
		ts.add(chunk[:len(chunk)-keep])
		if report != nil {
			report(in.raw.n)
		}
		if last {
			if rerr != io.EOF && rerr != io.ErrUnexpectedEOF {
				return info, rerr
			}
			break
		}
		carry = copy(buf, chunk[len(chunk)-keep:])
	}
	if hash != nil {
		if err := in.drain(); err != nil {
			return info, err
		}
	}
	info.lineEnd = ts.lineEnd()
	info.lines = ts.lf + ts.crlf
	oddLines := ts.oddLF
	if info.lineEnd == LineEndCR {
		info.lines += ts.cr
		oddLines = ts.oddAny
	}
	if info.size > 0 && lastByte != '\n' && (info.lineEnd != LineEndCR || lastByte != '\r') {
		info.lines++ // a last line without a line end
	}
	if forced != "" {
		info.why, info.note = WhyForced, model.Say(msgForced, forced)
		return info, nil
	}
	info.encoding = EncodingUTF8
	switch {
	case info.bom:
		info.why, info.note = WhyBOM, model.Say(msgBOM)
	case ts.odd == 0:
		info.why, info.note = WhyValidUTF8, model.Say(msgValidUTF8)
	case ts.utf8High > ts.odd:
		info.why = WhyMostlyUTF8
		info.note = model.Say(msgMostlyUTF8, int64(ts.utf8High), int64(ts.odd))
	default:
		info.encoding, info.why = EncodingWindows1252, WhyNotUTF8
		info.note = model.Say(msgNotUTF8, info.encoding, int64(ts.odd), int64(ts.utf8High))
		if ts.undefined1252 {
			info.encoding = EncodingLatin1
			info.note = model.Say(msgNotUTF8Und, int64(ts.odd), int64(ts.utf8High))
		}
		return info, nil
	}
	if ts.odd > 0 { // the BOM or the majority says UTF-8: replace the rest
		info.repair, info.odd, info.oddLines = true, ts.odd, oddLines
	}
	return info, nil
}

// textStats counts, chunk by chunk, what decides the encoding and the line
// ends. Chunks end on whole runes.
type textStats struct {
	detect        bool  // count what decides the encoding
	lf, crlf, cr  int64 // line ends: LF alone, CR LF, CR alone
	endsCR        bool  // the last chunk ended with CR
	utf8High      int64 // non-ASCII bytes that form valid UTF-8 characters
	odd           int64 // bytes that are not UTF-8
	oddLF, oddAny []int // the first lines with odd bytes: counting LFs, counting every line end
	undefined1252 bool  // a byte Windows-1252 leaves undefined appeared
}

var (
	lf   = []byte{'\n'}
	cr   = []byte{'\r'}
	crlf = []byte{'\r', '\n'}
)

func (s *textStats) add(b []byte) {
	if len(b) == 0 {
		return
	}
	if s.detect {
		if utf8.Valid(b) {
			high, undefined := highBytes(b)
			s.utf8High += high
			s.undefined1252 = s.undefined1252 || undefined
		} else {
			s.walk(b)
		}
	}
	n, r, rn := int64(bytes.Count(b, lf)), int64(bytes.Count(b, cr)), int64(0)
	if r > 0 {
		rn = int64(bytes.Count(b, crlf))
	}
	if s.endsCR && b[0] == '\n' { // a CR LF split between chunks
		s.cr--
		s.crlf++
		n--
	}
	s.lf += n - rn
	s.crlf += rn
	s.cr += r - rn
	s.endsCR = b[len(b)-1] == '\r'
}

// walk counts valid and odd non-ASCII bytes one by one, noting the lines of
// the first odd ones.
func (s *textStats) walk(b []byte) {
	// Line ends before this chunk, and within it up to from.
	nl := s.lf + s.crlf
	any := nl + s.cr
	if s.endsCR && b[0] == '\n' {
		any-- // that CR and this LF are one line end
	}
	from := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			i++
			continue
		}
		s.undefined1252 = s.undefined1252 || undefined1252(c)
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			s.utf8High += int64(size)
			i += size
			continue
		}
		s.odd++
		if len(s.oddLF) < maxWarnLines || len(s.oddAny) < maxWarnLines {
			seg := b[from:i]
			n, rn := int64(bytes.Count(seg, lf)), int64(bytes.Count(seg, crlf))
			nl += n
			any += n + int64(bytes.Count(seg, cr)) - rn
			s.oddLF = appendLine(s.oddLF, int(nl)+1)
			s.oddAny = appendLine(s.oddAny, int(any)+1)
			from = i
		}
		i++
	}
}

// appendLine adds a line to a short ascending list, once.
func appendLine(lines []int, line int) []int {
	if len(lines) >= maxWarnLines || len(lines) > 0 && lines[len(lines)-1] == line {
		return lines
	}
	return append(lines, line)
}

// lineEnd is the line end the file uses most; lone CRs must outnumber LFs
// for the file to be read by CR.
func (s *textStats) lineEnd() string {
	switch {
	case s.cr > s.lf+s.crlf:
		return LineEndCR
	case s.crlf > s.lf:
		return LineEndCRLF
	}
	return LineEndLF
}

// highBytes counts the bytes of b at or above 0x80, eight at a time, and
// reports whether one of them is a byte Windows-1252 leaves undefined.
func highBytes(b []byte) (n int64, undefined bool) {
	for len(b) >= 8 {
		if w := binary.LittleEndian.Uint64(b) & 0x8080808080808080; w != 0 {
			n += int64(bits.OnesCount64(w))
			if !undefined {
				for _, c := range b[:8] {
					undefined = undefined || undefined1252(c)
				}
			}
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0x80 {
			n++
			undefined = undefined || undefined1252(c)
		}
	}
	return n, undefined
}

// undefined1252 says whether Windows-1252 leaves byte c undefined.
func undefined1252(c byte) bool {
	switch c {
	case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
		return true
	}
	return false
}

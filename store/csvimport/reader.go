package csvimport

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxRecordBytes bounds one record, so that a quote that never closes
// cannot swallow a whole file into memory.
const maxRecordBytes = 16 << 20

// reader splits UTF-8 text into records. It is lenient where files in the
// wild are sloppy (a quote inside an unquoted field is a plain character,
// text after a closing quote is kept, spaces before an opening quote are
// skipped) and it never panics: malformed input yields records or errors.
//
// With expect set (the number of fields a record has), a quoted field that
// runs past the end of its line is watched: if a line it takes in reads as
// a record of its own (see looksLikeRecord), the quote is taken to be
// missing its closing partner. Read then returns a *quoteError (ErrQuote)
// for the record, or, with lenient, reads the quote as a plain character;
// either way the lines the quote took in are read again as records.
type reader struct {
	br     *bufio.Reader
	delim  byte // ',' ';' '\t' '|' or SpaceRuns
	line   int  // physical lines consumed so far
	start  int  // line where the last record started
	raw    []byte
	buf    []byte
	ends   []int
	fields []string
	rec    string // all fields of the last record, back to back

	expect     int      // fields per record; 0 leaves quotes unwatched
	lenient    bool     // read an unclosed quote as a plain character
	back       [][]byte // lines to read again before br's
	swallow    []byte   // the lines a quoted field took in, back to back
	swEnds     []int
	openRest   []byte // the line after the opening quote of that field
	plain      bool   // the rest of the record is split without quotes
	prevFirst  string // the first field of the last record read
	repaired   int64  // quotes read as plain characters
	repairedAt []int  // their first lines
}

func newReader(r io.Reader, delim byte) *reader {
	return &reader{br: bufio.NewReaderSize(r, 256<<10), delim: delim}
}

// readLine returns the next physical line without its line ending. The
// slice is valid until the next call.
func (r *reader) readLine() ([]byte, error) {
	if len(r.back) > 0 {
		line := r.back[0]
		r.back = r.back[1:]
		r.line++
		return line, nil
	}
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.raw = append(r.raw[:0], line...)
		tooLong := false
		for err == bufio.ErrBufferFull {
			line, err = r.br.ReadSlice('\n')
			if len(r.raw) > maxRecordBytes {
				tooLong = true // keep reading to the end of the line, then say so
				continue
			}
			r.raw = append(r.raw, line...)
		}
		if tooLong {
			r.line++
			return nil, ErrLineTooLong
		}
		line = r.raw
	}
	if len(line) > 0 && err == io.EOF {
		err = nil // a last line without newline
	}
	if len(line) == 0 {
		if err == nil {
			err = io.EOF
		}
		return nil, err
	}
	r.line++
	if line[len(line)-1] == '\n' {
		line = line[:len(line)-1]
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, err
}

// Read returns the next record's fields (reused by the next call) and the
// line it started on. Blank lines are skipped. At the end it returns io.EOF.
func (r *reader) Read() ([]string, error) {
	var line []byte
	var err error
	for {
		line, err = r.readLine()
		if err != nil {
			r.start = r.line
			return nil, err
		}
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
	}
	r.start = r.line
	r.buf = r.buf[:0]
	r.ends = r.ends[:0]
	r.plain = false
	if err := r.split(line); err != nil {
		return nil, err
	}
	s := string(r.buf)
	r.rec = s
	r.fields = r.fields[:0]
	prev := 0
	for _, e := range r.ends {
		r.fields = append(r.fields, s[prev:e])
		prev = e
	}
	r.prevFirst = r.fields[0]
	return r.fields, nil
}

// Line is the line the last record returned by Read started on.
func (r *reader) Line() int { return r.start }

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// split appends the fields of one record to r.buf/r.ends, reading more
// lines when a quoted field spans them.
func (r *reader) split(line []byte) error {
	runs := r.delim == SpaceRuns
	if runs {
		line = bytes.TrimLeft(line, " \t")
	}
	for {
		// Spaces before an opening quote are not part of the field.
		i := 0
		for i < len(line) && line[i] == ' ' {
			i++
		}
		if !r.plain && i < len(line) && line[i] == '"' {
			rest, err := r.quoted(line[i+1:])
			if err != nil {
				return err
			}
			line = rest
		} else {
			end := fieldEnd(line, r.delim)
			r.buf = append(r.buf, line[:end]...)
			line = line[end:]
		}
		r.ends = append(r.ends, len(r.buf))
		if len(line) == 0 {
			return nil
		}
		// line[0] is the delimiter.
		line = line[1:]
		if runs {
			line = bytes.TrimLeft(line, " \t")
			if len(line) == 0 {
				return nil // trailing spaces end the record
			}
		}
	}
}

// fieldEnd is the index of the delimiter ending an unquoted field, or len(line).
func fieldEnd(line []byte, delim byte) int {
	if delim == SpaceRuns {
		for i, c := range line {
			if isSpace(c) {
				return i
			}
		}
		return len(line)
	}
	if i := bytes.IndexByte(line, delim); i >= 0 {
		return i
	}
	return len(line)
}

// quoted reads a quoted field whose opening quote is already consumed and
// returns what follows it on the current line (starting at the delimiter).
func (r *reader) quoted(line []byte) ([]byte, error) {
	mark, opened, field := len(r.buf), r.line, len(r.ends)
	start := line
	watching := false
	for {
		i := bytes.IndexByte(line, '"')
		if i < 0 {
			// The field goes on past the end of this line.
			r.buf = append(r.buf, line...)
			r.buf = append(r.buf, '\n')
			if len(r.buf) > maxRecordBytes {
				return nil, ErrLineTooLong
			}
			if r.expect > 0 && !watching {
				watching = true
				r.openRest = append(r.openRest[:0], start...)
				r.swallow, r.swEnds = r.swallow[:0], r.swEnds[:0]
			}
			next, err := r.readLine()
			if err != nil {
				if errors.Is(err, io.EOF) {
					return r.unclosed(mark, opened, field, 0)
				}
				return nil, err
			}
			if watching {
				r.swallow = append(r.swallow, next...)
				r.swEnds = append(r.swEnds, len(r.swallow))
				if r.looksLikeRecord(next, field) {
					return r.unclosed(mark, opened, field, r.line)
				}
			}
			line = next
			continue
		}
		r.buf = append(r.buf, line[:i]...)
		line = line[i+1:]
		switch {
		case len(line) > 0 && line[0] == '"': // "" is one quote
			r.buf = append(r.buf, '"')
			line = line[1:]
		case len(line) == 0:
			return line, nil
		case line[0] == r.delim || r.delim == SpaceRuns && isSpace(line[0]):
			return line, nil
		default:
			// Text after the closing quote: keep it, as spreadsheets do.
			end := fieldEnd(line, r.delim)
			r.buf = append(r.buf, line[:end]...)
			return line[end:], nil
		}
	}
}

// unclosed deals with the quote of field (0-based) opened on line opened,
// still open at line next (0: at the end of the file). Unwatched, it is an
// error. Watched, the lines it took in are pushed back to be read again,
// and the quote is an error or, lenient, a plain character: the field and
// the rest of its line are split without quotes, and the record ends there.
func (r *reader) unclosed(mark, opened, field, next int) ([]byte, error) {
	qe := &quoteError{opened: opened, next: next, field: field}
	if r.expect == 0 {
		return nil, qe
	}
	again := make([][]byte, 0, len(r.swEnds)+len(r.back))
	prev := 0
	for _, e := range r.swEnds {
		again = append(again, bytes.Clone(r.swallow[prev:e]))
		prev = e
	}
	r.back = append(again, r.back...)
	r.line -= len(r.swEnds)
	if !r.lenient {
		return nil, qe
	}
	r.repaired++
	r.repairedAt = appendLine(r.repairedAt, opened)
	r.buf = append(r.buf[:mark], '"')
	r.plain = true
	end := fieldEnd(r.openRest, r.delim)
	r.buf = append(r.buf, r.openRest[:end]...)
	return r.openRest[end:], nil
}

// text is the last record's fields joined, for checks over the whole record.
func (r *reader) text() string { return r.rec }

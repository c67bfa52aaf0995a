package csvimport

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// job holds what is known about the file between the passes.
type job struct {
	ctx    context.Context
	path   string
	opt    Options
	info   scanInfo
	delim  byte
	header bool
	names  []string // column names, also in pass 1
	ncols  int
	start  time.Time

	// Quotes read as plain characters (Lenient) in the last whole pass.
	repaired   int64
	repairedAt []int
}

// countingReader counts the raw bytes read, for progress.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// decode turns the file's text into UTF-8 with LF line ends, as scanFile
// decided: single-byte encodings decoded, odd bytes of a UTF-8 file
// replaced, CR line ends made LF.
func (j *job) decode(text io.Reader) io.Reader {
	switch {
	case j.info.encoding != EncodingUTF8:
		text = newDecoder(text, j.info.encoding)
	case j.info.repair:
		text = newUTF8Repair(text)
	}
	if j.info.lineEnd == LineEndCR {
		text = &crReader{src: text}
	}
	return text
}

// openText opens the file as UTF-8 text, without its BOM, and a reader
// over it that checks quotes against the number of columns.
func (j *job) openText() (*reader, *countingReader, io.Closer, error) {
	in, err := openInput(j.path, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	if j.info.bom {
		if _, err := io.CopyN(io.Discard, in.text, int64(len(utf8BOM))); err != nil {
			in.Close()
			return nil, nil, nil, err
		}
	}
	r := newReader(j.decode(in.text), j.delim)
	r.expect, r.lenient = j.ncols, j.opt.Lenient
	return r, in.raw, in, nil
}

// report calls the progress callback.
func (j *job) report(phase Phase, rows, bytes int64) {
	if j.opt.Progress == nil {
		return
	}
	total := j.info.lines
	if j.header {
		total--
	}
	j.opt.Progress(Progress{Phase: phase, Rows: rows, Bytes: bytes, TotalBytes: j.info.fileSize,
		TotalRows: max(total, 0), Elapsed: time.Since(j.start)})
}

// importErr places an error at a line and field of the file.
func (j *job) importErr(line, col int, err error) *ImportError {
	e := &ImportError{File: j.path, Line: line, Column: col, Err: err}
	if col > 0 && col <= len(j.names) {
		e.ColumnName = j.names[col-1]
	}
	return e
}

// records calls fn for every data record (the header skipped) with its line
// and what is wrong with its structure (nil if sound). It stops after limit
// records when limit > 0, checks ctx, and reports progress.
func (j *job) records(ctx context.Context, phase Phase, limit int, fn func(rec []string, line int, bad *ImportError) error) error {
	r, cr, f, err := j.openText()
	if err != nil {
		return err
	}
	defer f.Close()
	var n int64
	last := time.Now()
	skipHeader := j.header
	for {
		rec, err := r.Read()
		if err == io.EOF {
			j.repaired, j.repairedAt = r.repaired, r.repairedAt
			break
		}
		if skipHeader {
			skipHeader = false
			if err != nil {
				return j.importErr(r.Line(), 0, err)
			}
			continue
		}
		n++
		if n&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if now := time.Now(); now.Sub(last) >= 100*time.Millisecond {
				last = now
				j.report(phase, n, cr.n)
			}
		}
		var bad *ImportError
		switch {
		case errors.Is(err, ErrQuote), errors.Is(err, ErrLineTooLong):
			col := 0
			if qe := (*quoteError)(nil); errors.As(err, &qe) {
				col = qe.field + 1
			}
			bad = j.importErr(r.Line(), col, err)
		case err != nil:
			return err // the file could not be read
		default:
			rec, bad = j.check(r, rec)
		}
		if err := fn(rec, r.Line(), bad); err != nil {
			return err
		}
		if limit > 0 && n >= int64(limit) {
			break
		}
	}
	j.report(phase, n, cr.n)
	return ctx.Err()
}

// check finds a wrong field count or bytes that are not text, and drops
// empty fields after the last column (a trailing delimiter).
func (j *job) check(r *reader, rec []string) ([]string, *ImportError) {
	if len(rec) > j.ncols {
		extra := rec[j.ncols:]
		for _, f := range extra {
			if strings.TrimSpace(f) != "" {
				return rec, j.importErr(r.Line(), 0, &fieldCountError{len(rec), j.ncols})
			}
		}
		rec = rec[:j.ncols]
	}
	if len(rec) < j.ncols {
		return rec, j.importErr(r.Line(), 0, &fieldCountError{len(rec), j.ncols})
	}
	if col, err := j.unreadable(r.text(), rec); err != nil {
		return rec, j.importErr(r.Line(), col, err)
	}
	return rec, nil
}

// unreadable finds the first field holding bytes that are not text: a NUL,
// invalid UTF-8, or a byte Windows-1252 leaves undefined. text is the
// record's fields back to back, checked first because it is almost always
// clean.
func (j *job) unreadable(text string, rec []string) (col int, err error) {
	utf := j.info.encoding == EncodingUTF8
	win := j.info.encoding == EncodingWindows1252
	if strings.IndexByte(text, 0) < 0 && (!utf || utf8.ValidString(text)) &&
		(!win || !strings.ContainsRune(text, utf8.RuneError)) {
		return 0, nil
	}
	for i, f := range rec {
		switch {
		case strings.IndexByte(f, 0) >= 0:
			return i + 1, errBinary
		case utf && !utf8.ValidString(f):
			return i + 1, notUTF8(f)
		case win && strings.ContainsRune(f, utf8.RuneError):
			return i + 1, sayErr(ErrUnreadable, msgUndefined1252)
		}
	}
	return 0, nil
}

// notUTF8 says that s is not UTF-8, showing its first invalid byte.
func notUTF8(s string) error {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return sayErr(ErrUnreadable, msgNotUTF8Byte, s[i])
		}
		i += size
	}
	return sayErr(ErrUnreadable, msgNotUTF8Any)
}

package csvimport

import (
	"errors"
	"fmt"
	"strconv"
)

// Errors an import can report; test with errors.Is.
var (
	ErrFieldCount     = errors.New("wrong number of fields")
	ErrBadValue       = errors.New("value does not fit the column's type")
	ErrUnreadable     = errors.New("unreadable bytes")
	ErrQuote          = errors.New("quoted field never closes")
	ErrLineTooLong    = errors.New("line too long")
	ErrTooManyColumns = errors.New("too many columns")
	ErrTableExists    = errors.New("table already exists")
	ErrNoData         = errors.New("file has no data")
	ErrBadOption      = errors.New("bad option")
)

// ImportError is a problem with one place in the input file. Line is the
// 1-based line where the record starts; Column is the 1-based field number,
// 0 when the whole line is at fault.
type ImportError struct {
	File       string
	Line       int
	Column     int
	ColumnName string
	Err        error
}

func (e *ImportError) Error() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
	}
	s += ": "
	if e.Column > 0 {
		s += "column " + strconv.Itoa(e.Column)
		if e.ColumnName != "" {
			s += " " + strconv.Quote(e.ColumnName)
		}
		s += ": "
	}
	return s + e.Err.Error() + "; " + hint(e.Err)
}

func (e *ImportError) Unwrap() error { return e.Err }

func hint(err error) string {
	var tm *tooManyColumnsError
	switch {
	case errors.As(err, &tm):
		return fmt.Sprintf(hintTooManyCols, count(int64(tm.limit)))
	case errors.Is(err, ErrQuote):
		return hintQuote
	case errors.Is(err, ErrBadValue), errors.Is(err, ErrUnreadable) && !errors.Is(err, errBinary):
		return "fix the value or use --skip-bad"
	case errors.Is(err, errBinary):
		return "is this a text file?"
	}
	return "fix the line or use --skip-bad"
}

// errBinary marks unreadable bytes that mean the file is not text at all.
var errBinary = fmt.Errorf("%w: a NUL byte", ErrUnreadable)

// valueError explains why a value does not fit its column.
type valueError struct {
	value string
	typ   colType
}

func (e *valueError) Error() string {
	return fmt.Sprintf("%q is not %s (the column holds %s)", clipValue(e.value), e.typ.article(), e.typ.plural())
}

func (e *valueError) Unwrap() error { return ErrBadValue }

// fieldCountError says how a record's field count differs from the header's.
type fieldCountError struct{ got, want int }

func (e *fieldCountError) Error() string {
	noun := "fields"
	if e.got == 1 {
		noun = "field"
	}
	return fmt.Sprintf("%d %s where the header has %d", e.got, noun, e.want)
}

func (e *fieldCountError) Unwrap() error { return ErrFieldCount }

// quoteError is a quoted field that does not close: before the end of the
// file, or before line next, which reads as a record of its own. field is
// the 0-based field the quote opened.
type quoteError struct {
	opened, next, field int
}

func (e *quoteError) Error() string {
	if e.next > 0 {
		return fmt.Sprintf(msgQuoteRecord, e.opened, e.next)
	}
	return fmt.Sprintf(msgQuoteEOF, e.opened)
}

func (e *quoteError) Unwrap() error { return ErrQuote }

// tooManyColumnsError is a first line with more fields than a table takes.
type tooManyColumnsError struct{ got, limit int }

func (e *tooManyColumnsError) Error() string {
	return fmt.Sprintf(msgTooManyColumns, count(int64(e.got)), count(int64(e.limit)))
}

func (e *tooManyColumnsError) Unwrap() error { return ErrTooManyColumns }

package csvimport

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/pulpero/pulpero/model"
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
	return s + e.Err.Error() + "; " + e.Hint().String()
}

func (e *ImportError) Unwrap() error { return e.Err }

// Hint is what to do about the error, as a sentence the faces translate
// (Error ends with it).
func (e *ImportError) Hint() model.Sentence {
	var tm *tooManyColumnsError
	err := e.Err
	switch {
	case errors.As(err, &tm):
		return model.Say(hintTooManyCols, count(int64(tm.limit)))
	case errors.Is(err, ErrQuote):
		return model.Say(hintQuote)
	case errors.Is(err, ErrBadValue), errors.Is(err, ErrUnreadable) && !errors.Is(err, errBinary):
		return model.Say(hintValue)
	case errors.Is(err, errBinary):
		return model.Say(hintBinary)
	}
	return model.Say(hintLine)
}

// sentenceError is an error said as a model.Sentence, for the faces to
// translate (errors.As finds the sentence); err is the sentinel it is a
// case of, for errors.Is.
type sentenceError struct {
	say model.Sentence
	err error
}

func (e *sentenceError) Error() string   { return e.say.String() }
func (e *sentenceError) Unwrap() []error { return []error{e.err, e.say} }

// sayErr is an error of the sentinel err said as format and args.
func sayErr(err error, format string, args ...any) error {
	return &sentenceError{say: model.Say(format, args...), err: err}
}

// asSentence sets target to s when it asks for a model.Sentence (the As
// method of the errors below).
func asSentence(s model.Sentence, target any) bool {
	if t, ok := target.(*model.Sentence); ok {
		*t = s
		return true
	}
	return false
}

// errBinary marks unreadable bytes that mean the file is not text at all.
var errBinary = fmt.Errorf("%w: a NUL byte", ErrUnreadable)

// valueError explains why a value does not fit its column.
type valueError struct {
	value string
	typ   colType
}

func (e *valueError) Error() string { return e.sentence().String() }

// sentence is the message: one sentence for each type, so that each reads
// whole in every language.
func (e *valueError) sentence() model.Sentence {
	return model.Say("%q is not "+e.typ.article()+" (the column holds "+e.typ.plural()+")", clipValue(e.value))
}

func (e *valueError) Unwrap() error      { return ErrBadValue }
func (e *valueError) As(target any) bool { return asSentence(e.sentence(), target) }

// fieldCountError says how a record's field count differs from the header's.
type fieldCountError struct{ got, want int }

func (e *fieldCountError) Error() string { return e.sentence().String() }

func (e *fieldCountError) sentence() model.Sentence {
	if e.got == 1 {
		return model.Say(msgOneField, e.got, e.want)
	}
	return model.Say(msgFields, e.got, e.want)
}

func (e *fieldCountError) Unwrap() error      { return ErrFieldCount }
func (e *fieldCountError) As(target any) bool { return asSentence(e.sentence(), target) }

// quoteError is a quoted field that does not close: before the end of the
// file, or before line next, which reads as a record of its own. field is
// the 0-based field the quote opened.
type quoteError struct {
	opened, next, field int
}

func (e *quoteError) Error() string { return e.sentence().String() }

// sentence is the message; line numbers are said as written (not grouped).
func (e *quoteError) sentence() model.Sentence {
	if e.next > 0 {
		return model.Say(msgQuoteRecord, strconv.Itoa(e.opened), strconv.Itoa(e.next))
	}
	return model.Say(msgQuoteEOF, strconv.Itoa(e.opened))
}

func (e *quoteError) Unwrap() error      { return ErrQuote }
func (e *quoteError) As(target any) bool { return asSentence(e.sentence(), target) }

// tooManyColumnsError is a first line with more fields than a table takes.
type tooManyColumnsError struct{ got, limit int }

func (e *tooManyColumnsError) Error() string { return e.sentence().String() }

func (e *tooManyColumnsError) sentence() model.Sentence {
	return model.Say(msgTooManyColumns, count(int64(e.got)), count(int64(e.limit)))
}

func (e *tooManyColumnsError) Unwrap() error      { return ErrTooManyColumns }
func (e *tooManyColumnsError) As(target any) bool { return asSentence(e.sentence(), target) }

package value

import (
	"errors"
	"fmt"

	"github.com/pulpero/pulpero/model"
)

// Error is the error this package returns for data problems: a stable Kind
// (whose Message says what is missing and what to do), a short technical
// detail (counts, dates, field names) and an optional cause.
type Error struct {
	Kind   Kind
	Detail string
	// Said is Detail as a sentence (Detail is its English), for the
	// faces to translate; zero when the detail was written as text.
	Said model.Sentence
	Err  error
}

func (e *Error) Error() string {
	s := "value: " + e.Kind.Message()
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is an *Error of the same Kind, so callers can
// write errors.Is(err, &value.Error{Kind: value.KindNoHoldout}).
func (e *Error) Is(target error) bool {
	var t *Error
	if !errors.As(target, &t) {
		return false
	}
	return t.Kind == e.Kind
}

func newError(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Detail: fmt.Sprintf(format, args...), Said: model.Say(format, args...)}
}

// KindOf returns the Kind of err, or "" when err is not from this package.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ""
}

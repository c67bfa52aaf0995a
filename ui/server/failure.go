package server

import "github.com/pulpero/pulpero/model"

// failure is an error whose message is a sentence for people, kept as a
// model.Sentence so that the face says it in the user's language
// (locale.Error finds it with errors.As), and that still wraps the error
// it reports, for errors.Is.
type failure struct {
	s   model.Sentence
	err error
}

// fail is err told as the sentence format (whose args usually hold err).
func fail(err error, format string, args ...any) error {
	return &failure{s: model.Say(format, args...), err: err}
}

func (f *failure) Error() string { return f.s.String() }
func (f *failure) Unwrap() error { return f.err }

// As gives the sentence to errors.As(err, &model.Sentence{}).
func (f *failure) As(target any) bool {
	if p, ok := target.(*model.Sentence); ok {
		*p = f.s
		return true
	}
	return false
}

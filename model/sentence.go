package model

import "fmt"

// Sentence is something to tell a user, kept as its English format and
// arguments rather than as finished text, so that the screens and commands
// can say it in the user's language (app/locale translates the format; the
// English format is the catalogue's key). The layers below the faces make
// Sentences; they never translate.
type Sentence struct {
	Format string
	Args   []any
}

// Say makes a Sentence.
func Say(format string, args ...any) Sentence { return Sentence{Format: format, Args: args} }

// String is the sentence in English.
func (s Sentence) String() string {
	if len(s.Args) == 0 {
		return s.Format
	}
	return fmt.Sprintf(s.Format, s.Args...)
}

// Error lets a Sentence be an error whose message can be translated:
// return model.Say("...", x) as an error, and the face finds it with
// errors.As.
func (s Sentence) Error() string { return s.String() }

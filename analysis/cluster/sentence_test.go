package cluster

import (
	"errors"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// TestErrorSentenceReadsAsError: every problem's Sentence, the form screens
// translate, says in English exactly what Error says, and errors.As finds it
// under a wrapping.
func TestErrorSentenceReadsAsError(t *testing.T) {
	for p := range messages {
		e := &Error{Problem: p, Attribute: "monetary", Count: 1234, Limit: 50}
		if got := e.Sentence().String(); got != e.Error() {
			t.Errorf("%s: sentence %q, error %q", p, got, e.Error())
		}
		var s model.Sentence
		if !errors.As(errors.Join(errors.New("x"), e), &s) || s.String() != e.Error() {
			t.Errorf("%s: errors.As found %q", p, s)
		}
	}
}

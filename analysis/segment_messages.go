package analysis

import (
	"errors"

	"github.com/pulpero/pulpero/model"
)

// The messages of evaluating a segment rule (binding it to the columns),
// as the English formats of model.Sentences: the screens and commands say
// them in the user's language (app/locale/spanish_segment.go holds their
// Spanish). Pieces in lower case are arguments of the others.
const (
	MsgNotInRules        = "%s cannot be used in rules"
	MsgPersonalInRule    = "%s holds personal data, which pulpero keeps in the database and does not analyse; rules can ask whether a customer can be contacted with %s"
	MsgUseReachable      = "reachable_email, reachable_sms, reachable_phone or digitally_valid"
	MsgUseReachableEmail = "reachable_email (a valid address, consent, no bounce or opt-out)"
	MsgUseReachablePhone = "reachable_phone or reachable_sms"
	MsgNoAttributeNear   = "no attribute %q; did you mean %s?"
	MsgNoAttribute       = "no attribute %q; the attributes are %s"
	MsgOrList            = "%s or %s"
	MsgWrongOp           = "%s holds %s: %q does not apply; use %s"
	MsgNotAValue         = "%s holds %s; %s is not one"
	MsgHoldsNumbers      = "numbers"
	MsgHoldsCategories   = "categories"
	MsgHoldsText         = "text"
	MsgHoldsDates        = "dates"
	MsgHoldsYesNo        = "yes/no values"
	MsgHoldsYesNoValues  = "yes/no values (yes, no, true, false)"
	MsgUseNumber         = "= != < <= > >= between, in, not in or is empty"
	MsgUseText           = "=, !=, in, not in, contains, starts with or is empty"
	MsgUseYesNo          = "= yes, = no, != or is empty"
	MsgUseDate           = "before, after, between, = != < <= > >=, in the last N days, in this year or is empty"
	MsgRelativeDate      = "this relative date cannot be read"
	MsgDateValue         = `%s holds dates; write them as "2024-01-31", not %s`
	MsgSelfReference     = "segment %q refers to itself (through %s)"
	MsgNoSavedSegment    = "no saved segment %q"
	MsgSavedSegment      = "saved segment %q: %v"
	MsgNoCustomerHas     = "no customer has %s = %s"
	MsgPointIsDecimal    = "%s is read with a decimal point; for a thousands figure write %s"
	MsgNoCustomerHasNear = "no customer has %s = %s; did you mean %s?"
)

// sentenceOf is err as a sentence when it is or holds one (a
// *segment.Error does), so a message nested in another is translated too.
func sentenceOf(err error) any {
	var s model.Sentence
	if errors.As(err, &s) {
		return s
	}
	return err
}

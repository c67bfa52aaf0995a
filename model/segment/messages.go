package segment

import "github.com/pulpero/pulpero/model"

// The language's messages, as model.Sentences: the English format is the
// translation catalogue's key (app/locale/spanish_segment.go), so a screen
// or command says them in the user's language with locale.Say or
// locale.Error. Pieces that are themselves sentences (what was expected,
// what was found) are passed as model.Sentence arguments and translated in
// turn.
const (
	msgAtCharacter = "at character %d: %s"

	// what was found (describe)
	msgFoundEnd    = "the end of the expression"
	msgFoundNumber = "the number %s"
	msgFoundText   = "the text %q"
	msgFoundPunct  = "'%s'"
	msgFoundWord   = "the word %s"
	msgFoundName   = "%q"

	// the lexer
	msgBadUTF8       = "this is not valid UTF-8 text"
	msgBadUTF8Text   = "this text is not valid UTF-8"
	msgUnexpectedRun = "unexpected %s; expected a name, a value, an operator or a parenthesis"
	msgNoCloseQuote  = "this text has no closing %s quote"

	// the parser
	msgEmpty         = "the expression is empty; expected a rule such as income > 20000"
	msgEndsTooSoon   = "the expression ends too soon; expected a rule such as income > 20000"
	msgUnexpectedEnd = "unexpected %s; expected and, or, or the end of the expression"
	msgExpected      = "expected %s, found %s"
	msgMalformed     = "expected %s, found the malformed number %q"
	msgTooDeep       = "the expression nests too deeply"
	msgCloseParen    = "expected ) to close the ( at %d, found %s"
	msgSegmentName   = `expected the name of a saved segment, such as "VIP", found %s`
	msgPrimary       = "expected an attribute name, not, in segment or (, found %s"
	msgOperator      = "expected an operator (= != < <= > >= between, in, not in, is empty, contains, starts with, before, after, in the last) after %s, found %s"
	msgWholeNumber   = "expected a whole number of days, weeks, months or years, found %s"
	msgUnits         = "expected days, weeks, months or years, found %s"
	msgUnit          = "expected week, month or year, found %s"
	msgListStart     = `expected ( to start a list such as ("north", "south"), found %s`
	msgListNext      = "expected , or ) in the list, found %s"
	msgEmptyAfterIs  = "expected empty after is, found %s"
	msgDecimalComma  = "decimals are written with a point: %s"

	// what was expected (the first argument of msgExpected and msgMalformed)
	wantValueAfter  = "a value after %s"
	wantBetweenAnd  = "and between the two ends of between"
	wantBetweenLow  = "the low end after between"
	wantBetweenHigh = "the high end of between"
	wantNotIn       = `in after not (for a list: zone not in ("north", "south"))`
	wantInTheLast   = "last after in the (as in: in the last 90 days)"
	wantContains    = "the text to look for after contains"
	wantStartsWith  = "with after starts"
	wantStartsText  = "the text after starts with"
	wantDate        = `a date such as "2024-01-31" after %s`
	wantListValue   = "a value in the list"
)

// say is an error of the language at pos.
func say(pos int, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: model.Say(format, args...)}
}

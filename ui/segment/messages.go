package segment

// Sentences of the Segments screen, in one place for the translation
// catalogue.
const (
	msgNoRulesYet    = "no rules yet: a adds one (or f, from a form)"
	msgGroupLast     = "o joins a rule with the one below it by or: this is the last rule"
	msgFirstRule     = "this is already the first rule"
	msgLastRule      = "this is already the last rule"
	msgSaveNeedsRule = "save needs at least one rule: press a to add one"
	msgAlreadyNew    = "this is already a new, empty segment"
	msgWaterfallKey  = "█ kept ░ cut"
)

// msgFirstRuleHint is what the empty rule list says.
const msgFirstRuleHint = "no rules yet: a types one (income > 20000), f builds one from a form"

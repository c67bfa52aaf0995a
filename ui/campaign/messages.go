package campaign

// Sentences of the Campaign screen, in one place for the translation
// catalogue.
const (
	msgTypingReplaces = "typing replaces this value · ←/→ or backspace edit it · enter applies · esc keeps the old one"
	msgFixField       = "This plan is for the last valid setup; fix %s."
	msgFixForm        = "This plan is for the last valid setup; fix the form."
	msgMoreFields     = "[↑↓ all %d fields]"
)

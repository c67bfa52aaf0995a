package palette

// What the palette says, in one place for the translation catalogue.
const (
	msgActions = "Actions"
	msgHint    = "  type to filter · enter runs · esc closes"
	msgNoMatch = "  no action matches"
)

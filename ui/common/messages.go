package common

// What the shared pieces say, in one place for the translation catalogue.
const (
	msgMoreBoth  = "↑ %d more above · ↓ %d more below (pgup/pgdn)"
	msgMoreBelow = "↓ %d more lines (pgdn)"
	msgMoreAbove = "↑ %d more lines above (pgup)"
)

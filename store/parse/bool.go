package parse

import "strings"

// Bool reads a yes/no-like value in English or Spanish.
func Bool(s string) (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "t", "1", "si", "sí", "s", "verdadero", "v":
		return true, true
	case "no", "n", "false", "f", "0", "falso":
		return false, true
	}
	return false, false
}

package segment

import "strings"

// The language reads Spanish keywords beside English ones, so a rule can
// be typed as a Spanish speaker says it:
//
//	ingreso > 2000 y generación en ("millennials", "gen x")
//	email no está vacío o zona empieza por "nor"
//	última_compra en los últimos 90 días y no en segmento "VIP"
//
// The tree is the same whichever words were typed: a rule is saved in one
// canonical form (Print, in English), so it counts the same in either
// language. PrintSpanish writes a tree back with the Spanish words.
//
// Spanish words are never reserved: "no", "en" and "y" stay usable as
// values (loyalty_member = no); they are keywords only where the grammar
// expects one.
var spanishWords = map[string][]string{
	"and":      {"y", "e"},
	"or":       {"o", "u"},
	"not":      {"no"},
	"between":  {"entre"},
	"in":       {"en"},
	"is":       {"está", "esta"},
	"empty":    {"vacío", "vacio", "vacía", "vacia", "nulo", "nula"},
	"contains": {"contiene"},
	"starts":   {"empieza", "comienza"},
	"with":     {"por", "con"},
	"before":   {"antes"},
	"after":    {"después", "despues"},
	"the":      {"los", "las"},
	"last":     {"últimos", "ultimos", "últimas", "ultimas"},
	"this":     {"este", "esta"},
	"segment":  {"segmento"},
}

// spanishUnits are the time units, Spanish word → unit.
var spanishUnits = map[string]string{
	"día": "day", "dia": "day", "días": "day", "dias": "day",
	"semana": "week", "semanas": "week",
	"mes": "month", "meses": "month",
	"año": "year", "ano": "year", "años": "year", "anos": "year",
}

// keywordIs reports whether word is keyword w in English or Spanish.
func keywordIs(word, w string) bool {
	if strings.EqualFold(word, w) {
		return true
	}
	low := strings.ToLower(word)
	for _, s := range spanishWords[w] {
		if low == s {
			return true
		}
	}
	return false
}

// unitOf is the unit a word names (days, semanas...), "" for none.
func unitOf(word string) string {
	low := strings.ToLower(word)
	if u, ok := spanishUnits[low]; ok {
		return u
	}
	switch u := strings.TrimSuffix(low, "s"); u {
	case "day", "week", "month", "year":
		return u
	}
	return ""
}

// spanishKeyword reports whether a name would read as a Spanish keyword
// (no, en, y, entre...): such names are printed quoted. Units (días, mes)
// and "de" are read as keywords only after a number or antes/después, so
// names such as month or year stay bare, as they always were.
func spanishKeyword(s string) bool {
	for _, ws := range spanishWords {
		for _, w := range ws {
			if strings.EqualFold(s, w) {
				return true
			}
		}
	}
	return false
}

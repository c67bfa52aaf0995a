package store

import (
	"strings"
	"unicode"
)

// normalizeName folds a column name to lower-case ASCII words joined by "_":
// "Fecha de Nacimiento" → "fecha_de_nacimiento", "Annual Income (k$)" →
// "annual_income_k", "CustomerID" → "customer_id".
func normalizeName(s string) string {
	var b strings.Builder
	prevLower := false
	lastUnderscore := true
	for _, r := range s {
		r = foldAccent(r)
		switch {
		case unicode.IsUpper(r):
			if prevLower && !lastUnderscore {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			prevLower, lastUnderscore = false, false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			prevLower, lastUnderscore = unicode.IsLower(r) || unicode.IsDigit(r), false
		default:
			if !lastUnderscore {
				b.WriteByte('_')
			}
			prevLower, lastUnderscore = false, true
		}
	}
	return strings.Trim(b.String(), "_")
}

// nameMatches reports whether a normalized name equals one of the patterns.
// A pattern ending in "*" matches as a prefix, one starting with "*" as a
// suffix; prefixes and suffixes stop at word boundaries.
func nameMatches(n string, patterns []string) bool {
	for _, p := range patterns {
		switch {
		case strings.HasSuffix(p, "*"):
			pre := strings.TrimSuffix(p, "*")
			if n == pre || strings.HasPrefix(n, pre+"_") {
				return true
			}
		case strings.HasPrefix(p, "*"):
			suf := strings.TrimPrefix(p, "*")
			if n == suf || strings.HasSuffix(n, "_"+suf) {
				return true
			}
		case n == p:
			return true
		}
	}
	return false
}

// accentFolds maps the accented letters of Spanish, Portuguese, French and
// German column names to plain ASCII.
var accentFolds = map[rune]rune{
	'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'ã': 'a', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ì': 'i', 'î': 'i', 'ï': 'i', 'ó': 'o', 'ò': 'o', 'ô': 'o', 'ö': 'o', 'õ': 'o',
	'ú': 'u', 'ù': 'u', 'û': 'u', 'ü': 'u', 'ñ': 'n', 'ç': 'c', 'º': 'o', 'ª': 'a', // Nº cliente → no_cliente
	'Á': 'A', 'À': 'A', 'Â': 'A', 'Ä': 'A', 'Ã': 'A', 'É': 'E', 'È': 'E', 'Ê': 'E', 'Ë': 'E',
	'Í': 'I', 'Ì': 'I', 'Î': 'I', 'Ï': 'I', 'Ó': 'O', 'Ò': 'O', 'Ô': 'O', 'Ö': 'O', 'Õ': 'O',
	'Ú': 'U', 'Ù': 'U', 'Û': 'U', 'Ü': 'U', 'Ñ': 'N', 'Ç': 'C',
}

func foldAccent(r rune) rune {
	if f, ok := accentFolds[r]; ok {
		return f
	}
	return r
}

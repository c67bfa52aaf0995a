package behaviour

import (
	"strconv"
	"strings"
	"unicode"
)

// ColumnName returns prefix + a name-safe form of value: lower case, runs of
// anything but letters and digits turned into one "_", trimmed; "value" when
// nothing is left. ColumnNames also resolves clashes.
func ColumnName(prefix, value string) string {
	var b strings.Builder
	b.WriteString(prefix)
	pending := false
	for _, r := range strings.ToLower(value) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if pending && b.Len() > len(prefix) {
				b.WriteByte('_')
			}
			pending = false
			b.WriteRune(r)
			continue
		}
		pending = true
	}
	if b.Len() == len(prefix) {
		b.WriteString("value")
	}
	return b.String()
}

// ColumnNames returns ColumnName(prefix, v) for every dictionary value,
// adding _2, _3... to a name already taken (e.g. "E-mail" and "e mail").
func ColumnNames(prefix string, dict []string) []string {
	out := make([]string, len(dict))
	taken := make(map[string]bool, len(dict))
	for i, v := range dict {
		name := ColumnName(prefix, v)
		for k := 2; taken[name]; k++ {
			name = ColumnName(prefix, v) + "_" + strconv.Itoa(k)
		}
		taken[name] = true
		out[i] = name
	}
	return out
}

package store

import "strings"

// QuoteIdent quotes a table or column name for SQL, doubling embedded quotes,
// so names with spaces, quotes, accents or emoji work. Values are never
// spliced into SQL text: they are bound as parameters.
func QuoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

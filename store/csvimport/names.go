package csvimport

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteIdent quotes a name for SQL, doubling embedded quotes, so any name a
// header holds (spaces, quotes, accents, emoji) works as written.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// columnNames makes n unique column names from a header (nil for none):
// trimmed, empty ones named column_N, repeats suffixed _2, _3.
func columnNames(header []string, n int) []string {
	names := make([]string, n)
	seen := map[string]bool{}
	for i := range names {
		name := ""
		if i < len(header) {
			name = strings.TrimSpace(header[i])
		}
		if name == "" {
			name = "column_" + strconv.Itoa(i+1)
		}
		base := name
		for k := 2; seen[strings.ToLower(name)]; k++ {
			name = base + "_" + strconv.Itoa(k)
		}
		seen[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// aliases gives each name a unique clean alias.
func aliases(names []string) []string {
	out := make([]string, len(names))
	seen := map[string]bool{}
	for i, n := range names {
		a := cleanAlias(n)
		if a == "" {
			a = "column_" + strconv.Itoa(i+1)
		}
		base := a
		for k := 2; seen[a]; k++ {
			a = base + "_" + strconv.Itoa(k)
		}
		seen[a] = true
		out[i] = a
	}
	return out
}

// cleanAlias turns a name into lower_snake_case ASCII: accents dropped,
// camelCase split (CustomerID → customer_id), everything else an underscore,
// and a leading digit prefixed with c_.
func cleanAlias(name string) string {
	var b strings.Builder
	rs := []rune(name)
	under := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
			b.WriteByte('_')
		}
	}
	for i, r := range rs {
		r = fold(r)
		switch {
		case r < 0:
			// ß and the like: folded into two letters
			b.WriteString(expand[-r])
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if unicode.IsUpper(r) && i > 0 {
				prev := fold(rs[i-1])
				nextLower := i+1 < len(rs) && unicode.IsLower(fold(rs[i+1]))
				if prev >= 0 && (unicode.IsLower(prev) || unicode.IsDigit(prev) || unicode.IsUpper(prev) && nextLower) {
					under()
				}
			}
			b.WriteRune(unicode.ToLower(r))
		default:
			under()
		}
	}
	a := strings.Trim(b.String(), "_")
	if a != "" && a[0] >= '0' && a[0] <= '9' {
		a = "c_" + a
	}
	return a
}

var expand = []string{"", "ss", "ae", "oe", "AE", "OE"}

// fold maps accented Latin letters to their ASCII base letter; a negative
// result indexes expand.
func fold(r rune) rune {
	if r < 0x80 {
		return r
	}
	switch r {
	case 'ß':
		return -1
	case 'æ':
		return -2
	case 'œ':
		return -3
	case 'Æ':
		return -4
	case 'Œ':
		return -5
	}
	const from = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿŠšŽž"
	const to = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyySsZz"
	if i := strings.IndexRune(from, r); i >= 0 {
		return rune(to[len([]rune(from[:i]))])
	}
	return r
}

// reservedPrefix starts the names of pulpero's own tables (pulpero_meta,
// pulpero_segments, ...): an import never writes, and so never replaces, one.
const reservedPrefix = "pulpero_"

// checkTableName refuses a table name an import must not write: pulpero's
// own tables, SQLite's, and names SQLite cannot store. derived says the name
// came from the file name, not --table.
func checkTableName(table string, derived bool) error {
	lower := strings.ToLower(table)
	switch {
	case strings.HasPrefix(lower, reservedPrefix) && derived:
		return fmt.Errorf(msgReservedFile, ErrBadOption, table, reservedPrefix)
	case strings.HasPrefix(lower, reservedPrefix):
		return fmt.Errorf(msgReservedPrefix, ErrBadOption, table, reservedPrefix)
	case strings.HasPrefix(lower, "sqlite_") || strings.IndexByte(table, 0) >= 0 || !utf8.ValidString(table):
		return fmt.Errorf("%w: table name %q is reserved", ErrBadOption, table)
	}
	return nil
}

// tableNameFor derives a table name from a file name: bank-full.csv → bank_full.
func tableNameFor(path string) string {
	base := filepath.Base(path)
	for _, ext := range []string{".gz", ".csv", ".tsv", ".txt", ".tab", ".dat"} {
		base = strings.TrimSuffix(base, ext)
		base = strings.TrimSuffix(base, strings.ToUpper(ext))
	}
	if a := cleanAlias(base); a != "" {
		return a
	}
	return "imported"
}

// keyAliases are clean aliases of columns that hold a customer id.
var keyAliases = map[string]bool{
	"customer_id": true, "customerid": true, "id_customer": true, "cust_id": true,
	"client_id": true, "id_client": true, "clientid": true,
	"id_cliente": true, "cliente_id": true, "idcliente": true, "cod_cliente": true, "codigo_cliente": true,
}

// findKey returns the index of the key column: the one named by key (name
// or alias, any case), or the first named like a customer id; -1 if none.
func findKey(names, als []string, key string) int {
	if key != "" {
		k := strings.TrimSpace(key)
		for i := range names {
			if strings.EqualFold(names[i], k) || als[i] == cleanAlias(k) {
				return i
			}
		}
		return -1
	}
	for i, a := range als {
		if keyAliases[a] {
			return i
		}
	}
	return -1
}

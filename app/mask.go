package app

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pulpero/pulpero/model"
)

// MaskEmail keeps the first letter of the local part and of the domain and
// the top-level domain: ana.garcia@mail.example.com → a***@m***.com.
// A value without an @ is masked as text.
func MaskEmail(v string) string {
	local, domain, ok := strings.Cut(strings.TrimSpace(v), "@")
	if !ok || local == "" || domain == "" {
		return MaskText(v)
	}
	tld := ""
	if i := strings.LastIndexByte(domain, '.'); i > 0 && i < len(domain)-1 {
		tld = domain[i:]
	}
	return firstRune(local) + "***@" + firstRune(domain) + "***" + tld
}

// MaskPhone keeps the separators, an international prefix (+34 when a
// separator follows it), the first digit of the number and its last two:
// +34 612 345 612 → +34 6** *** *12. A number of fewer than four digits
// keeps none.
func MaskPhone(v string) string {
	r := []rune(v)
	start := 0 // first rune of the national number
	if t := strings.TrimLeft(v, " "); strings.HasPrefix(t, "+") || strings.HasPrefix(t, "00") {
		i := len(r) - len([]rune(t))
		if r[i] == '+' {
			i++
		} else {
			i += 2
		}
		j := i
		for j < len(r) && unicode.IsDigit(r[j]) {
			j++
		}
		if j < len(r) && j > i { // a separator ends the country code
			start = j
		}
	}
	var digits []int
	for i := start; i < len(r); i++ {
		if unicode.IsDigit(r[i]) {
			digits = append(digits, i)
		}
	}
	keep := map[int]bool{}
	if len(digits) >= 4 {
		keep[digits[0]], keep[digits[len(digits)-1]], keep[digits[len(digits)-2]] = true, true, true
	}
	for _, i := range digits {
		if !keep[i] {
			r[i] = '*'
		}
	}
	return string(r)
}

// MaskText keeps the first letter of each word: María López → M*** L***.
func MaskText(v string) string {
	words := strings.Fields(v)
	for i, w := range words {
		words[i] = firstRune(w) + "***"
	}
	return strings.Join(words, " ")
}

func firstRune(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return ""
	}
	return string(r)
}

// maskerFor is how a column's values are masked for a viewer: by its role
// when it is personal; otherwise only a value that is an e-mail address (a
// personal column whose role was not recognised still shows none).
func maskerFor(role model.Role, personal bool) func(string) string {
	switch role {
	case model.RoleEmail:
		return MaskEmail
	case model.RolePhone, model.RoleMobile:
		return MaskPhone
	}
	if personal || role.Personal() {
		return MaskText
	}
	return func(v string) string {
		if looksLikeEmail(v) {
			return MaskEmail(v)
		}
		return v
	}
}

func looksLikeEmail(v string) bool {
	local, domain, ok := strings.Cut(strings.TrimSpace(v), "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(v, " \t")
}

// MaskRows returns rows (of the session's customer table, with these
// columns) as this session may see them: unchanged for a local user or an
// analyst; with personal values masked for a viewer. The rows are copies:
// the originals are never changed.
func (p *Policy) MaskRows(s *Session, cols []string, rows []Row) []Row {
	if !p.Masked() {
		return rows
	}
	prof := map[string]ColumnProfile{}
	for _, c := range s.Profiles {
		prof[strings.ToLower(c.Name)] = c
	}
	mask := make([]func(string) string, len(cols))
	for i, c := range cols {
		pr := prof[strings.ToLower(c)]
		role, personal := pr.Role, pr.Personal
		if r, ok := s.Data.Personal[c]; ok {
			role, personal = r, true
		}
		mask[i] = maskerFor(role, personal)
	}
	out := make([]Row, len(rows))
	for i, r := range rows {
		vals := make([]string, len(r.Values))
		for j, v := range r.Values {
			if j < len(mask) && v != "" {
				v = mask[j](v)
			}
			vals[j] = v
		}
		// a new Row: the driver's raw values (kept for exports) stay behind
		out[i] = Row{RowID: r.RowID, Values: vals, Nulls: append([]bool(nil), r.Nulls...)}
	}
	return out
}

// ReadRows reads the named columns of the session's customer rows with
// these rowids, as this session may see them (see MaskRows).
func (p *Policy) ReadRows(ctx context.Context, s *Session, cols []string, rowids []int64) ([]Row, error) {
	rows, err := s.DB.ReadRows(ctx, s.Table.Name, cols, rowids)
	if err != nil {
		return nil, err
	}
	return p.MaskRows(s, cols, rows), nil
}

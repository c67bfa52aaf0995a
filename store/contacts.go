package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/pulpero/pulpero/model"
)

// ContactValidity says, for every row of the columnar copy (row i is rowid
// RowIDs[i]), whether the row holds a well-formed address or number for each
// channel. A nil set means the table has no column for that channel. Only
// these flags leave this file: the addresses themselves are read, judged and
// dropped row by row, so personal data never sits in memory.
//
// Its fields match analysis.ValidAddresses one for one, so a caller converts
// with analysis.ValidAddresses(v).
type ContactValidity struct {
	Email, SMS, Phone, Post model.Bitset
}

// ContactColumns names the column read for each channel ("" when none).
type ContactColumns struct {
	Email, SMS, Phone, Post string
	// SMSFromPhone is true when SMS numbers come from the general phone
	// column (there is no mobile column): only mobile-looking numbers count.
	SMSFromPhone bool
}

// FindContactColumns picks the personal columns per channel by role: e-mail;
// SMS on the mobile column, else on mobile-looking numbers of the phone
// column; calls on the phone column, else the mobile one; post on the address.
func FindContactColumns(cols []ColumnProfile) ContactColumns {
	byRole := map[model.Role]string{}
	for _, c := range cols {
		if c.Role != model.RoleNone {
			if _, ok := byRole[c.Role]; !ok {
				byRole[c.Role] = c.Name
			}
		}
	}
	cc := ContactColumns{Email: byRole[model.RoleEmail], Post: byRole[model.RoleAddress]}
	cc.SMS, cc.Phone = byRole[model.RoleMobile], byRole[model.RolePhone]
	if cc.SMS == "" && cc.Phone != "" {
		cc.SMS, cc.SMSFromPhone = cc.Phone, true
	}
	if cc.Phone == "" {
		cc.Phone = cc.SMS
	}
	return cc
}

// ReadContactValidity streams the contact columns of table once, in rowid
// ranges on several connections like Load, and returns the validity flags
// aligned with rowids (the dataset's RowIDs, ascending). Rows not in rowids
// (added since the load) are skipped.
func (d *DB) ReadContactValidity(ctx context.Context, table TableInfo, cc ContactColumns, rowids []int64) (ContactValidity, error) {
	n := len(rowids)
	var out ContactValidity
	names := contactNames(cc.Email, cc.SMS, cc.Phone, cc.Post)
	if len(names) == 0 {
		return out, nil
	}
	if !sort.SliceIsSorted(rowids, func(i, j int) bool { return rowids[i] < rowids[j] }) {
		return out, fmt.Errorf("%s: the loaded rows are not in rowid order; reload the table", d.Name())
	}
	ranges, err := d.rowidRanges(ctx, table)
	if err != nil {
		return out, err
	}
	parts := make([]ContactValidity, len(ranges))
	errs := make([]error, len(ranges))
	var wg sync.WaitGroup
	for i, r := range ranges {
		parts[i] = newValidity(cc, n)
		wg.Go(func() { errs[i] = d.scanContacts(ctx, table, cc, names, r, rowids, parts[i]) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return ContactValidity{}, err
		}
	}
	out = parts[0]
	for _, p := range parts[1:] {
		contactOr(out.Email, p.Email)
		contactOr(out.SMS, p.SMS)
		contactOr(out.Phone, p.Phone)
		contactOr(out.Post, p.Post)
	}
	return out, nil
}

func newValidity(cc ContactColumns, n int) ContactValidity {
	var v ContactValidity
	if cc.Email != "" {
		v.Email = model.NewBitset(n)
	}
	if cc.SMS != "" {
		v.SMS = model.NewBitset(n)
	}
	if cc.Phone != "" {
		v.Phone = model.NewBitset(n)
	}
	if cc.Post != "" {
		v.Post = model.NewBitset(n)
	}
	return v
}

func contactOr(dst, src model.Bitset) {
	if dst != nil {
		dst.Or(src)
	}
}

func contactNames(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && !contactHas(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func contactHas(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func contactIndexOf(ss []string, s string) int {
	for i, x := range ss {
		if x == s {
			return i
		}
	}
	return -1
}

func (d *DB) scanContacts(ctx context.Context, table TableInfo, cc ContactColumns, names []string, r rowidRange, rowids []int64, v ContactValidity) error {
	list := "rowid"
	for _, c := range names {
		list += ", " + QuoteIdent(c)
	}
	// through the sink, in the table's rowid order (as the load: load.go)
	from, where := QuoteIdent(table.Name)+" NOT INDEXED", ""
	var args []any
	if !r.all {
		where = "rowid BETWEEN ? AND ?"
		args = []any{r.lo, r.hi}
	}
	col := func(name string) int { return contactIndexOf(names, name) + 1 }
	ie, is, ip, ia := col(cc.Email), col(cc.SMS), col(cc.Phone), col(cc.Post)
	cur := 0
	if !r.all {
		cur = sort.Search(len(rowids), func(i int) bool { return rowids[i] >= r.lo })
	}
	n := 0
	_, err := d.sinkQuery(ctx, list, from, where, args, func(vals []driver.Value) error {
		if n++; n%progressEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		id, _ := vals[0].(int64)
		for cur < len(rowids) && rowids[cur] < id {
			cur++
		}
		if cur == len(rowids) || rowids[cur] != id {
			return nil
		}
		// the values are views into SQLite's memory: judged, never kept
		if ie > 0 && ValidEmail(contactText(vals[ie])) {
			v.Email.Set(cur)
		}
		if ip > 0 {
			if ok, _ := ValidPhone(contactText(vals[ip])); ok {
				v.Phone.Set(cur)
			}
		}
		if is > 0 {
			if ok, mobile := ValidPhone(contactText(vals[is])); ok && (mobile || !cc.SMSFromPhone) {
				v.SMS.Set(cur)
			}
		}
		if ia > 0 && ValidAddress(contactText(vals[ia])) {
			v.Post.Set(cur)
		}
		return nil
	})
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("%s: reading contact columns of %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
	}
	return err
}

// contactText turns a driver value into a string without keeping it: NULL is "".
func contactText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case int64:
		return fmt.Sprint(x)
	case float64:
		return fmt.Sprint(x)
	}
	return ""
}

// ValidEmail reports whether s is a deliverable-looking address: one "@",
// a local part, a domain with a dot and a top-level part of 2+ letters, no
// spaces. It does not look the domain up.
func ValidEmail(s string) bool {
	s = strings.TrimSpace(s)
	at := strings.IndexByte(s, '@')
	if at <= 0 || at != strings.LastIndexByte(s, '@') || len(s) > 254 || strings.ContainsAny(s, " \t,;<>()[]\\\"") {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// ValidPhone reports whether s is a dialable number: 9 to 15 digits once
// spaces, dots, dashes, brackets and a leading + or 00 are removed. mobile is
// false only for numbers known to be landlines: Spanish numbers (9 digits,
// optionally after 34) starting with 8 or 9. Other countries' numbers are
// taken as possibly mobile, since their plans cannot be told from the digits.
func ValidPhone(s string) (ok, mobile bool) {
	var digits []byte
	for i, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		case r == '+' && i == 0, r == ' ', r == '.', r == '-', r == '(', r == ')', r == '/':
		default:
			return false, false
		}
	}
	d := string(digits)
	d = strings.TrimPrefix(d, "00")
	if len(d) < 9 || len(d) > 15 {
		return false, false
	}
	national := d
	if len(d) == 11 && strings.HasPrefix(d, "34") {
		national = d[2:]
	}
	if len(national) == 9 && (national[0] == '8' || national[0] == '9') {
		return true, false
	}
	return true, true
}

// ValidAddress reports whether s can carry a letter: at least 6 characters
// with a letter in them (a street name). Postcodes are judged by the caller.
func ValidAddress(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 6 {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

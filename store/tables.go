package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
)

// TableInfo describes one of the user's tables.
type TableInfo struct {
	Name    string
	Rows    int64
	Columns []ColumnInfo
	// References lists the tables this one points at through foreign keys.
	References []ForeignKey
}

// ColumnInfo is a column as SQLite declares it.
type ColumnInfo struct {
	Name     string
	DeclType string
	PK       bool
}

// ForeignKey is one column pointing at another table.
type ForeignKey struct {
	From, Table, To string
}

// Tables lists the user's tables (not sqlite_* nor pulpero_*), with row
// counts and columns, by name.
func (d *DB) Tables(ctx context.Context) ([]TableInfo, error) {
	rows, err := d.sql.QueryContext(ctx,
		`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE 'pulpero\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot list tables: %s", d.Name(), cleanSQLiteError(err))
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]TableInfo, 0, len(names))
	for _, n := range names {
		t, err := d.Table(ctx, n)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Table describes one table by exact name.
func (d *DB) Table(ctx context.Context, name string) (TableInfo, error) {
	t := TableInfo{Name: name}
	rows, err := d.sql.QueryContext(ctx, "SELECT name, type, pk FROM pragma_table_info(?)", name)
	if err != nil {
		return t, fmt.Errorf("%s: table %q: %s", d.Name(), name, cleanSQLiteError(err))
	}
	for rows.Next() {
		var c ColumnInfo
		var pk int
		if err := rows.Scan(&c.Name, &c.DeclType, &pk); err != nil {
			rows.Close()
			return t, err
		}
		c.PK = pk > 0
		t.Columns = append(t.Columns, c)
	}
	rows.Close()
	if len(t.Columns) == 0 {
		return t, fmt.Errorf("%s: no table named %q; `pulpero roles %s` lists the tables", d.Name(), name, d.Path)
	}
	fks, err := d.sql.QueryContext(ctx, `SELECT "from", "table", coalesce("to", '') FROM pragma_foreign_key_list(?)`, name)
	if err != nil {
		return t, err
	}
	for fks.Next() {
		var fk ForeignKey
		if err := fks.Scan(&fk.From, &fk.Table, &fk.To); err != nil {
			fks.Close()
			return t, err
		}
		t.References = append(t.References, fk)
	}
	fks.Close()
	if err := d.sql.QueryRowContext(ctx, "SELECT count(*) FROM "+QuoteIdent(name)).Scan(&t.Rows); err != nil {
		return t, fmt.Errorf("%s: table %q cannot be counted: %s", d.Name(), name, cleanSQLiteError(err))
	}
	return t, nil
}

// FindTable resolves a table name given by a user, ignoring case.
func FindTable(tables []TableInfo, name string) (TableInfo, bool) {
	for _, t := range tables {
		if t.Name == name {
			return t, true
		}
	}
	for _, t := range tables {
		if strings.EqualFold(t.Name, name) {
			return t, true
		}
	}
	return TableInfo{}, false
}

// CustomerTableChoice is the detected customer table and why it was chosen,
// shown on screen so a wrong guess is easy to spot and correct with --table.
type CustomerTableChoice struct {
	Table TableInfo
	Why   string
}

// DetectCustomerTable picks the table of customers: the one other tables
// point at through foreign keys or customer-id-like columns, else one named
// like customers, else the largest.
func (d *DB) DetectCustomerTable(ctx context.Context, tables []TableInfo) (CustomerTableChoice, error) {
	if len(tables) == 0 {
		return CustomerTableChoice{}, fmt.Errorf("the database has no tables; import a CSV file with `pulpero import FILE --db DB`")
	}
	type score struct {
		refs  int
		named int
	}
	scores := map[string]*score{}
	for _, t := range tables {
		scores[t.Name] = &score{named: customerTableName(t.Name)}
	}
	for _, t := range tables {
		for _, fk := range t.References {
			if s, ok := scores[fk.Table]; ok && fk.Table != t.Name && customerKeyName(fk.From) {
				s.refs += 2 // a declared key pointing at customers is strong evidence
			} else if ok && fk.Table != t.Name {
				s.refs++
			}
		}
	}
	declared := false
	for _, sc := range scores {
		declared = declared || sc.refs > 0
	}
	// Undeclared links (CSV imports declare none): a table whose customer-id
	// column is unique, held by other tables too, is the one they point at.
	// Declared keys settle it without this, and a key or unique index says
	// so before a count of distinct values is read (a second or so at a
	// million rows).
	for _, t := range tables {
		key := customerKeyColumn(t)
		if declared || key == "" || !(hasPK(t, key) || d.uniqueIndex(ctx, t.Name, key) || d.isUnique(ctx, t.Name, key)) {
			continue
		}
		for _, o := range tables {
			if o.Name != t.Name && hasColumn(o, key) {
				scores[t.Name].refs++
			}
		}
	}
	// A table of transactions (a customer key that repeats, a date, an
	// amount: Online Retail) is never the customer table; when nothing else
	// is clearly one, the customers are its distinct keys (issue 15).
	sorted, trans := d.transactionTables(ctx, tables)
	if len(sorted) == 0 {
		return CustomerTableChoice{}, trans
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := scores[sorted[i].Name], scores[sorted[j].Name]
		if a.refs != b.refs {
			return a.refs > b.refs
		}
		if a.named != b.named {
			return a.named > b.named
		}
		return sorted[i].Rows > sorted[j].Rows
	})
	best := sorted[0]
	s := scores[best.Name]
	if trans != nil && s.refs == 0 && s.named == 0 {
		return CustomerTableChoice{}, trans
	}
	why := "the largest table"
	switch {
	case s.refs > 0:
		why = "other tables point at it"
	case s.named > 0:
		why = "named like a customer table"
	case len(tables) == 1:
		why = "the only table"
	}
	return CustomerTableChoice{Table: best, Why: why}, nil
}

// customerTableName scores how much a table's name says "customers": 2 for
// the word itself ("customers", "clientes"), 1 for a name that contains it
// ("campaign_contacts", "customers_2024"), 0 otherwise.
func customerTableName(n string) int {
	n = normalizeName(n)
	best := 0
	for _, w := range []string{"customer", "customers", "client", "clients", "cliente", "clientes", "socios", "members", "contacts", "contactos"} {
		switch {
		case n == w:
			return 2
		case strings.HasPrefix(n, w+"_") || strings.HasSuffix(n, "_"+w):
			best = 1
		}
	}
	return best
}

func customerKeyName(col string) bool {
	return nameMatches(normalizeName(col), roleNames[roleKeyCustomerID])
}

func customerKeyColumn(t TableInfo) string {
	for _, c := range t.Columns {
		if customerKeyName(c.Name) {
			return c.Name
		}
	}
	return ""
}

func hasColumn(t TableInfo, name string) bool {
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return true
		}
	}
	return false
}

func hasPK(t TableInfo, name string) bool {
	for _, c := range t.Columns {
		if strings.EqualFold(c.Name, name) {
			return c.PK
		}
	}
	return false
}

// isUnique reports whether a column's non-null values are all different.
func (d *DB) isUnique(ctx context.Context, table, col string) bool {
	var unique bool
	q := fmt.Sprintf("SELECT count(DISTINCT %[1]s) = count(%[1]s) FROM %[2]s", QuoteIdent(col), QuoteIdent(table))
	return d.sql.QueryRowContext(ctx, q).Scan(&unique) == nil && unique
}

// uniqueIndex reports whether a unique index covers exactly col.
func (d *DB) uniqueIndex(ctx context.Context, table, col string) bool {
	rows, err := d.sql.QueryContext(ctx, `SELECT name FROM pragma_index_list(?) WHERE "unique" = 1`, table)
	if err != nil {
		return false
	}
	var names []string
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil {
			names = append(names, n)
		}
	}
	rows.Close()
	for _, n := range names {
		var cols []string
		r, err := d.sql.QueryContext(ctx, `SELECT name FROM pragma_index_info(?)`, n)
		if err != nil {
			continue
		}
		for r.Next() {
			var c sql.NullString
			if r.Scan(&c) == nil {
				cols = append(cols, c.String)
			}
		}
		r.Close()
		if len(cols) == 1 && strings.EqualFold(cols[0], col) {
			return true
		}
	}
	return false
}

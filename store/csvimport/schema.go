package csvimport

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// metaTable holds pulpero's key/value notes inside a database. Imports write
// one row per table, key "import:TABLE", a JSON ImportRecord.
const metaTable = "pulpero_meta"

// MetaSchema creates the key/value table if it is missing.
const MetaSchema = `CREATE TABLE IF NOT EXISTS pulpero_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`

// ImportRecord is what pulpero_meta remembers of an import.
type ImportRecord struct {
	Source     string         `json:"source"`
	ImportedAt string         `json:"imported_at"`
	Rows       int64          `json:"rows"`
	Rejected   int64          `json:"rejected,omitempty"`
	Key        string         `json:"key,omitempty"` // the customer id column
	Columns    []RecordColumn `json:"columns"`
}

// RecordColumn is one column of an ImportRecord.
type RecordColumn struct {
	Name    string `json:"name"`
	Alias   string `json:"alias"`
	SQLType string `json:"sql_type"`
	Kind    string `json:"kind"`
}

// MetaKey is the pulpero_meta key of a table's ImportRecord.
func MetaKey(table string) string { return "import:" + table }

// prepareTable drops the old table when replacing, then creates the new one.
func prepareTable(ctx context.Context, t *target, table string, cols []*column, replace bool) error {
	var typ string
	err := t.conn.QueryRowContext(ctx, `SELECT type FROM sqlite_master WHERE type IN ('table','view') AND name = ? COLLATE NOCASE`, table).Scan(&typ)
	switch {
	case err == sql.ErrNoRows:
	case err != nil:
		return err
	case !replace:
		return sayErr(ErrTableExists, msgTableExistsNow, t.path, table)
	default:
		if _, err := t.conn.ExecContext(ctx, "DROP "+strings.ToUpper(typ)+" "+quoteIdent(table)); err != nil {
			return err
		}
	}
	defs := make([]string, len(cols))
	for i, c := range cols {
		defs[i] = quoteIdent(c.name) + " " + c.typ.sql()
	}
	_, err = t.conn.ExecContext(ctx, "CREATE TABLE "+quoteIdent(table)+" ("+strings.Join(defs, ", ")+")")
	return err
}

// ensureIndex indexes table(col) unless an index already starts with col
// or col is the table's INTEGER PRIMARY KEY (the rowid itself).
func ensureIndex(ctx context.Context, tx *sql.Conn, table, col, alias string) error {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pragma_index_list(?) AS il, pragma_index_info(il.name) AS ii
		WHERE ii.seqno = 0 AND ii.name = ?`, table, col).Scan(&n)
	if err != nil || n > 0 {
		return err
	}
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info(?) AS p
		WHERE p.name = ? AND p.pk = 1 AND upper(p.type) = 'INTEGER'
		AND (SELECT count(*) FROM pragma_table_info(?) WHERE pk > 0) = 1`, table, col, table).Scan(&n)
	if err != nil || n > 0 {
		return err
	}
	base := cleanAlias(table) + "_" + alias + "_idx"
	name := base
	for k := 2; ; k++ {
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = ? COLLATE NOCASE`, name).Scan(&n)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
		name = base + "_" + strconv.Itoa(k)
	}
	_, err = tx.ExecContext(ctx, "CREATE INDEX "+quoteIdent(name)+" ON "+quoteIdent(table)+" ("+quoteIdent(col)+")")
	return err
}

// linkKey indexes the new key column and the id columns of other tables it
// joins with (same clean alias, or both named like a customer id).
func linkKey(ctx context.Context, t *target, table string, key *column) ([]Link, error) {
	if err := ensureIndex(ctx, t.conn, table, key.name, key.alias); err != nil {
		return nil, err
	}
	rows, err := t.conn.QueryContext(ctx, `SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND m.name <> ? AND m.name <> ? COLLATE NOCASE
		ORDER BY m.name, p.cid`, metaTable, table)
	if err != nil {
		return nil, err
	}
	var links []Link
	for rows.Next() {
		var l Link
		if err := rows.Scan(&l.Table, &l.Column); err != nil {
			rows.Close()
			return nil, err
		}
		a := cleanAlias(l.Column)
		if a == key.alias || keyAliases[a] && keyAliases[key.alias] {
			links = append(links, l)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, l := range links {
		if err := ensureIndex(ctx, t.conn, l.Table, l.Column, cleanAlias(l.Column)); err != nil {
			return nil, err
		}
	}
	return links, nil
}

// writeMeta records the import in pulpero_meta.
func writeMeta(ctx context.Context, t *target, csvPath string, res *Result) error {
	if _, err := t.conn.ExecContext(ctx, MetaSchema); err != nil {
		return err
	}
	src, _ := filepath.Abs(csvPath)
	rec := ImportRecord{Source: src, ImportedAt: time.Now().UTC().Format(time.RFC3339),
		Rows: res.Rows, Rejected: res.Rejected, Key: res.Key}
	for _, c := range res.Columns {
		rec.Columns = append(rec.Columns, RecordColumn{Name: c.Name, Alias: c.Alias, SQLType: c.SQLType, Kind: c.Kind.String()})
	}
	js, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	_, err = t.conn.ExecContext(ctx, `INSERT OR REPLACE INTO pulpero_meta (key, value) VALUES (?, ?)`, MetaKey(res.Table), string(js))
	return err
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// SampleWriter writes a generated database (the demo world of package sample)
// into a temporary file beside its destination and moves it into place only on
// Commit, so a crash never leaves a half-written database under the final name.
//
// It implements sample.Sink. Rows are buffered into multi-row INSERTs (a third
// faster than one row per statement with this driver) and committed every
// RowsPerTransaction rows; journaling and syncing are off while writing, which
// is safe because the file is thrown away unless Commit completes.
type SampleWriter struct {
	path    string // final destination
	tmp     string // file being written
	replace bool
	ctx     context.Context
	db      *sql.DB
	conn    *sql.Conn
	tables  map[string]*sampleTable
	order   []string // tables in creation order: flushes must not follow map order
	inTx    int      // rows executed in the open transaction
	err     error
}

// RowsPerTransaction is how many rows a SampleWriter writes per transaction.
const RowsPerTransaction = 50_000

// maxParamsPerStatement bounds a multi-row INSERT: past ~1,000 parameters
// larger statements stop paying off.
const maxParamsPerStatement = 1000

type sampleTable struct {
	schema model.TableSchema
	one    *sql.Stmt // single-row INSERT, for the tail of a table
	many   *sql.Stmt // multi-row INSERT of batch rows
	batch  int       // rows per multi-row INSERT
	buf    []any     // pending values, batch*len(columns) at most
}

// CreateSampleDB starts writing a new database destined for path. Unless
// replace is set it refuses a path that already exists, both now and at Commit.
func CreateSampleDB(ctx context.Context, path string, replace bool) (*SampleWriter, error) {
	if !replace {
		if _, err := os.Stat(path); err == nil {
			return nil, fmt.Errorf("%s already exists; use --force to overwrite it", path)
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".partial-*")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot create a temporary file: %w", dir, err)
	}
	tmp := f.Name()
	f.Close()
	db, err := sql.Open("sqlite", tmp)
	if err != nil {
		os.Remove(tmp)
		return nil, fmt.Errorf("%s: %w", tmp, err)
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		os.Remove(tmp)
		return nil, fmt.Errorf("%s: %w", tmp, err)
	}
	w := &SampleWriter{path: path, tmp: tmp, replace: replace, ctx: ctx, db: db, conn: conn,
		tables: map[string]*sampleTable{}}
	// 64 MB of page cache keeps B-tree inner pages and index sorts in memory.
	for _, p := range []string{"PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF",
		"PRAGMA locking_mode=EXCLUSIVE", "PRAGMA cache_size=-65536", "BEGIN"} {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			w.Abort()
			return nil, fmt.Errorf("%s: %s: %w", tmp, p, err)
		}
	}
	return w, nil
}

// CreateTable creates t, with its primary and foreign keys declared so readers
// can tell which table the others point at.
func (w *SampleWriter) CreateTable(t model.TableSchema) error {
	if w.err != nil {
		return w.err
	}
	if _, dup := w.tables[t.Name]; dup || len(t.Columns) == 0 {
		return w.fail(fmt.Errorf("table %q: defined twice or without columns", t.Name))
	}
	if _, err := w.conn.ExecContext(w.ctx, createTableSQL(t)); err != nil {
		return w.fail(fmt.Errorf("create table %s: %w", t.Name, err))
	}
	n := len(t.Columns)
	batch := max(1, min(100, maxParamsPerStatement/n))
	one, err := w.conn.PrepareContext(w.ctx, insertSQL(t, 1))
	if err != nil {
		return w.fail(fmt.Errorf("prepare insert into %s: %w", t.Name, err))
	}
	many, err := w.conn.PrepareContext(w.ctx, insertSQL(t, batch))
	if err != nil {
		one.Close()
		return w.fail(fmt.Errorf("prepare insert into %s: %w", t.Name, err))
	}
	w.order = append(w.order, t.Name)
	w.tables[t.Name] = &sampleTable{schema: t, one: one, many: many, batch: batch, buf: make([]any, 0, batch*n)}
	return nil
}

// Insert appends one row to table. values are int64, float64, string or nil in
// column order; they are copied, so the caller may reuse the slice.
func (w *SampleWriter) Insert(table string, values []any) error {
	if w.err != nil {
		return w.err
	}
	t := w.tables[table]
	if t == nil {
		return w.fail(fmt.Errorf("insert into %s: no such table was created", table))
	}
	if len(values) != len(t.schema.Columns) {
		return w.fail(fmt.Errorf("insert into %s: %d values for %d columns", table, len(values), len(t.schema.Columns)))
	}
	t.buf = append(t.buf, values...)
	if len(t.buf) == cap(t.buf) {
		if _, err := t.many.ExecContext(w.ctx, t.buf...); err != nil {
			return w.fail(fmt.Errorf("insert into %s: %w", table, err))
		}
		clear(t.buf)
		t.buf = t.buf[:0]
		return w.rowsDone(t.batch)
	}
	return nil
}

// flush writes the rows still buffered for t one by one.
func (w *SampleWriter) flush(t *sampleTable) error {
	n := len(t.schema.Columns)
	for i := 0; i < len(t.buf); i += n {
		if _, err := t.one.ExecContext(w.ctx, t.buf[i:i+n]...); err != nil {
			return w.fail(fmt.Errorf("insert into %s: %w", t.schema.Name, err))
		}
	}
	rows := len(t.buf) / n
	clear(t.buf)
	t.buf = t.buf[:0]
	return w.rowsDone(rows)
}

// rowsDone counts rows into the open transaction and starts a new one when
// it is full, so no transaction grows without bound.
func (w *SampleWriter) rowsDone(n int) error {
	w.inTx += n
	if w.inTx < RowsPerTransaction {
		return nil
	}
	w.inTx = 0
	if _, err := w.conn.ExecContext(w.ctx, "COMMIT"); err != nil {
		return w.fail(fmt.Errorf("commit: %w", err))
	}
	if _, err := w.conn.ExecContext(w.ctx, "BEGIN"); err != nil {
		return w.fail(fmt.Errorf("begin: %w", err))
	}
	return nil
}

// CreateIndexes flushes table's pending rows and indexes each of its foreign
// key columns. Building an index once after the rows are in is much faster
// than maintaining it row by row.
func (w *SampleWriter) CreateIndexes(table string) error {
	if w.err != nil {
		return w.err
	}
	t := w.tables[table]
	if t == nil {
		return w.fail(fmt.Errorf("index %s: no such table was created", table))
	}
	if err := w.flush(t); err != nil {
		return err
	}
	lead := "" // the primary key's first column is indexed by the key already
	for _, c := range t.schema.Columns {
		if c.PrimaryKey {
			lead = c.Name
			break
		}
	}
	for _, c := range t.schema.ForeignKeys() {
		if c.Name == lead {
			continue
		}
		q := fmt.Sprintf("CREATE INDEX %s ON %s(%s)", QuoteIdent("idx_"+table+"_"+c.Name), QuoteIdent(table), QuoteIdent(c.Name))
		if _, err := w.conn.ExecContext(w.ctx, q); err != nil {
			return w.fail(fmt.Errorf("index %s.%s: %w", table, c.Name, err))
		}
	}
	return nil
}

// SetMeta records a key/value pair in pulpero_meta (the same table pulpero's
// workspace migrations use), e.g. the generator's version stamp.
func (w *SampleWriter) SetMeta(key, value string) error {
	if w.err != nil {
		return w.err
	}
	q := `CREATE TABLE IF NOT EXISTS pulpero_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`
	if _, err := w.conn.ExecContext(w.ctx, q); err != nil {
		return w.fail(fmt.Errorf("pulpero_meta: %w", err))
	}
	q = `INSERT INTO pulpero_meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value`
	if _, err := w.conn.ExecContext(w.ctx, q, key, value); err != nil {
		return w.fail(fmt.Errorf("pulpero_meta: %w", err))
	}
	return nil
}

// Commit writes what is still buffered, closes the file and moves it to its
// destination. Afterwards the writer is spent.
func (w *SampleWriter) Commit() error {
	if w.err != nil {
		w.Abort()
		return w.err
	}
	for _, name := range w.order {
		if err := w.flush(w.tables[name]); err != nil {
			w.Abort()
			return err
		}
	}
	if _, err := w.conn.ExecContext(w.ctx, "COMMIT"); err != nil {
		w.Abort()
		return fmt.Errorf("%s: commit: %w", w.tmp, err)
	}
	if err := w.close(); err != nil {
		os.Remove(w.tmp)
		return fmt.Errorf("%s: %w", w.tmp, err)
	}
	// CreateTemp made the file private; a generated database is an ordinary file.
	if err := os.Chmod(w.tmp, 0o644); err != nil {
		os.Remove(w.tmp)
		return fmt.Errorf("%s: %w", w.tmp, err)
	}
	if err := w.publish(); err != nil {
		os.Remove(w.tmp)
		return err
	}
	return nil
}

// publish moves the finished file into place; without replace it uses a hard
// link, which fails rather than overwrite a file that appeared meanwhile.
func (w *SampleWriter) publish() error {
	if w.replace {
		if err := os.Rename(w.tmp, w.path); err != nil {
			return fmt.Errorf("%s: %w", w.path, err)
		}
		return nil
	}
	if err := os.Link(w.tmp, w.path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s already exists; use --force to overwrite it", w.path)
		}
		// Some file systems have no hard links: fall back to a checked rename.
		if _, serr := os.Stat(w.path); serr == nil {
			return fmt.Errorf("%s already exists; use --force to overwrite it", w.path)
		}
		if rerr := os.Rename(w.tmp, w.path); rerr != nil {
			return fmt.Errorf("%s: %w", w.path, rerr)
		}
		return nil
	}
	return os.Remove(w.tmp)
}

// Abort closes the writer and deletes the temporary file; the destination is
// left as it was. It is safe to call more than once.
func (w *SampleWriter) Abort() {
	w.close()
	os.Remove(w.tmp)
}

func (w *SampleWriter) close() error {
	var first error
	for _, t := range w.tables {
		t.one.Close()
		t.many.Close()
	}
	w.tables = map[string]*sampleTable{}
	if w.conn != nil {
		first = w.conn.Close()
		w.conn = nil
	}
	if w.db != nil {
		if err := w.db.Close(); first == nil {
			first = err
		}
		w.db = nil
	}
	if w.err == nil {
		w.err = errors.New("sample writer already closed")
	}
	return first
}

// fail remembers the first error so later calls return it too.
func (w *SampleWriter) fail(err error) error {
	if w.err == nil {
		w.err = err
	}
	return w.err
}

// ReadMeta returns the value stored under key in pulpero_meta of the database
// at path, and whether it was there. The file is opened read-only.
func ReadMeta(ctx context.Context, path, key string) (string, bool, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false, fmt.Errorf("%s: %w", path, err)
	}
	db, err := sql.Open("sqlite", readOnlyDSN(abs))
	if err != nil {
		return "", false, fmt.Errorf("%s: %w", path, err)
	}
	defer db.Close()
	var v string
	err = db.QueryRowContext(ctx, `SELECT value FROM pulpero_meta WHERE key=?`, key).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil && strings.Contains(err.Error(), "no such table"):
		return "", false, nil
	case err != nil:
		return "", false, fmt.Errorf("%s: %s", path, cleanSQLiteError(err))
	}
	return v, true, nil
}

func createTableSQL(t model.TableSchema) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TABLE %s (", QuoteIdent(t.Name))
	var pk []string
	for _, c := range t.Columns {
		if c.PrimaryKey {
			pk = append(pk, QuoteIdent(c.Name))
		}
	}
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %s", QuoteIdent(c.Name), c.SQLType)
		if len(pk) == 1 && c.PrimaryKey {
			b.WriteString(" PRIMARY KEY")
		}
		if c.NotNull {
			b.WriteString(" NOT NULL")
		}
	}
	if len(pk) > 1 {
		fmt.Fprintf(&b, ", PRIMARY KEY (%s)", strings.Join(pk, ", "))
	}
	for _, c := range t.ForeignKeys() {
		tbl, col, _ := strings.Cut(strings.TrimSuffix(c.References, ")"), "(")
		fmt.Fprintf(&b, ", FOREIGN KEY (%s) REFERENCES %s(%s)", QuoteIdent(c.Name), QuoteIdent(tbl), QuoteIdent(col))
	}
	b.WriteString(")")
	return b.String()
}

func insertSQL(t model.TableSchema, rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(t.Columns)), ",") + ")"
	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %s VALUES ", QuoteIdent(t.Name))
	for i := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(one)
	}
	return b.String()
}

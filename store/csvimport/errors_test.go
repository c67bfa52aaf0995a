package csvimport

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRaggedRow(t *testing.T) {
	_, db, err := importText(t, "r.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n", Options{})
	var ie *ImportError
	if !errors.As(err, &ie) || !errors.Is(err, ErrFieldCount) || ie.Line != 3 {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "r.csv:3: 2 fields where the header has 3") {
		t.Errorf("message %q", err)
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed import left %s behind", db)
	}
	// A trailing delimiter (an empty extra field) is not ragged.
	res, _ := mustImport(t, "t.csv", "a,b\n1,2,\n3,4,\n", Options{})
	if res.Rows != 2 {
		t.Errorf("rows %d", res.Rows)
	}
	// A quote that never closes.
	_, _, err = importText(t, "q.csv", "a,b\n1,\"open\n2,3\n", Options{})
	if !errors.Is(err, ErrQuote) {
		t.Errorf("unclosed quote: %v", err)
	}
}

func TestBadValue(t *testing.T) {
	// Types decided from the first two rows; line 4 breaks the integer column.
	content := "name,city,age\nAna,Madrid,30\nBo,Lyon,41\nCe,Roma,abc\n"
	_, _, err := importText(t, "bank.csv", content, Options{SampleRows: 2})
	var ie *ImportError
	if !errors.As(err, &ie) || !errors.Is(err, ErrBadValue) {
		t.Fatalf("err = %v", err)
	}
	if ie.Line != 4 || ie.Column != 3 || ie.ColumnName != "age" {
		t.Errorf("place %+v", ie)
	}
	want := `:4: column 3 "age": "abc" is not an integer (the column holds integers); fix the value or use --skip-bad`
	if !strings.HasSuffix(err.Error(), want) || !strings.HasPrefix(err.Error(), ie.File) {
		t.Errorf("message %q", err)
	}
	// Reading the whole file (the default), the column is text, with a note.
	res, _ := mustImport(t, "bank.csv", content, Options{})
	if c := summaryOf(t, res, "age"); c.SQLType != "TEXT" {
		t.Errorf("age %+v", c)
	}
}

func TestUnreadableBytes(t *testing.T) {
	_, _, err := importText(t, "u.csv", "a,b\n1,ok\n2,caf\xe9\n", Options{Encoding: "utf-8"})
	var ie *ImportError
	if !errors.As(err, &ie) || !errors.Is(err, ErrUnreadable) || ie.Line != 3 || ie.Column != 2 {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), "0xE9") {
		t.Errorf("message %q", err)
	}
	_, _, err = importText(t, "z.csv", "a,b\n1,x\x00y\n", Options{})
	if !errors.Is(err, ErrUnreadable) {
		t.Errorf("NUL: %v", err)
	}
}

func TestSkipBadWritesRejects(t *testing.T) {
	content := "name,age\nAna,30\nBo\nCe,41\nDi,xx\nEd,50,extra\nFe,52\n"
	p := writeFile(t, "people.csv", content)
	db := filepath.Join(filepath.Dir(p), "p.db")
	res, err := Import(context.Background(), db, p, Options{SkipBad: true, SampleRows: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 3 || res.Rejected != 3 {
		t.Fatalf("rows %d rejected %d", res.Rows, res.Rejected)
	}
	if want := filepath.Join(filepath.Dir(p), "people.rejects.csv"); res.RejectsFile != want {
		t.Fatalf("rejects file %q, want %q", res.RejectsFile, want)
	}
	f, err := os.Open(res.RejectsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(recs)
	for _, want := range []string{"[line reason name age]", "1 field where the header has 2", `"xx" is not an integer`, "Ed 50 extra]"} {
		if !strings.Contains(got, want) {
			t.Errorf("rejects %s lack %q", got, want)
		}
	}
	if len(recs) != 4 || recs[1][0] != "3" || recs[2][0] != "5" || recs[3][0] != "6" {
		t.Errorf("rejects %q", recs)
	}
	wantRows(t, db, `SELECT name, age FROM people ORDER BY rowid`, [][]any{{"Ana", int64(30)}, {"Ce", int64(41)}, {"Fe", int64(52)}})
}

func TestExistingTable(t *testing.T) {
	p := writeFile(t, "c.csv", "id,name\n1,Ana\n")
	db := filepath.Join(filepath.Dir(p), "c.db")
	if _, err := Import(context.Background(), db, p, Options{}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, []byte("id,name\n2,Bo\n3,Ce\n"), 0o644)
	_, err := Import(context.Background(), db, p, Options{})
	if !errors.Is(err, ErrTableExists) || !strings.Contains(err.Error(), "--replace") {
		t.Fatalf("err = %v", err)
	}
	wantRows(t, db, `SELECT id, name FROM c`, [][]any{{int64(1), "Ana"}})
	// Another name is fine, and --replace replaces.
	if _, err := Import(context.Background(), db, p, Options{Table: "c2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Import(context.Background(), db, p, Options{Replace: true}); err != nil {
		t.Fatal(err)
	}
	wantRows(t, db, `SELECT id, name FROM c ORDER BY id`, [][]any{{int64(2), "Bo"}, {int64(3), "Ce"}})
}

func TestCancelLeavesDatabaseUnchanged(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "orders.csv")
	writeGenerated(t, big, 60_000)
	small := writeFile(t, "orders.csv", "id,name\n1,Ana\n")
	db := filepath.Join(dir, "shop.db")
	if _, err := Import(context.Background(), db, small, Options{}); err != nil {
		t.Fatal(err)
	}
	before := rows(t, db, `SELECT type, name, sql FROM sqlite_master ORDER BY name`)
	meta := rows(t, db, `SELECT key, value FROM pulpero_meta ORDER BY key`)
	for _, phase := range []Phase{PhaseTypes, PhaseInsert, PhaseIndex} {
		ctx, cancel := context.WithCancel(context.Background())
		_, err := Import(ctx, db, big, Options{Replace: true, Progress: func(p Progress) {
			if p.Phase == phase {
				cancel()
			}
		}})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("cancel in %s: err = %v", phase, err)
		}
		wantRows(t, db, `SELECT type, name, sql FROM sqlite_master ORDER BY name`, before)
		wantRows(t, db, `SELECT key, value FROM pulpero_meta ORDER BY key`, meta)
		wantRows(t, db, `SELECT id, name FROM orders`, [][]any{{int64(1), "Ana"}})
	}
	// A new database is not left behind.
	ctx, cancel := context.WithCancel(context.Background())
	fresh := filepath.Join(dir, "fresh.db")
	_, err := Import(ctx, fresh, big, Options{Progress: func(p Progress) {
		if p.Phase == PhaseInsert {
			cancel()
		}
	}})
	cancel()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "fresh") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestKeysLinkTables(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	cust := filepath.Join(dir, "customers.csv")
	tx := filepath.Join(dir, "transactions.csv")
	os.WriteFile(cust, []byte("Customer ID,name\n1,Ana\n2,Bo\n"), 0o644)
	os.WriteFile(tx, []byte("id_cliente;importe\n1;10,5\n1;2\n2;3\n"), 0o644)
	if _, err := Import(context.Background(), db, cust, Options{}); err != nil {
		t.Fatal(err)
	}
	res, err := Import(context.Background(), db, tx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Key != "id_cliente" || len(res.Links) != 1 || res.Links[0] != (Link{"customers", "Customer ID"}) {
		t.Fatalf("key %q links %+v", res.Key, res.Links)
	}
	wantRows(t, db, `SELECT c.name, sum(t.importe) FROM customers c JOIN transactions t ON t.id_cliente = c."Customer ID" GROUP BY 1 ORDER BY 1`,
		[][]any{{"Ana", 12.5}, {"Bo", 3.0}})
	wantRows(t, db, `SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite%' ORDER BY 1`, [][]any{{"customers"}, {"transactions"}})
	// The key is recorded in pulpero_meta, and --key names any column.
	got := rows(t, db, `SELECT json_extract(value, '$.key') FROM pulpero_meta WHERE key = 'import:transactions'`)
	if len(got) != 1 || got[0][0] != "id_cliente" {
		t.Errorf("meta key %v", got)
	}
	res, err = Import(context.Background(), db, tx, Options{Table: "t2", Key: "IMPORTE"})
	if err != nil || res.Key != "importe" {
		t.Errorf("--key: %v %v", res, err)
	}
	if _, err := Import(context.Background(), db, tx, Options{Table: "t3", Key: "nope"}); !errors.Is(err, ErrBadOption) {
		t.Errorf("--key nope: %v", err)
	}
}

func TestEmptyAndTinyFiles(t *testing.T) {
	for _, content := range []string{"", "\xEF\xBB\xBF", "\n\n"} {
		if _, _, err := importText(t, "e.csv", content, Options{}); !errors.Is(err, ErrNoData) {
			t.Errorf("%q: err = %v", content, err)
		}
	}
	// A header alone makes an empty table of text columns.
	res, db := mustImport(t, "h.csv", "a,b\n", Options{})
	if res.Rows != 0 || len(res.Columns) != 2 {
		t.Errorf("header only: %+v", res)
	}
	wantRows(t, db, `SELECT count(*) FROM h`, [][]any{{int64(0)}})
	// One column, and a UTF-16 file refused in one sentence.
	_, db = mustImport(t, "one.csv", "n\n1\n2\n", Options{})
	wantRows(t, db, `SELECT sum(n) FROM one`, [][]any{{int64(3)}})
	if _, _, err := importText(t, "u16.csv", "\xff\xfea\x00\n\x00", Options{}); !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("UTF-16: %v", err)
	}
}

func TestKeyJoinsRowidTable(t *testing.T) {
	// A customers table whose id is the rowid needs no second index.
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	if _, err := Import(context.Background(), db, writeFile(t, "seed.csv", "x\n1\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	conn, err := sql.Open("sqlite", dsn(db))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT)`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	res, err := Import(context.Background(), db, writeFile(t, "orders.csv", "CustomerID,total\n1,2.5\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Links) != 1 || res.Links[0] != (Link{"customers", "customer_id"}) {
		t.Errorf("links %+v", res.Links)
	}
	wantRows(t, db, `SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite%' ORDER BY 1`, [][]any{{"orders"}})
}

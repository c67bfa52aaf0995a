package csvimport

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// gzipFile writes content gzipped to name in a fresh folder.
func gzipFile(t *testing.T, name, content string) string {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(content))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGzipped(t *testing.T) {
	for _, name := range []string{"orders.csv.gz", "orders.tsv.gz", "orders.txt.gz"} {
		content := "id;city;amount\n1;Lyon;2,5\n2;Roma;3\n"
		p := gzipFile(t, name, content)
		db := filepath.Join(filepath.Dir(p), "o.db")
		var last Progress
		res, err := Import(context.Background(), db, p, Options{RecordSource: true, Progress: func(pr Progress) {
			if pr.Phase == PhaseInsert {
				last = pr
			}
		}})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Table != "orders" || res.Rows != 2 || !res.Dialect.Gzip || res.Dialect.Delimiter != ';' {
			t.Fatalf("%s: table %q rows %d dialect %+v", name, res.Table, res.Rows, res.Dialect)
		}
		wantRows(t, db, `SELECT id, city, amount FROM orders ORDER BY id`, [][]any{{int64(1), "Lyon", 2.5}, {int64(2), "Roma", 3.0}})
		// Progress counts the bytes of the file as stored.
		if st, _ := os.Stat(p); last.TotalBytes != st.Size() || last.Bytes != st.Size() || last.Fraction() != 1 {
			t.Errorf("%s: progress %+v, file has %d bytes", name, last, st.Size())
		}
		if got := rejectsPath(p); got != filepath.Join(filepath.Dir(p), "orders.rejects.csv") {
			t.Errorf("rejects beside %s: %s", name, got)
		}
		// The fingerprint is the compressed file's.
		if tbl, ok, err := SourceUnchanged(context.Background(), db, p); err != nil || !ok || tbl != "orders" {
			t.Fatalf("%s: unchanged = %q %v %v", name, tbl, ok, err)
		}
		later := time.Now().Add(time.Hour)
		os.Chtimes(p, later, later)
		if _, ok, err := SourceUnchanged(context.Background(), db, p); err != nil || !ok {
			t.Errorf("%s: touched but same bytes: %v %v", name, ok, err)
		}
		data, _ := os.ReadFile(p)
		data[len(data)-5] ^= 0xFF // same size, other bytes
		os.WriteFile(p, data, 0o644)
		if _, ok, err := SourceUnchanged(context.Background(), db, p); err != nil || ok {
			t.Errorf("%s: changed but unchanged: %v %v", name, ok, err)
		}
		// A damaged gzip file is a problem with the file, named.
		_, err = Import(context.Background(), filepath.Join(filepath.Dir(p), "x.db"), p, Options{})
		if !errors.Is(err, ErrUnreadable) || !bytes.Contains([]byte(err.Error()), []byte(name)) {
			t.Errorf("%s: damaged: %v", name, err)
		}
	}
}

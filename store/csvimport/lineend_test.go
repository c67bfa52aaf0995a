package csvimport

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// crFile is a file of n rows whose lines end with a lone CR, as old Mac
// Excel exports do; the expected sums are computed here, not by the importer.
func crFile(n int) (content string, sumID int64, sumAmount float64) {
	var b strings.Builder
	b.WriteString("id,name,amount\r")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d,name %d,%d.5\r", i, i, i)
		sumID += int64(i)
		sumAmount += float64(i) + 0.5
	}
	return b.String(), sumID, sumAmount
}

func TestCROnlyLineEnds(t *testing.T) {
	content, sumID, sumAmount := crFile(100)
	res, db := mustImport(t, "mac.csv", content, Options{})
	if res.Rows != 100 || len(res.Columns) != 3 {
		t.Fatalf("rows %d, columns %d: a CR-only file read as one line", res.Rows, len(res.Columns))
	}
	if res.Dialect.LineEnd != LineEndCR {
		t.Errorf("line end %q", res.Dialect.LineEnd)
	}
	wantRows(t, db, `SELECT count(*), sum(id), sum(amount), min(name), typeof(amount) FROM mac GROUP BY 5`,
		[][]any{{int64(100), sumID, sumAmount, "name 1", "real"}})
	// No value keeps a CR.
	wantRows(t, db, `SELECT count(*) FROM mac WHERE instr(name, char(13)) > 0`, [][]any{{int64(0)}})
}

func TestCROnlyLineNumbersAndQuotedBreaks(t *testing.T) {
	// Excel for Mac ends rows with CR and writes a line break inside a cell
	// as LF, inside quotes.
	content := "id,address,n\r1,\"Calle Mayor 5\n28013 Madrid\",2\r2,Lyon,3\r3,Roma\r4,Oslo,5\r"
	_, _, err := importText(t, "mac.csv", content, Options{})
	var ie *ImportError
	if !errors.As(err, &ie) || !errors.Is(err, ErrFieldCount) || ie.Line != 5 {
		t.Fatalf("err = %v, want a field count error on line 5 (lines counted by CR)", err)
	}
	res, db := mustImport(t, "mac.csv", strings.Replace(content, "3,Roma\r", "3,Roma,4\r", 1), Options{})
	if res.Rows != 4 || res.Dialect.LineEnd != LineEndCR {
		t.Fatalf("rows %d line end %q", res.Rows, res.Dialect.LineEnd)
	}
	wantRows(t, db, `SELECT address, n FROM mac ORDER BY id`, [][]any{
		{"Calle Mayor 5\n28013 Madrid", int64(2)}, {"Lyon", int64(3)}, {"Roma", int64(4)}, {"Oslo", int64(5)}})
}

func TestMixedLineEnds(t *testing.T) {
	// CRLF and LF mixed (a file edited on two systems) reads as lines; a
	// lone CR inside a value of an LF file stays part of the value.
	res, db := mustImport(t, "m.csv", "a,b\r\n1,x\n2,y\r\n3,p\rq\n", Options{})
	if res.Rows != 3 {
		t.Fatalf("rows %d", res.Rows)
	}
	if res.Dialect.LineEnd != LineEndLF && res.Dialect.LineEnd != LineEndCRLF {
		t.Errorf("line end %q", res.Dialect.LineEnd)
	}
	wantRows(t, db, `SELECT a, b FROM m ORDER BY a`, [][]any{{int64(1), "x"}, {int64(2), "y"}, {int64(3), "p\rq"}})
	res, _ = mustImport(t, "w.csv", "a,b\r\n1,x\r\n2,y\r\n", Options{})
	if res.Dialect.LineEnd != LineEndCRLF {
		t.Errorf("CRLF file: line end %q", res.Dialect.LineEnd)
	}
	// CR-only with a CRLF here and there is still read line by line.
	res, db = mustImport(t, "c.csv", "a,b\r1,x\r2,y\r\n3,z\r4,w", Options{})
	if res.Rows != 4 || res.Dialect.LineEnd != LineEndCR {
		t.Fatalf("rows %d line end %q", res.Rows, res.Dialect.LineEnd)
	}
	wantRows(t, db, `SELECT group_concat(b, '') FROM (SELECT b FROM c ORDER BY a)`, [][]any{{"xyzw"}})
}

package csvimport

import (
	"errors"
	"strconv"
	"strings"
	"testing"
)

// wideFile is a header of n fields and one data line.
func wideFile(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("col" + strconv.Itoa(i+1))
	}
	b.WriteByte('\n')
	b.WriteString(strings.TrimSuffix(strings.Repeat("1,", n), ","))
	b.WriteByte('\n')
	return b.String()
}

func TestTooManyColumns(t *testing.T) {
	_, _, err := importText(t, "wide.csv", wideFile(100_000), Options{})
	var ie *ImportError
	if !errors.As(err, &ie) || !errors.Is(err, ErrTooManyColumns) || ie.Line != 1 {
		t.Fatalf("err = %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"wide.csv:1:", "100,000", "2,000"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	// At the limit it imports.
	res, db := mustImport(t, "w.csv", wideFile(maxColumns), Options{})
	if len(res.Columns) != maxColumns || res.Rows != 1 {
		t.Fatalf("columns %d rows %d", len(res.Columns), res.Rows)
	}
	wantRows(t, db, `SELECT col1, col2000 FROM w`, [][]any{{int64(1), int64(1)}})
}

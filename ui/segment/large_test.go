package segment

import (
	"os"
	"testing"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/screentest"
)

// BenchmarkLargeTable drives the screen over a big database: "open" is the
// screen's start (everyone's side of the profile and the first count, in the
// background), "rule" is accepting one rule `COLUMN is not empty` (the count
// and waterfall, then the profile and the sample rows, whose personal fields
// come from SQLite). Each rule's size is checked against the column's own
// count of values. Run with
//
//	PULPERO_SEG_DB=/tmp/seg1m.db go test ./ui/segment -run '^$' -bench LargeTable -benchtime 5x
func BenchmarkLargeTable(b *testing.B) {
	p := os.Getenv("PULPERO_SEG_DB")
	if p == "" {
		b.Skip("set PULPERO_SEG_DB to a big database")
	}
	s := screentest.Session(b, p, "", asOf)
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			newScreen(b, s, 120, 40)
		}
	})
	cols := s.Data.Columns[1:4]
	b.Run("rule", func(b *testing.B) {
		i := 0
		for b.Loop() {
			b.StopTimer()
			col := cols[i%len(cols)]
			i++
			m := newScreen(b, s, 120, 40)
			press(m, "a")
			typeText(m, col.Meta().Name+" is not empty")
			b.StartTimer()
			press(m, "enter")
			b.StopTimer()
			if want := s.Data.Rows() - nullsOf(col); m.result.size != want || len(m.result.steps) != 1 {
				b.Fatalf("%s is not empty: %d customers in %d steps, the column has %d values", col.Meta().Name, m.result.size, len(m.result.steps), want)
			}
			b.StartTimer()
		}
	})
}

// nullsOf counts a column's empty values row by row.
func nullsOf(c model.Column) int {
	n := 0
	switch x := c.(type) {
	case *model.NumberColumn:
		for i := range x.Values {
			if x.IsNull(i) {
				n++
			}
		}
	case *model.CodedColumn:
		for _, code := range x.Codes {
			if code < 0 {
				n++
			}
		}
	case *model.TextColumn:
		for i := range x.Values {
			if x.Nulls.Has(i) {
				n++
			}
		}
	}
	return n
}

package store

import (
	"context"
	"testing"
)

func TestReadPageWalksATableInRowidOrder(t *testing.T) {
	d, err := Open(makeDB(t, `CREATE TABLE "ventas 2024" (id INTEGER PRIMARY KEY, "importe €" REAL, nota TEXT)`,
		`WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < 25)
		 INSERT INTO "ventas 2024" SELECT i * 2, i * 1.5, CASE WHEN i % 4 = 0 THEN NULL ELSE 'n' || i END FROM s`))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx := context.Background()
	table, _ := d.Table(ctx, "ventas 2024")
	var seen []int64
	after := int64(0)
	for pages := 0; ; pages++ {
		p, err := d.ReadPage(ctx, table, after, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range p.Rows {
			seen = append(seen, r.RowID)
			var want string
			var null bool
			var note *string
			d.SQL().QueryRow(`SELECT nota FROM "ventas 2024" WHERE rowid = ?`, r.RowID).Scan(&note)
			if note == nil {
				null = true
			} else {
				want = *note
			}
			if r.Values[2] != want || r.Nulls[2] != null {
				t.Fatalf("rowid %d nota %q/%v, SQL %q/%v", r.RowID, r.Values[2], r.Nulls[2], want, null)
			}
		}
		if !p.More {
			if pages != 2 || len(p.Rows) != 5 {
				t.Fatalf("last page %d has %d rows", pages, len(p.Rows))
			}
			break
		}
		after = p.Rows[len(p.Rows)-1].RowID
	}
	if len(seen) != 25 || seen[0] != 2 || seen[24] != 50 {
		t.Fatalf("rowids %v", seen)
	}
}

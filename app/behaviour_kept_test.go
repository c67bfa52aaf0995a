package app

import (
	"context"
	"database/sql"
	"net/url"
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestKeptBehaviourEqualsSQL: a second open of the same database reads the
// behaviour kept beside the snapshot instead of the purchases, and every
// attribute still equals SQL's GROUP BY; another analysis date, or a
// purchase added to the file, reads the purchases again.
func TestKeptBehaviourEqualsSQL(t *testing.T) {
	path := demoWorld(t, 1200, 5)
	dataDir := t.TempDir()
	load := func(o BehaviourOptions) (*Session, []string) {
		t.Helper()
		db, err := Open(path, OpenOptions{DataDir: dataDir})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		var stages []string
		s, err := db.Load(context.Background(), LoadRequest{AsOf: demoToday, Behaviour: o, Stage: func(st string) { stages = append(stages, st) }})
		if err != nil {
			t.Fatal(err)
		}
		if s.Behaviour.Err != nil {
			t.Fatal(s.Behaviour.Err)
		}
		return s, stages
	}
	first, stages := load(BehaviourOptions{})
	if !slices.Contains(stages, StageReadPurchases) {
		t.Fatalf("the first open did not read the purchases: %v", stages)
	}
	second, stages := load(BehaviourOptions{})
	if slices.Contains(stages, StageReadPurchases) {
		t.Fatalf("the second open read the purchases again: %v", stages)
	}
	db := openRO(t, path)
	var cats []string
	queryRows(t, db, `SELECT category FROM products ORDER BY rowid`, func(r *sql.Rows) error {
		var c string
		if err := r.Scan(&c); err != nil {
			return err
		}
		if !slices.Contains(cats, c) {
			cats = append(cats, c)
		}
		return nil
	})
	b := second.Behaviour
	if b.AnalysisDay != first.Behaviour.AnalysisDay || !reflect.DeepEqual(b.Summary, first.Behaviour.Summary) ||
		!reflect.DeepEqual(b.Columns, first.Behaviour.Columns) || !slices.EqualFunc(b.Problems, first.Behaviour.Problems,
		func(x, y DataProblem) bool { return reflect.DeepEqual(x, y) }) {
		t.Fatalf("kept behaviour differs from the first:\n%+v\n%+v", b, first.Behaviour)
	}
	want := oracleLines(t, db, demoLines, b.AnalysisDay)
	oracleTouches(t, db, want, demoLines, demoTouches, b.AnalysisDay)
	compareBehaviour(t, second.Data, want, b.AnalysisDay, cats, true)
	checkRFM(t, second)
	if b.Source == nil || b.Source.Lines.Name != first.Behaviour.Source.Lines.Name {
		t.Fatalf("kept behaviour lost its source: %+v", b.Source)
	}

	// another analysis date is another key
	asOf := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	other, stages := load(BehaviourOptions{AnalysisDate: asOf})
	if !slices.Contains(stages, StageReadPurchases) || other.Behaviour.AnalysisDate != asOf {
		t.Fatalf("as of %v: stages %v, analysis date %v", asOf, stages, other.Behaviour.AnalysisDate)
	}

	// a purchase added to the file: the snapshot and what it keeps are stale
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`INSERT INTO invoice_lines (invoice_id, product_id, quantity, unit_price, returned_quantity)
		SELECT invoice_id, product_id, 7, 1000, 0 FROM invoice_lines LIMIT 1`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	third, stages := load(BehaviourOptions{})
	if !slices.Contains(stages, StageReadPurchases) {
		t.Fatalf("after a change to the file the purchases were not read again: %v", stages)
	}
	want = oracleLines(t, db, demoLines, third.Behaviour.AnalysisDay)
	oracleTouches(t, db, want, demoLines, demoTouches, third.Behaviour.AnalysisDay)
	compareBehaviour(t, third.Data, want, third.Behaviour.AnalysisDay, cats, true)
}

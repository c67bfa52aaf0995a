package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
	"github.com/pulpero/pulpero/store/csvimport"
)

// AssignRequest applies saved segments to new customers or prospects: In is
// their CSV, Out the CSV written with a segments column, Segments the names
// to apply (none: every saved segment).
type AssignRequest struct {
	In, Out  string
	Segments []string
	AsOf     time.Time
	Force    bool // replace Out if it exists
}

// Assigned says what an assignment wrote.
type Assigned struct {
	Rows   int
	Names  []string
	Counts []int // per name, how many rows fell in it
}

// AssignSegments reads In (imported as any CSV is, into a temporary
// database), evaluates the saved segments on its rows with the same derived
// and reachability attributes the segments were defined on, and writes each
// row with the names of the segments it falls in.
func (d *Database) AssignSegments(ctx context.Context, lib *Library, r AssignRequest) (Assigned, error) {
	// the answer may never land on the database, its workspace or the input
	protect := append(d.protected(), r.In)
	if _, err := store.CheckDestination(r.Out, r.Force, protect...); err != nil {
		return Assigned{}, err
	}
	var names []string
	for _, want := range r.Segments {
		s, ok := lib.Find(want)
		if !ok {
			return Assigned{}, fmt.Errorf("no saved segment %q", strings.TrimSpace(want))
		}
		names = append(names, s.Name)
	}
	if len(r.Segments) == 0 {
		names = lib.Names()
	}
	if len(names) == 0 {
		return Assigned{}, fmt.Errorf("no saved segments to assign; save one with `pulpero segment save`")
	}
	dir, err := os.MkdirTemp("", "pulpero-assign-")
	if err != nil {
		return Assigned{}, err
	}
	defer os.RemoveAll(dir)
	res, err := csvimport.Import(ctx, filepath.Join(dir, "in.db"), r.In, csvimport.Options{Table: "incoming", RejectsPath: filepath.Join(dir, "rejects.csv")})
	if err != nil {
		return Assigned{}, err
	}
	db, err := openScratch(res.Database)
	if err != nil {
		return Assigned{}, err
	}
	defer db.Close()
	s, err := db.Load(ctx, LoadRequest{Table: res.Table, AsOf: r.AsOf})
	if err != nil {
		return Assigned{}, err
	}
	ev := s.Evaluator(lib)
	sets := make([]model.Bitset, len(names))
	for i, n := range names {
		tree, _ := lib.Resolve(n)
		t, err := ev.Eval(tree)
		if err != nil {
			return Assigned{}, fmt.Errorf("%w: %w", model.Say("segment %q cannot be applied to %s", n, r.In), err)
		}
		sets[i] = t.True
	}
	cols := make([]string, len(s.Table.Columns))
	for i, c := range s.Table.Columns {
		cols[i] = c.Name
	}
	rows, err := db.ReadRows(ctx, res.Table, cols, s.Data.RowIDs)
	if err != nil {
		return Assigned{}, err
	}
	return writeAssigned(r, cols, rows, s.Data.RowIDs, names, sets, protect)
}

// writeAssigned writes the rows with their segments through the one safe
// writer: a temporary file renamed into place when complete.
func writeAssigned(r AssignRequest, cols []string, rows []Row, ids []int64, names []string, sets []model.Bitset, protect []string) (Assigned, error) {
	f, err := store.CreateAtomic(r.Out, r.Force, protect...)
	if err != nil {
		return Assigned{}, err
	}
	defer f.Abort()
	w := csv.NewWriter(f)
	w.Write(append(safeCells(cols), "segments"))
	out := Assigned{Rows: len(rows), Names: names, Counts: make([]int, len(names))}
	row := make(map[int64]int, len(ids))
	for i, id := range ids {
		row[id] = i
	}
	for _, rr := range rows {
		i := row[rr.RowID]
		var in []string
		for k, set := range sets {
			if set.Has(i) {
				in = append(in, names[k])
				out.Counts[k]++
			}
		}
		w.Write(append(safeCells(rr.Values), strings.Join(in, "; ")))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return Assigned{}, fmt.Errorf("writing %s: %w", r.Out, err)
	}
	if err := f.Commit(); err != nil {
		return Assigned{}, err
	}
	return out, nil
}

// safeCells neutralises cells a spreadsheet would run as formulas.
func safeCells(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i], _ = model.SpreadsheetSafe(v)
	}
	return out
}

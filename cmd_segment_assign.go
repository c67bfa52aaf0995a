package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
	"github.com/pulpero/pulpero/store/csvimport"
)

// diff shows the rules added and removed between two versions of a saved
// segment: the last two by default, or V1 and V2, or V1 and the latest.
func (s *segSession) diff(ctx context.Context, name string, versions []string) int {
	hist, err := s.ws.SegmentHistory(ctx, name)
	if err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %v\n", err)
		return exitFail
	}
	from, to := len(hist)-1, len(hist)
	for i, v := range versions {
		n, err := strconv.Atoi(strings.TrimPrefix(strings.ToLower(v), "v"))
		if err != nil || n < 1 || n > len(hist) {
			fmt.Fprintf(s.stderr, "pulpero: %q has versions 1 to %d; %q is not one\n", name, len(hist), v)
			return exitUsage
		}
		if i == 0 {
			from = n
		} else {
			to = n
		}
	}
	if from < 1 {
		from = 1
	}
	a, b := hist[from-1], hist[to-1]
	ta, errA := segment.Parse(a.Definition)
	tb, errB := segment.Parse(b.Definition)
	if errA != nil || errB != nil {
		fmt.Fprintf(s.stderr, "pulpero: a saved definition of %q no longer parses\n", name)
		return exitFail
	}
	changes := segment.Diff(ta, tb)
	switch s.format {
	case "json":
		type change struct {
			Change string `json:"change"`
			Rule   string `json:"rule"`
		}
		out := struct {
			From, To int
			Changes  []change `json:"changes"`
		}{From: a.Version, To: b.Version}
		for _, c := range changes {
			out.Changes = append(out.Changes, change{string(c.Kind), c.Rule})
		}
		return s.writeJSON(out)
	case "csv":
		rows := [][]string{{"change", "rule"}}
		for _, c := range changes {
			rows = append(rows, []string{string(c.Kind), c.Rule})
		}
		return s.writeCSV(rows)
	}
	fmt.Fprintf(s.stdout, "%s: version %d (%d customers) → version %d (%d customers)\n", name, a.Version, a.Size, b.Version, b.Size)
	for _, c := range changes {
		mark := map[byte]string{'=': " ", '+': "+", '-': "-"}[c.Kind]
		fmt.Fprintf(s.stdout, "  %s %s\n", mark, c.Rule)
	}
	return exitOK
}

// assign reads new customers or prospects from a CSV (imported as any CSV
// is, into a temporary database), evaluates the saved segments on them, and
// writes each row with the names of the segments it falls in.
func (s *segSession) assign(ctx context.Context) int {
	fail := func(err error) int {
		fmt.Fprintf(s.stderr, "pulpero: %v\n", err)
		return exitFail
	}
	saved, err := s.ws.Segments(ctx)
	if err != nil {
		return fail(err)
	}
	var names []string
	for _, seg := range saved {
		if len(s.segments) == 0 || containsFold(s.segments, seg.Name) {
			names = append(names, seg.Name)
		}
	}
	for _, want := range s.segments {
		if _, ok := s.resolve(strings.TrimSpace(want)); !ok {
			return fail(fmt.Errorf("no saved segment %q", strings.TrimSpace(want)))
		}
	}
	if len(names) == 0 {
		return fail(fmt.Errorf("no saved segments to assign; save one with `pulpero segment save`"))
	}
	dir, err := os.MkdirTemp("", "pulpero-assign-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(dir)
	res, err := csvimport.Import(ctx, filepath.Join(dir, "in.db"), s.in, csvimport.Options{Table: "incoming", RejectsPath: filepath.Join(dir, "rejects.csv")})
	if err != nil {
		return fail(err)
	}
	db, err := store.Open(res.Database)
	if err != nil {
		return fail(err)
	}
	defer db.Close()
	// prospects get the same derived and reachability attributes as the
	// customers the segments were defined on
	cust, _, err := loadAnalysed(ctx, db, nil, res.Table, s.asOf, nil, nil)
	if err != nil {
		return fail(err)
	}
	ev := analysis.NewEvaluator(cust.Data, s.asOf, s.resolve)
	sets := make([]model.Bitset, len(names))
	for i, n := range names {
		t, err := ev.Eval(s.saved[strings.ToLower(n)])
		if err != nil {
			return fail(fmt.Errorf("segment %q cannot be applied to %s: %v", n, s.in, err))
		}
		sets[i] = t.True
	}
	cols := make([]string, len(cust.Table.Columns))
	for i, c := range cust.Table.Columns {
		cols[i] = c.Name
	}
	rows, err := db.ReadRows(ctx, res.Table, cols, cust.Data.RowIDs)
	if err != nil {
		return fail(err)
	}
	return s.writeAssigned(cols, rows, cust.Data.RowIDs, names, sets)
}

func (s *segSession) writeAssigned(cols []string, rows []store.Row, ids []int64, names []string, sets []model.Bitset) int {
	f, err := os.Create(s.out)
	if err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %v\n", err)
		return exitFail
	}
	w := csv.NewWriter(f)
	w.Write(append(append([]string(nil), cols...), "segments"))
	counts := make([]int, len(names))
	row := make(map[int64]int, len(ids))
	for i, id := range ids {
		row[id] = i
	}
	for _, r := range rows {
		i := row[r.RowID]
		var in []string
		for k, set := range sets {
			if set.Has(i) {
				in = append(in, names[k])
				counts[k]++
			}
		}
		w.Write(append(append([]string(nil), r.Values...), strings.Join(in, "; ")))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		fmt.Fprintf(s.stderr, "pulpero: writing %s: %v\n", s.out, err)
		return exitFail
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(s.stderr, "pulpero: writing %s: %v\n", s.out, err)
		return exitFail
	}
	fmt.Fprintf(s.stdout, "%s: %d rows written with their segments\n", s.out, len(rows))
	for k, n := range names {
		fmt.Fprintf(s.stdout, "  %-24s %d\n", n, counts[k])
	}
	return exitOK
}

// manage renames, duplicates or deletes a saved segment, each in one
// transaction of the workspace.
func (s *segSession) manage(ctx context.Context, op string, args []string) int {
	var err error
	var done string
	switch op {
	case "rename":
		err, done = s.ws.RenameSegment(ctx, args[0], args[1]), fmt.Sprintf("renamed %q to %q", args[0], args[1])
	case "duplicate":
		_, err = s.ws.DuplicateSegment(ctx, args[0], args[1])
		done = fmt.Sprintf("saved a copy of %q as %q", args[0], args[1])
	default:
		err, done = s.ws.DeleteSegment(ctx, args[0]), fmt.Sprintf("deleted %q and its history", args[0])
	}
	if err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %v\n", err)
		return exitFail
	}
	fmt.Fprintln(s.stdout, done)
	return exitOK
}

package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model/segment"
)

// diff shows the rules added and removed between two versions of a saved
// segment: the last two by default, or V1 and V2, or V1 and the latest.
func (s *segSession) diff(ctx context.Context, name string, versions []string) int {
	hist, err := s.db.SegmentHistory(ctx, name)
	if err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	from, to := len(hist)-1, len(hist)
	for i, v := range versions {
		n, err := strconv.Atoi(strings.TrimPrefix(strings.ToLower(v), "v"))
		if err != nil || n < 1 || n > len(hist) {
			fmt.Fprintln(s.stderr, tr.T("pulpero: %q has versions 1 to %d; %q is not one", name, len(hist), v))
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
		fmt.Fprintln(s.stderr, tr.T("pulpero: a saved definition of %q no longer parses", name))
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
		rows := [][]string{{"change", "rule"}} // i18n: machine-readable
		for _, c := range changes {
			rows = append(rows, []string{string(c.Kind), c.Rule})
		}
		return s.writeCSV(rows)
	}
	fmt.Fprintln(s.stdout, tr.T("%s: version %s (%d customers) → version %s (%d customers)", name, strconv.Itoa(a.Version), a.Size, strconv.Itoa(b.Version), b.Size))
	for _, c := range changes {
		mark := map[byte]string{'=': " ", '+': "+", '-': "-"}[c.Kind]
		fmt.Fprintf(s.stdout, "  %s %s\n", mark, sayRule(c.Rule))
	}
	return exitOK
}

// assign reads new customers or prospects from a CSV and writes each row
// with the names of the saved segments it falls in (app.AssignSegments).
func (s *segSession) assign(ctx context.Context) int {
	var want []string
	for _, w := range s.segments {
		want = append(want, strings.TrimSpace(w))
	}
	res, err := s.db.AssignSegments(ctx, s.lib, app.AssignRequest{In: s.in, Out: s.out, Segments: want, AsOf: s.asOf, Force: s.force})
	if err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	fmt.Fprintln(s.stdout, tr.T("%s: %d rows written with their segments", s.out, res.Rows))
	for k, n := range res.Names {
		fmt.Fprintf(s.stdout, "  %-24s %s\n", n, tr.Int(res.Counts[k]))
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
		err, done = s.db.RenameSegment(ctx, args[0], args[1]), tr.T("renamed %q to %q", args[0], args[1])
	case "duplicate":
		_, err = s.db.DuplicateSegment(ctx, args[0], args[1])
		done = tr.T("saved a copy of %q as %q", args[0], args[1])
	default:
		err, done = s.db.DeleteSegment(ctx, args[0]), tr.T("deleted %q and its history", args[0])
	}
	if err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	fmt.Fprintln(s.stdout, done)
	return exitOK
}

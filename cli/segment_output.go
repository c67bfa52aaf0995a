package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
)

// The shapes of --format json; text and csv show the same fields.
type (
	jsonStep struct {
		Rule      string `json:"rule"`
		Remaining int    `json:"remaining"`
		Removed   int    `json:"removed"`
	}
	jsonCount struct {
		Definition string     `json:"definition"`
		Hash       string     `json:"hash"`
		Size       int        `json:"size"`
		Customers  int        `json:"customers"`
		Share      float64    `json:"share"`
		Waterfall  []jsonStep `json:"waterfall"`
	}
	jsonVersion struct {
		Version    int       `json:"version"`
		SavedAt    time.Time `json:"saved_at"`
		Definition string    `json:"definition"`
		Hash       string    `json:"hash"`
		Size       int       `json:"size"`
		Customers  int       `json:"customers"`
	}
	jsonSegment struct {
		Name     string        `json:"name"`
		Versions int           `json:"versions"`
		Latest   jsonVersion   `json:"latest"`
		Now      *jsonCount    `json:"now,omitempty"`
		Profile  []jsonProfile `json:"profile,omitempty"`
		History  []jsonVersion `json:"history,omitempty"`
	}
	jsonProfile struct {
		Attribute string                   `json:"attribute"`
		Distance  float64                  `json:"distance"`
		Buckets   []analysis.ProfileBucket `json:"buckets"`
	}
)

func countJSON(def, hash string, size, customers int, steps []analysis.WaterfallStep) *jsonCount {
	c := &jsonCount{Definition: def, Hash: hash, Size: size, Customers: customers, Share: share(size, customers), Waterfall: []jsonStep{}}
	for _, st := range steps {
		c.Waterfall = append(c.Waterfall, jsonStep(st))
	}
	return c
}

func versionJSON(v app.SegmentVersion) jsonVersion {
	return jsonVersion{v.Version, v.SavedAt, v.Definition, v.Hash, v.Size, v.Customers}
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

func pct(n, of int) string { return strconv.FormatFloat(100*share(n, of), 'f', 1, 64) + "%" }

func (s *segSession) writeJSON(v any) int {
	enc := json.NewEncoder(s.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %v\n", err)
		return exitFail
	}
	return exitOK
}

func (s *segSession) writeCSV(rows [][]string) int {
	w := csv.NewWriter(s.stdout)
	w.WriteAll(safeRows(rows))
	if err := w.Error(); err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %v\n", err)
		return exitFail
	}
	return exitOK
}

func (s *segSession) writeCount(def, hash string, size int, steps []analysis.WaterfallStep) int {
	total := s.data.Rows()
	switch s.format {
	case "json":
		return s.writeJSON(countJSON(def, hash, size, total, steps))
	case "csv":
		rows := [][]string{{"step", "rule", "remaining", "removed"}}
		for i, st := range steps {
			rows = append(rows, []string{strconv.Itoa(i + 1), st.Rule, strconv.Itoa(st.Remaining), strconv.Itoa(st.Removed)})
		}
		return s.writeCSV(rows)
	}
	fmt.Fprintf(s.stdout, "%s\n%d of %d customers (%s)\n\n", def, size, total, pct(size, total))
	s.writeWaterfall(steps, total)
	return exitOK
}

func (s *segSession) writeWaterfall(steps []analysis.WaterfallStep, total int) {
	fmt.Fprintf(s.stdout, "%12s %12s  %s\n", "REMAINING", "REMOVED", "RULE")
	fmt.Fprintf(s.stdout, "%12d %12s  %s\n", total, "", "(everyone)")
	for _, st := range steps {
		fmt.Fprintf(s.stdout, "%12d %12s  %s\n", st.Remaining, "-"+strconv.Itoa(st.Removed), st.Rule)
	}
}

func (s *segSession) writeSaved(name string, v app.SegmentVersion) int {
	switch s.format {
	case "json":
		return s.writeJSON(jsonSegment{Name: name, Versions: v.Version, Latest: versionJSON(v)})
	case "csv":
		return s.writeCSV([][]string{{"name", "version", "size", "hash"}, {name, strconv.Itoa(v.Version), strconv.Itoa(v.Size), v.Hash}})
	}
	fmt.Fprintf(s.stdout, "saved %q version %d: %d customers (%s)\n", name, v.Version, v.Size, pct(v.Size, v.Customers))
	return exitOK
}

func (s *segSession) list(ctx context.Context) int {
	list := s.lib.Saved()
	switch s.format {
	case "json":
		out := []jsonSegment{}
		for _, seg := range list {
			out = append(out, jsonSegment{Name: seg.Name, Versions: seg.Versions, Latest: versionJSON(seg.Latest)})
		}
		return s.writeJSON(out)
	case "csv":
		rows := [][]string{{"name", "versions", "size", "saved_at", "definition", "hash"}}
		for _, seg := range list {
			rows = append(rows, []string{seg.Name, strconv.Itoa(seg.Versions), strconv.Itoa(seg.Latest.Size),
				seg.Latest.SavedAt.Format(time.RFC3339), seg.Latest.Definition, seg.Latest.Hash})
		}
		return s.writeCSV(rows)
	}
	if len(list) == 0 {
		fmt.Fprintln(s.stdout, "no saved segments; save one with: pulpero segment save DB NAME 'EXPR'")
		return exitOK
	}
	tw := tabwriter.NewWriter(s.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tVERSIONS\tSIZE\tSAVED\tDEFINITION")
	for _, seg := range list {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", seg.Name, seg.Versions, seg.Latest.Size, seg.Latest.SavedAt.Format("2006-01-02 15:04"), seg.Latest.Definition)
	}
	tw.Flush()
	return exitOK
}

func (s *segSession) show(ctx context.Context, name string) int {
	seg, ok := s.lib.Find(name)
	if !ok {
		fmt.Fprintf(s.stderr, "pulpero: no saved segment %q; `pulpero segment list DB` shows them\n", name)
		return exitFail
	}
	hist, err := s.db.SegmentHistory(ctx, seg.Name)
	if err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %v\n", err)
		return exitFail
	}
	def := seg.Latest.Definition
	n, code := s.parse(def)
	if code != exitOK {
		return exitFail
	}
	steps, rows, code := s.measure(n, def)
	if code != exitOK {
		return exitFail
	}
	prof := analysis.NewProfileBase(s.data).Profile(rows)
	out := jsonSegment{Name: seg.Name, Versions: seg.Versions, Latest: versionJSON(seg.Latest),
		Now: countJSON(def, seg.Latest.Hash, rows.Count(), s.data.Rows(), steps)}
	for _, p := range prof {
		out.Profile = append(out.Profile, jsonProfile{p.Attribute, p.Distance, p.Buckets})
	}
	for _, v := range hist {
		out.History = append(out.History, versionJSON(v))
	}
	switch s.format {
	case "json":
		return s.writeJSON(out)
	case "csv":
		rows := [][]string{{"attribute", "distance", "value", "segment", "overall", "segment_share", "overall_share", "index"}}
		for _, p := range prof {
			for _, b := range p.Buckets {
				rows = append(rows, []string{p.Attribute, ff(p.Distance), b.Label, strconv.Itoa(b.Segment), strconv.Itoa(b.Overall),
					ff(b.SegmentShare), ff(b.OverallShare), ff(b.Index)})
			}
		}
		return s.writeCSV(rows)
	}
	fmt.Fprintf(s.stdout, "%s (version %d of %s, hash %s)\n", seg.Name, seg.Latest.Version, seg.Latest.SavedAt.Format("2006-01-02 15:04"), seg.Latest.Hash[:min(12, len(seg.Latest.Hash))])
	s.writeCount(def, seg.Latest.Hash, rows.Count(), steps)
	fmt.Fprintln(s.stdout, "\nWhat sets it apart (total-variation distance; index = segment share ÷ everyone's share):")
	for _, p := range prof[:min(5, len(prof))] {
		fmt.Fprintf(s.stdout, "  %s  %.2f\n", p.Attribute, p.Distance)
		bs := append([]analysis.ProfileBucket(nil), p.Buckets...)
		sort.SliceStable(bs, func(i, j int) bool { return bs[i].SegmentShare > bs[j].SegmentShare })
		for _, b := range bs[:min(3, len(bs))] {
			fmt.Fprintf(s.stdout, "    %-24s %6s of segment  %6s of everyone  index %s\n", b.Label, pct(b.Segment, rows.Count()), pct(b.Overall, s.data.Rows()), ff(b.Index))
		}
	}
	fmt.Fprintln(s.stdout, "\nHistory:")
	for _, v := range hist {
		fmt.Fprintf(s.stdout, "  v%d  %s  %d customers  %s\n", v.Version, v.SavedAt.Format("2006-01-02 15:04"), v.Size, v.Definition)
	}
	return exitOK
}

func ff(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

func (s *segSession) overlap(ctx context.Context) int {
	list := s.lib.Saved()
	var names []string
	var sets []model.Bitset
	for _, seg := range list {
		if len(s.segments) > 0 && !containsFold(s.segments, seg.Name) {
			continue
		}
		tree, _ := s.lib.Resolve(seg.Name)
		t, err := s.eval.Eval(tree)
		if err != nil {
			fmt.Fprintf(s.stderr, "pulpero: segment %q: %v\n", seg.Name, err)
			return exitFail
		}
		names, sets = append(names, seg.Name), append(sets, t.True)
	}
	m := analysis.Overlap(sets)
	if s.format == "json" {
		return s.writeJSON(map[string]any{"segments": names, "intersections": m})
	}
	rows := [][]string{append([]string{"segment"}, names...)}
	for i, n := range names {
		row := []string{n}
		for j := range names {
			row = append(row, strconv.Itoa(m[i][j]))
		}
		rows = append(rows, row)
	}
	if s.format == "csv" {
		return s.writeCSV(rows)
	}
	tw := tabwriter.NewWriter(s.stdout, 2, 4, 2, ' ', 0)
	for i, r := range rows {
		if i > 0 {
			for j := range names {
				r[j+1] += " (" + pct(m[i-1][j], m[i-1][i-1]) + ")"
			}
		}
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
	fmt.Fprintln(s.stdout, "(row's customers also in the column's segment, % of the row's segment)")
	return exitOK
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}

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
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
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

// pct writes n of of as a percentage for people, in the run's language.
func pct(n, of int) string { return tr.Number(100*share(n, of), 1) + "%" }

// sayRule writes a rule for people in the run's language (the parser
// reads both; files and JSON keep the canonical English form).
func sayRule(rule string) string {
	if tr.Lang != locale.Spanish {
		return rule
	}
	n, err := segment.Parse(rule)
	if err != nil {
		return rule
	}
	return segment.PrintSpanish(n)
}

// sayStamp writes when a version was saved, as the run's language writes
// a day, with the time.
func sayStamp(t time.Time) string { return tr.Date(t) + " " + t.Format("15:04") }

func (s *segSession) writeJSON(v any) int {
	enc := json.NewEncoder(s.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	return exitOK
}

func (s *segSession) writeCSV(rows [][]string) int {
	w := csv.NewWriter(s.stdout)
	w.WriteAll(safeRows(rows))
	if err := w.Error(); err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %s\n", sayErr(err))
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
		rows := [][]string{{"step", "rule", "remaining", "removed"}} // i18n: machine-readable
		for i, st := range steps {
			rows = append(rows, []string{strconv.Itoa(i + 1), st.Rule, strconv.Itoa(st.Remaining), strconv.Itoa(st.Removed)})
		}
		return s.writeCSV(rows)
	}
	fmt.Fprintf(s.stdout, "%s\n%s\n\n", sayRule(def), tr.T("%d of %d customers (%s)", size, total, pct(size, total)))
	s.writeWaterfall(steps, total)
	return exitOK
}

func (s *segSession) writeWaterfall(steps []analysis.WaterfallStep, total int) {
	fmt.Fprintf(s.stdout, "%12s %12s  %s\n", tr.Lookup("REMAINING"), tr.Lookup("REMOVED"), tr.Lookup("RULE"))
	fmt.Fprintf(s.stdout, "%12s %12s  %s\n", tr.Int(total), "", tr.T("(everyone)"))
	for _, st := range steps {
		fmt.Fprintf(s.stdout, "%12s %12s  %s\n", tr.Int(st.Remaining), "-"+tr.Int(st.Removed), sayRule(st.Rule))
	}
}

func (s *segSession) writeSaved(name string, v app.SegmentVersion) int {
	switch s.format {
	case "json":
		return s.writeJSON(jsonSegment{Name: name, Versions: v.Version, Latest: versionJSON(v)})
	case "csv":
		// i18n: machine-readable
		return s.writeCSV([][]string{{"name", "version", "size", "hash"}, {name, strconv.Itoa(v.Version), strconv.Itoa(v.Size), v.Hash}})
	}
	fmt.Fprintln(s.stdout, tr.T("saved %q version %s: %d customers (%s)", name, strconv.Itoa(v.Version), v.Size, pct(v.Size, v.Customers)))
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
		rows := [][]string{{"name", "versions", "size", "saved_at", "definition", "hash"}} // i18n: machine-readable
		for _, seg := range list {
			rows = append(rows, []string{seg.Name, strconv.Itoa(seg.Versions), strconv.Itoa(seg.Latest.Size),
				seg.Latest.SavedAt.Format(time.RFC3339), seg.Latest.Definition, seg.Latest.Hash})
		}
		return s.writeCSV(rows)
	}
	if len(list) == 0 {
		fmt.Fprintln(s.stdout, tr.T("no saved segments; save one with: pulpero segment save DB NAME 'EXPR'"))
		return exitOK
	}
	tw := tabwriter.NewWriter(s.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("NAME\tVERSIONS\tSIZE\tSAVED\tDEFINITION"))
	for _, seg := range list {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\n", seg.Name, seg.Versions, tr.Int(seg.Latest.Size), sayStamp(seg.Latest.SavedAt), sayRule(seg.Latest.Definition))
	}
	tw.Flush()
	return exitOK
}

func (s *segSession) show(ctx context.Context, name string) int {
	seg, ok := s.lib.Find(name)
	if !ok {
		fmt.Fprintln(s.stderr, tr.T("pulpero: no saved segment %q; `pulpero segment list DB` shows them", name))
		return exitFail
	}
	hist, err := s.db.SegmentHistory(ctx, seg.Name)
	if err != nil {
		fmt.Fprintf(s.stderr, "pulpero: %s\n", sayErr(err))
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
		rows := [][]string{{"attribute", "distance", "value", "segment", "overall", "segment_share", "overall_share", "index"}} // i18n: machine-readable
		for _, p := range prof {
			for _, b := range p.Buckets {
				rows = append(rows, []string{p.Attribute, ff(p.Distance), b.Label, strconv.Itoa(b.Segment), strconv.Itoa(b.Overall),
					ff(b.SegmentShare), ff(b.OverallShare), ff(b.Index)})
			}
		}
		return s.writeCSV(rows)
	}
	fmt.Fprintln(s.stdout, tr.T("%s (version %s of %s, hash %s)", seg.Name, strconv.Itoa(seg.Latest.Version), sayStamp(seg.Latest.SavedAt), seg.Latest.Hash[:min(12, len(seg.Latest.Hash))]))
	s.writeCount(def, seg.Latest.Hash, rows.Count(), steps)
	fmt.Fprintln(s.stdout)
	fmt.Fprintln(s.stdout, tr.T("What sets it apart (total-variation distance; index = segment share ÷ everyone's share):"))
	for _, p := range prof[:min(5, len(prof))] {
		fmt.Fprintf(s.stdout, "  %s  %s\n", p.Attribute, tr.Number(p.Distance, 2))
		bs := append([]analysis.ProfileBucket(nil), p.Buckets...)
		sort.SliceStable(bs, func(i, j int) bool { return bs[i].SegmentShare > bs[j].SegmentShare })
		for _, b := range bs[:min(3, len(bs))] {
			fmt.Fprintf(s.stdout, "    %-24s %s\n", profileLabel(b.Label), tr.T("%6s of segment  %6s of everyone  index %s", pct(b.Segment, rows.Count()), pct(b.Overall, s.data.Rows()), tr.Number(b.Index, 3)))
		}
	}
	fmt.Fprintln(s.stdout)
	fmt.Fprintln(s.stdout, tr.T("History:"))
	for _, v := range hist {
		fmt.Fprintf(s.stdout, "  %s\n", tr.T("v%s  %s  %d customers  %s", strconv.Itoa(v.Version), sayStamp(v.SavedAt), v.Size, sayRule(v.Definition)))
	}
	return exitOK
}

// profileLabel is a profile bucket's label for people: the buckets the
// analysis names ("other", "(empty)") in the run's language, values as
// they are.
func profileLabel(l string) string {
	switch l {
	case "other", "(empty)":
		return tr.Lookup(l)
	}
	return l
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
			fmt.Fprintln(s.stderr, tr.T("pulpero: segment %q: %s", seg.Name, sayErr(err)))
			return exitFail
		}
		names, sets = append(names, seg.Name), append(sets, t.True)
	}
	m := analysis.Overlap(sets)
	if s.format == "json" {
		return s.writeJSON(map[string]any{"segments": names, "intersections": m}) // i18n: machine-readable
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
	rows[0][0] = tr.Lookup("segment")
	tw := tabwriter.NewWriter(s.stdout, 2, 4, 2, ' ', 0)
	for i, r := range rows {
		if i > 0 {
			for j := range names {
				r[j+1] = tr.Int(m[i-1][j]) + " (" + pct(m[i-1][j], m[i-1][i-1]) + ")"
			}
		}
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
	fmt.Fprintln(s.stdout, tr.T("(row's customers also in the column's segment, %s of the row's segment)", "%"))
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

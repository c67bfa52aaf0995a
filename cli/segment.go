package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// segmentUsage is `pulpero segment`'s help, in the run's language; its
// examples use the language's keywords (the parser reads both).
func segmentUsage() string {
	return tr.T(`usage:
  pulpero segment count DB 'EXPR'        size, share and waterfall of an expression
  pulpero segment save DB NAME 'EXPR'    save (a new version of) a segment
  pulpero segment list DB                the saved segments
  pulpero segment show DB NAME           definition, size now, profile and history
  pulpero segment overlap DB [--segments A,B,...]  pairwise intersections
  pulpero segment rename DB NAME NEW     rename, keeping the history
  pulpero segment duplicate DB NAME NEW  save a copy of the latest version
  pulpero segment delete DB NAME         delete a segment and its history
  pulpero segment diff DB NAME [V1 [V2]]  rules added and removed between versions (default: the last two)
  pulpero segment assign DB --in FILE.csv --out FILE.csv [--segments A,B,...]
                                         the saved segments each row of a CSV falls in
options: --format text|csv|json  --table NAME  --as-of YYYY-MM-DD  --data-dir DIR

expressions: rules joined with and, or, not and parentheses; names ignore case; quote names with spaces
  income > 2000 and marital_status = "single" and zone in ("north", "north-east")
  monthly_income between 1500 and 3000      postcode starts with "280"      zone not in ("centre")
  acquisition_channel contains "web"      loyalty_member = yes      consent_email = no
  signup_date after "2024-01-31"      birth_date before "1965-01-01"      signup_date in the last 90 days
  in segment "VIP" and not in segment "Complained"
a role's name (income, birth_date, signup_date, gender, postcode) finds the column with that role, so a rule
travels between databases; personal columns (name, email, phone, address) stay in the database: ask
reachable_email, reachable_sms, reachable_phone, reachable_post or digitally_valid instead
relative dates count whole days back from the analysis day (--as-of, default today), which is included:
  on 2026-06-15, "in the last 7 days" is 2026-06-09 to 2026-06-15, "in the last 1 months" 2026-05-16 to 2026-06-15
  weeks start on Monday (ISO 8601): on Sunday 2026-06-14, "in this week" is Monday 2026-06-08 to 2026-06-14
yes/no values: yes, y, true, t, 1, sí, si, s, verdadero, v / no, n, false, f, 0, falso (any case)`)
}

// runSegment is `pulpero segment SUBCOMMAND ...`.
func runSegment(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		out := stderr
		if len(args) > 0 {
			out = stdout
		}
		fmt.Fprintln(out, segmentUsage())
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	sub, args := args[0], args[1:]
	fs := newFlags("segment "+sub, stderr)
	o := segOptions{}
	fs.StringVar(&o.format, "format", "text", tr.T("output format: text, csv or json"))
	fs.StringVar(&o.table, "table", "", tr.T("the customer table (default: detected)"))
	fs.StringVar(&o.dataDir, "data-dir", "", tr.T("where workspaces of read-only databases live"))
	asOf := fs.String("as-of", "", tr.T("reference day for relative dates and ages (default: today)"))
	segs := fs.String("segments", "", tr.T("comma-separated saved segments (overlap, assign; default: all)"))
	fs.StringVar(&o.in, "in", "", tr.T("assign: the CSV of new customers or prospects"))
	fs.StringVar(&o.out, "out", "", tr.T("assign: the CSV to write"))
	fs.BoolVar(&o.force, "force", false, tr.T("assign: replace --out if it exists"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, segmentUsage())
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	if o.format != "text" && o.format != "csv" && o.format != "json" {
		fmt.Fprintln(stderr, tr.T("pulpero: --format %q: use text, csv or json", o.format))
		return exitUsage
	}
	o.asOf = time.Now().UTC()
	if *asOf != "" {
		if o.asOf, err = app.ParseDay(*asOf); err != nil {
			fmt.Fprintln(stderr, tr.T("pulpero: --as-of %q: write the day as 2024-01-31", *asOf))
			return exitUsage
		}
	}
	want := map[string][2]int{"count": {2, 2}, "save": {3, 3}, "list": {1, 1}, "show": {2, 2}, "overlap": {1, 1},
		"diff": {2, 4}, "assign": {1, 1}, "rename": {3, 3}, "duplicate": {3, 3}, "delete": {2, 2}}
	n, known := want[sub]
	if !known || len(pos) < n[0] || len(pos) > n[1] || sub == "assign" && (o.in == "" || o.out == "") {
		if !known {
			fmt.Fprintln(stderr, tr.T("pulpero: no segment command %q", sub))
		}
		fmt.Fprintln(stderr, segmentUsage())
		return exitUsage
	}
	if *segs != "" {
		o.segments = strings.Split(*segs, ",")
	}
	o.stdout, o.stderr = stdout, stderr
	ctx := context.Background()
	// diff and assign need no columnar copy of the database's customers;
	// count and save read only the columns their rule does
	load := sub == "count" || sub == "save" || sub == "show" || sub == "overlap"
	switch sub {
	case "count":
		o.rule = pos[1]
	case "save":
		o.rule = pos[2]
	}
	s, err := openSegmentSession(ctx, pos[0], o, load)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	defer s.close()
	switch sub {
	case "count":
		return s.count(ctx, pos[1])
	case "save":
		return s.save(ctx, pos[1], pos[2])
	case "list":
		return s.list(ctx)
	case "show":
		return s.show(ctx, pos[1])
	case "diff":
		return s.diff(ctx, pos[1], pos[2:])
	case "assign":
		return s.assign(ctx)
	case "rename", "duplicate", "delete":
		return s.manage(ctx, sub, pos[1:])
	}
	return s.overlap(ctx)
}

type segOptions struct {
	format, table, dataDir string
	in, out                string
	force                  bool
	asOf                   time.Time
	segments               []string
	rule                   string // count and save: the rule, whose attributes are all that is loaded
	stdout, stderr         io.Writer
}

// segSession is an open database with its columnar copy (when the
// command needs one), its saved segments and an evaluator that knows them.
type segSession struct {
	segOptions
	db   *app.Database
	sess *app.Session
	data *model.Dataset
	lib  *app.Library
	eval *analysis.Evaluator
	lean bool // only the rule's columns were loaded
}

func openSegmentSession(ctx context.Context, path string, o segOptions, load bool) (*segSession, error) {
	db, err := app.Open(path, app.OpenOptions{DataDir: o.dataDir})
	if err != nil {
		return nil, err
	}
	s := &segSession{segOptions: o, db: db}
	if err := s.load(ctx, load); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *segSession) load(ctx context.Context, data bool) error {
	lib, err := s.db.Library(ctx)
	if err != nil {
		return err
	}
	s.lib = lib
	if data {
		req := app.LoadRequest{Table: s.table, AsOf: s.asOf}
		if tree, err := segment.Parse(s.rule); s.rule != "" && err == nil {
			req.Attributes = app.RuleAttributes(tree, lib)
		}
		s.lean = req.Attributes != nil
		sess, err := s.db.Load(ctx, req)
		if err != nil {
			return err
		}
		s.sess, s.data = sess, sess.Data
	}
	if data {
		s.eval = s.sess.Evaluator(lib)
	}
	return nil
}

func (s *segSession) close() { s.db.Close() }

// parse reads and checks an expression; on error it prints the caret block
// and returns exitUsage.
func (s *segSession) parse(expr string) (segment.Node, int) {
	n, err := segment.Parse(expr)
	if err == nil {
		err = s.eval.Check(n)
	}
	if err != nil && s.lean {
		// the rule names something not loaded (a typo, most likely): load
		// every attribute, so the answer can suggest and list them all
		s.rule, s.lean = "", false
		if lerr := s.load(context.Background(), true); lerr == nil {
			if n, err = segment.Parse(expr); err == nil {
				err = s.eval.Check(n)
			}
		}
	}
	if err != nil {
		s.sayCaret(expr, err)
		return nil, exitUsage
	}
	for _, w := range s.eval.WarningSentences(n) {
		fmt.Fprintln(s.stderr, tr.T("pulpero: warning: %s", tr.Say(w)))
	}
	return n, exitOK
}

// sayCaret prints a rule's error under the rule, in the run's language:
// the message under the caret is the error's sentence said by tr.
func (s *segSession) sayCaret(expr string, err error) {
	caret := segment.CaretIn(expr, err, tr.Error)
	fmt.Fprintf(s.stderr, "%s\n%s\n", tr.T("pulpero: in the expression:"), indent(caret, "  "))
}

func indent(s, pad string) string { return pad + strings.ReplaceAll(s, "\n", "\n"+pad) }

// measure evaluates a tree: its waterfall and final rows.
func (s *segSession) measure(n segment.Node, expr string) ([]analysis.WaterfallStep, model.Bitset, int) {
	steps, rows, err := s.eval.Waterfall(n)
	if err != nil {
		s.sayCaret(expr, err)
		return nil, nil, exitUsage
	}
	return steps, rows, exitOK
}

func (s *segSession) count(_ context.Context, expr string) int {
	n, code := s.parse(expr)
	if code != exitOK {
		return code
	}
	steps, rows, code := s.measure(n, expr)
	if code != exitOK {
		return code
	}
	return s.writeCount(segment.Print(n), segment.Hash(n), rows.Count(), steps)
}

func (s *segSession) save(ctx context.Context, name, expr string) int {
	n, code := s.parse(expr)
	if code != exitOK {
		return code
	}
	if _, _, code := s.measure(n, expr); code != exitOK {
		return code
	}
	v, err := s.sess.SaveSegment(ctx, s.lib, name, n)
	var loop *segment.Error
	if errors.As(err, &loop) {
		s.sayCaret(expr, err)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintln(s.stderr, tr.T("pulpero: saving segment %q: %s", name, sayErr(err)))
		return exitFail
	}
	return s.writeSaved(name, v)
}

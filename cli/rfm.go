package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"time"

	"github.com/pulpero/pulpero/app"
)

// rfmFlags are rfm's flags (the freeze and frozen subcommands share them).
type rfmFlags struct {
	table, asOf, segments, frozen, format, customers, dataDir string
	unfrozen, force                                           bool
	sets                                                      roleSets
}

// rfmUsage is the command's usage, in the run's language.
func rfmUsage() string {
	return tr.T(`usage: pulpero rfm DB [--as-of YYYY-MM-DD] [--table T] [--segments 0.3|0.2] [--frozen NAME[@V]|--unfrozen] [--format text|json|csv] [--customers FILE]
       pulpero rfm freeze DB NAME    freeze the cut-offs, segment table and analysis date (a new version)
       pulpero rfm frozen DB         list the frozen versions`)
}

// runRFM prints the customers' RFM scores: the thresholds, the customers
// per score, the segments and the data problems, as of the analysis date;
// with --customers it writes the per-customer table to a file.
func runRFM(args []string, stdout, stderr io.Writer) int {
	sub := ""
	if len(args) > 0 && (args[0] == "freeze" || args[0] == "frozen") {
		sub, args = args[0], args[1:]
	}
	fs := newFlags("rfm", stderr)
	var f rfmFlags
	fs.StringVar(&f.table, "table", "", tr.T("the customer table (default: detected)"))
	fs.StringVar(&f.asOf, "as-of", "", tr.T("the analysis date YYYY-MM-DD (default: the day after the last purchase)"))
	fs.StringVar(&f.segments, "segments", "", tr.T("segment table: 0.3 (rfm 0.3.0, ten segments; the default) or 0.2 (the older vignette's eleven)"))
	fs.StringVar(&f.frozen, "frozen", "", tr.T("score with frozen cut-offs NAME or NAME@VERSION"))
	fs.BoolVar(&f.unfrozen, "unfrozen", false, tr.T("fit the cut-offs on this data even if frozen ones are set"))
	fs.StringVar(&f.format, "format", "text", tr.T("text, json or csv"))
	fs.StringVar(&f.customers, "customers", "", tr.T("also write the per-customer table (key, recency, frequency, monetary, scores, segment) to FILE as CSV"))
	fs.BoolVar(&f.force, "force", false, tr.T("replace an existing --customers file"))
	fs.StringVar(&f.dataDir, "data-dir", "", tr.T("where workspaces of read-only databases live"))
	fs.Var(&f.sets, "set", tr.T("PURCHASE_ROLE=TABLE.COLUMN: correct a purchase role (ROLE= clears it); repeatable"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(stdout, "\n%s\n", tr.T("Purchase roles: %s", app.PurchaseRoleNames()))
		return exitOK
	}
	want := 1
	if sub == "freeze" {
		want = 2
	}
	if err != nil || len(pos) != want {
		fmt.Fprintln(stderr, rfmUsage())
		return exitUsage
	}
	opts, err := f.options()
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	db, err := app.Open(pos[0], app.OpenOptions{DataDir: f.dataDir})
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	defer db.Close()
	if code := applyPurchaseSets(ctx, db, f.sets, stderr); code != exitOK {
		return code
	}
	if sub == "frozen" {
		return printFrozen(ctx, db, f.format, stdout, stderr)
	}
	bar := newLoadLine(stderr)
	s, err := db.Load(ctx, app.LoadRequest{Table: f.table, AsOf: time.Now().UTC(), Behaviour: opts, Stage: bar.stage, Progress: bar.progress})
	bar.clear()
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	if sub == "freeze" {
		fr, err := s.FreezeRFM(ctx, pos[1], time.Now().UTC())
		if err != nil {
			fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
			return exitFail
		}
		fmt.Fprintln(stdout, tr.T("frozen %q version %d: cut-offs, segment table and analysis date %s (fitted on %d customers); %s now scores with them (--unfrozen to fit on the data)",
			fr.Name, fr.Version, day(fr.AnalysisDate), fr.Customers, pos[0]))
		return exitOK
	}
	rep, err := s.RFMReport()
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	if f.customers != "" {
		n, err := s.WriteRFMCustomers(f.customers, f.force)
		if err != nil {
			fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
			return exitFail
		}
		fmt.Fprintln(stderr, tr.T("wrote %d customers to %s (as of %s)", n, f.customers, day(rep.AnalysisDate)))
	}
	return printRFM(rep, f.format, pos[0], stdout, stderr)
}

// options turns the flags into the behaviour options of a load.
func (f rfmFlags) options() (app.BehaviourOptions, error) {
	var o app.BehaviourOptions
	switch f.format {
	case "text", "json", "csv":
	default:
		return o, errors.New(tr.T("--format %q: want text, json or csv", f.format))
	}
	if f.asOf != "" {
		d, err := app.ParseDay(f.asOf)
		if err != nil {
			return o, err
		}
		o.AnalysisDate = d
	}
	if f.frozen != "" && f.unfrozen {
		return o, errors.New(tr.T("--frozen and --unfrozen cannot go together"))
	}
	o.Segments, o.Frozen = f.segments, f.frozen
	if f.unfrozen {
		o.Frozen = "-"
	}
	if f.segments != "" && f.frozen != "" {
		return o, errors.New(tr.T("--segments chooses the table of cut-offs fitted on the data; frozen cut-offs keep their own"))
	}
	return o, nil
}

// applyPurchaseSets saves --set PURCHASE_ROLE=TABLE.COLUMN corrections.
func applyPurchaseSets(ctx context.Context, db *app.Database, sets roleSets, stderr io.Writer) int {
	for _, s := range sets {
		role, ref, ok := app.ParsePurchaseRoleSet(s)
		if !ok {
			fmt.Fprintln(stderr, tr.T("pulpero: --set %q: want PURCHASE_ROLE=TABLE.COLUMN with PURCHASE_ROLE one of: %s", s, app.PurchaseRoleNames()))
			return exitUsage
		}
		if err := db.SetPurchaseRole(ctx, role, ref); err != nil {
			fmt.Fprintf(stderr, "pulpero: --set %s: %s\n", s, sayErr(err)) // i18n: the program's name and the flag
			return exitFail
		}
	}
	return exitOK
}

// loadLine shows, on a terminal only, what a load is doing: its stage and
// how many rows of it are read.
type loadLine struct {
	mu    sync.Mutex // stages and progress come from the load's goroutines
	w     io.Writer
	tty   bool
	name  string
	drawn bool
	last  time.Time
}

func newLoadLine(w io.Writer) *loadLine {
	w = rawOf(w) // the line draws with \r and an erase sequence of its own
	tty := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &loadLine{w: w, tty: tty}
}

func (l *loadLine) stage(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.name = tr.Lookup(s) // app's stage, in the run's language when the catalogue has it
	l.draw(l.name + "…")
}

func (l *loadLine) progress(p app.LoadProgress) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if p.Total > 0 && time.Since(l.last) > 200*time.Millisecond {
		l.last = time.Now()
		l.draw(tr.T("%s %3.0f%% (%s of %s rows)", l.name, 100*float64(p.Done)/float64(p.Total), commas(int(p.Done)), commas(int(p.Total))))
	}
}

func (l *loadLine) draw(s string) {
	if l.tty {
		fmt.Fprintf(l.w, "\r%s\x1b[K", s)
		l.drawn = true
	}
}

func (l *loadLine) clear() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.drawn {
		fmt.Fprint(l.w, "\r\x1b[K")
	}
}

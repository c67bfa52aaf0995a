package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis/cluster"
	"github.com/pulpero/pulpero/app"
)

// clusterUsage is the command's usage and what it does, in the run's
// language.
func clusterUsage() string {
	return tr.T(`usage: pulpero cluster DB --features a,b,c [--log a,b] [--k auto|N] [--seed S] [--restarts N]
         [--table-restarts N] [--format text|json] [--assign-to NAME] [--save-rules PREFIX] [--leave-out] [--depth N]
         [--rules-from a,b] [--archetypes] [--save-archetypes] [--table T] [--as-of D] [--data-dir DIR]

Lets the data propose customer segments with k-means and explains them: the k table (inertia and
silhouette for k = 2…10), each cluster's profile and suggested name, and one rule per cluster in the
segment language with its precision and recall. Numbers are standardised (z-scores); --log takes
log(1 + x) first (suggested for a skewed attribute); categories are one-hot; a missing number gets
the median (--leave-out leaves the customer out), counted and said.
  --assign-to NAME    save each customer's cluster in the workspace; later loads have attribute NAME (1…k)
  --save-rules PREFIX save the rules as segments "PREFIX 1", "PREFIX 2", ... (pulpero segment assign applies them)
  --archetypes        compare the clusters with the four buyer archetypes (behaviour attributes needed)
  --save-archetypes   save the archetypes' starting rules as segments you can edit
Ctrl-C cancels.`)
}

// clusterFlags are the command's flags.
type clusterFlags struct {
	features, logs, k, format, assignTo, saveRules, rulesFrom string
	table, asOf, dataDir                                      string
	seed                                                      uint64
	restarts, tableRestarts, depth                            int
	leaveOut, archetypes, saveArchetypes                      bool
}

// runCluster is `pulpero cluster DB ...`.
func runCluster(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("cluster", stderr)
	var f clusterFlags
	fs.StringVar(&f.features, "features", "", tr.T("comma-separated attributes to cluster on"))
	fs.StringVar(&f.logs, "log", "", tr.T("of the features, numbers to cluster on log(1 + x)"))
	fs.StringVar(&f.k, "k", "auto", tr.T("clusters: auto (the best silhouette of the k table) or a number 2…50"))
	fs.Uint64Var(&f.seed, "seed", 1, tr.T("random seed: the same seed gives the same clusters"))
	fs.IntVar(&f.restarts, "restarts", app.DefaultRestarts, tr.T("k-means++ restarts per k (the lowest inertia is kept)"))
	fs.IntVar(&f.tableRestarts, "table-restarts", 0, tr.T("restarts per k of the k table (default: --restarts, 3 above 200,000 customers; the chosen k gets --restarts)"))
	fs.IntVar(&f.depth, "depth", 3, tr.T("depth of the rules' decision tree (1…6)"))
	fs.StringVar(&f.format, "format", "text", tr.T("text or json"))
	fs.StringVar(&f.assignTo, "assign-to", "", tr.T("save the labels as attribute NAME (in the workspace, never your tables)"))
	fs.StringVar(&f.saveRules, "save-rules", "", tr.T("save the rules as segments PREFIX 1, PREFIX 2, ..."))
	fs.StringVar(&f.rulesFrom, "rules-from", "", tr.T("attributes the rules may use (default: the features)"))
	fs.BoolVar(&f.leaveOut, "leave-out", false, tr.T("leave customers with a missing number out instead of giving them the median"))
	fs.BoolVar(&f.archetypes, "archetypes", false, tr.T("compare the clusters with the buyer archetypes"))
	fs.BoolVar(&f.saveArchetypes, "save-archetypes", false, tr.T("save the archetypes' starting rules as segments"))
	fs.StringVar(&f.table, "table", "", tr.T("the customer table (default: detected)"))
	fs.StringVar(&f.asOf, "as-of", "", tr.T("reference day for ages and relative dates (default: today)"))
	fs.StringVar(&f.dataDir, "data-dir", "", tr.T("where workspaces of read-only databases live"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, clusterUsage())
		return exitOK
	}
	if err != nil || len(pos) != 1 {
		fmt.Fprintln(stderr, clusterUsage())
		return exitUsage
	}
	req, asOf, err := f.request()
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
	attrs := f.attributes(req)
	s, err := db.Load(ctx, app.LoadRequest{Table: f.table, AsOf: asOf, Attributes: attrs})
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	bar := newClusterBar(stderr)
	c, err := s.Cluster(ctx, req, bar.update)
	if errors.Is(err, app.ErrUnknownAttribute) && attrs != nil {
		// a lean load holds only what was named: load everything, so the
		// message can say which attribute was meant
		if s, err = db.Load(ctx, app.LoadRequest{Table: f.table, AsOf: asOf}); err == nil {
			c, err = s.Cluster(ctx, req, nil)
		}
	}
	bar.clear()
	if err != nil {
		return clusterFailed(err, ctx, stderr)
	}
	out := &clusterOutput{db: pos[0], s: s, c: c}
	if code := f.save(ctx, out, stderr); code != exitOK {
		return code
	}
	if f.format == "json" {
		return writeJSONTo(stdout, stderr, out.json())
	}
	out.text(stdout)
	return exitOK
}

// request turns the flags into a clustering request and the analysis day.
func (f clusterFlags) request() (app.ClusterRequest, time.Time, error) {
	r := app.ClusterRequest{Features: splitList(f.features), Log: splitList(f.logs), Seed: f.seed, Restarts: f.restarts,
		TableRestarts: f.tableRestarts, Depth: f.depth, LeaveOut: f.leaveOut}
	if f.rulesFrom != "" {
		r.RuleAttributes = splitList(f.rulesFrom)
	}
	asOf := time.Now().UTC()
	switch {
	case len(r.Features) == 0:
		return r, asOf, errors.New(tr.T("--features: name the attributes to cluster on, e.g. --features recency_days,frequency,monetary"))
	case f.format != "text" && f.format != "json":
		return r, asOf, errors.New(tr.T("--format %q: use text or json", f.format))
	case f.restarts < 1:
		return r, asOf, errors.New(tr.T("--restarts %d: at least 1", f.restarts))
	}
	if k := strings.TrimSpace(f.k); k != "auto" && k != "" {
		n, err := strconv.Atoi(k)
		if err != nil || n < 2 || n > cluster.MaxK {
			return r, asOf, errors.New(tr.T("--k %q: auto or a whole number from 2 to %d", f.k, cluster.MaxK))
		}
		r.K = n
	}
	if f.asOf != "" {
		d, err := app.ParseDay(f.asOf)
		if err != nil {
			return r, asOf, err
		}
		asOf = d
	}
	return r, asOf, nil
}

// attributes are what the load must hold: the features and the rules'
// attributes (a lean load), or everything when labels are saved (their
// name must not be one of the table's attributes) or archetypes compared.
func (f clusterFlags) attributes(r app.ClusterRequest) []string {
	if f.assignTo != "" || f.archetypes || f.saveArchetypes {
		return nil
	}
	return append(append([]string{}, r.Features...), r.RuleAttributes...)
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// clusterFailed prints why clustering stopped: a cancel, a request the
// flags got wrong (exit 2) or a data problem (exit 1).
func clusterFailed(err error, ctx context.Context, stderr io.Writer) int {
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, tr.T("pulpero: cancelled; nothing was saved"))
		return exitFail
	}
	fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
	if errors.Is(err, app.ErrClusterRequest) {
		return exitUsage
	}
	return exitFail
}

// save writes what the flags ask for: labels, rules as segments, the
// archetypes' segments; and reads the comparison with archetypes.
func (f clusterFlags) save(ctx context.Context, out *clusterOutput, stderr io.Writer) int {
	s := out.s
	fail := func(err error) int {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	if f.assignTo != "" {
		n, err := s.SaveClusterLabels(ctx, f.assignTo, out.c, time.Now().UTC())
		if err != nil {
			return fail(err)
		}
		out.assigned, out.assignedTo = n, strings.TrimSpace(f.assignTo)
	}
	lib, err := s.DB.Library(ctx)
	if err != nil {
		return fail(err)
	}
	if f.saveRules != "" {
		if out.savedRules, err = s.SaveClusterRules(ctx, nil, lib, f.saveRules, out.c); err != nil {
			return fail(err)
		}
		if lib, err = s.DB.Library(ctx); err != nil {
			return fail(err)
		}
	}
	if f.saveArchetypes {
		if out.savedArch, err = s.SaveArchetypes(ctx, nil, lib, false); err != nil {
			return fail(err)
		}
		if lib, err = s.DB.Library(ctx); err != nil {
			return fail(err)
		}
	}
	if f.archetypes {
		if out.arch, err = s.CompareArchetypes(lib, out.c); err != nil {
			return fail(err)
		}
	}
	return exitOK
}

// clusterBar shows the job's progress on stderr: a bar redrawn in place on
// a terminal, a line per stage and k anywhere else.
type clusterBar struct {
	w     io.Writer
	tty   bool
	drawn bool
	last  string
}

func newClusterBar(w io.Writer) *clusterBar { return &clusterBar{w: rawOf(w), tty: isTerminal(w)} }

func (b *clusterBar) update(p app.ClusterProgress) {
	label := clusterStageText(p.Stage)
	if p.K > 0 && (p.Stage == app.ClusterStageKMeans || p.Stage == app.ClusterStageSilhouette) {
		label += fmt.Sprintf(" k = %d", p.K)
	}
	if !b.tty {
		if label != b.last {
			b.last = label
			fmt.Fprintf(b.w, "pulpero: %s\n", label)
		}
		return
	}
	const width = 20
	share := 0.0
	if p.Total > 0 {
		share = float64(p.Done) / float64(p.Total)
	}
	filled := int(share * width)
	fmt.Fprintf(b.w, "\r%s%s %3.0f%%  %s\x1b[K", strings.Repeat("█", filled), strings.Repeat("░", width-filled), 100*share, tr.T("%s (Ctrl-C cancels)", label))
	b.drawn = true
}

func (b *clusterBar) clear() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\x1b[K")
		b.drawn = false
	}
}

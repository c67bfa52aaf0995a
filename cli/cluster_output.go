package cli

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pulpero/pulpero/analysis/cluster"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// clusterStageText names a stage of the clustering job in the run's
// language.
func clusterStageText(stage string) string {
	switch stage {
	case app.ClusterStagePrepare:
		return tr.T("preparing the features")
	case app.ClusterStageKMeans:
		return "k-means"
	case app.ClusterStageSilhouette:
		return tr.T("silhouette")
	case app.ClusterStageProfiles:
		return tr.T("profiles")
	case app.ClusterStageRules:
		return tr.T("rules")
	}
	return stage
}

// clusterOutput is what the command prints.
type clusterOutput struct {
	db         string
	s          *app.Session
	c          *app.Clustering
	assigned   int
	assignedTo string
	savedRules []app.SavedClusterRule
	savedArch  []app.SavedClusterRule
	arch       *app.ArchetypeComparison
}

func (o *clusterOutput) text(w io.Writer) {
	c := o.c
	r := c.Request
	fmt.Fprintln(w, tr.T("%s: %s customers clustered on %d attributes (seed %s, %d restarts per k)",
		o.db, commas(c.Matrix.N), len(c.Features()), strconv.FormatUint(r.Seed, 10), r.Restarts))
	if c.Matrix.LeftOut > 0 {
		fmt.Fprintln(w, tr.T("%s customers left out for a missing number (--leave-out)", commas(c.Matrix.LeftOut)))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, f := range c.Features() {
		fmt.Fprintf(tw, "  %s\t%s\n", f.Name, featureText(f))
	}
	tw.Flush()
	if t := c.Table; t != nil {
		o.kTable(w, t)
	}
	sil := ""
	if v, ok := c.Silhouette(); ok {
		sil = tr.T(" (silhouette %s)", fixed(v, 3))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("Clusters at k = %d%s:", c.K, sil))
	if mb := c.Result.MiniBatch; mb != nil {
		fmt.Fprintln(w, tr.T("mini-batch k-means: one more full pass would lower the inertia by at most %s%%", fixed(100*mb.Gap, 2)))
	}
	for _, p := range c.Profiles.Clusters {
		o.profile(w, p)
	}
	o.rules(w)
	if o.assignedTo != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, tr.T("Labels saved as attribute %s for %s customers (1…%d); later loads have it, e.g. `%s = 1`", o.assignedTo, commas(o.assigned), c.K, quoteName(o.assignedTo)))
	}
	for _, sr := range append(append([]app.SavedClusterRule{}, o.savedRules...), o.savedArch...) {
		if sr.Skipped != "" {
			fmt.Fprintln(w, tr.T("not saved %q: %s", sr.Name, tr.Lookup(sr.Skipped)))
			continue
		}
		fmt.Fprintln(w, tr.T("saved segment %q version %d (%s customers)", sr.Name, sr.Version.Version, commas(sr.Version.Size)))
	}
	if o.arch != nil {
		o.archetypes(w)
	}
}

// featureText says how a feature entered the clustering.
func featureText(f cluster.FeatureInfo) string {
	if f.Categorical {
		return tr.T("%d categories, one-hot with weight %s", len(f.Levels), fixed(f.Weight, 2))
	}
	s := tr.T("standardised")
	if f.Log {
		s = tr.T("log(1 + x), standardised")
	}
	if f.Imputed > 0 {
		s += tr.T("; %s missing given the median %s", commas(f.Imputed), clNumber(f.Kind, f.Median))
	} else if f.Missing > 0 {
		s += tr.T("; %s missing, left out", commas(f.Missing))
	}
	if f.SuggestLog {
		s += tr.T("; skewness %s: log(1 + x) suggested (--log %s)", fixed(f.Skewness, 1), f.Name)
	}
	return s
}

// kTable prints the k table with a bar per silhouette (the small chart).
func (o *clusterOutput) kTable(w io.Writer, t *cluster.KTable) {
	on := tr.T("all %s customers", commas(t.SilhouetteRows))
	if t.Sampled {
		on = tr.T("a random sample of %s customers", commas(t.SilhouetteRows))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("Choosing k (silhouette on %s):", on))
	best := 0.0
	for _, row := range t.Rows {
		best = max(best, row.Silhouette)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, tr.T("k\tinertia\tsilhouette\t"))
	for _, row := range t.Rows {
		mark := ""
		if row.K == t.Suggested {
			mark = tr.T("← suggested (best silhouette)")
		}
		bar := ""
		if best > 0 && row.Silhouette > 0 {
			bar = strings.Repeat("█", max(1, int(math.Round(20*row.Silhouette/best))))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t  %s %s\n", row.K, decimal(row.Inertia, 1), fixed(row.Silhouette, 3), padRight(bar, 20), mark)
	}
	tw.Flush()
	if t.Stopped != nil {
		fmt.Fprintln(w, tr.T("the table stops at k = %d: %s", len(t.Rows)+1, sayErr(t.Stopped)))
	}
	if c := o.c; c.TableRestarts < c.Request.Restarts {
		fmt.Fprintln(w, tr.T("(the table ran %d restarts per k; k = %d was run again with %d)", c.TableRestarts, c.K, c.Request.Restarts))
	}
}

func padRight(s string, n int) string {
	if k := len([]rune(s)); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

// profile prints one cluster: size, share, name, what stands out, and each
// feature's mean and median against everyone clustered.
func (o *clusterOutput) profile(w io.Writer, p cluster.ClusterProfile) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("Cluster %d: %s customers (%s) — %s", p.Cluster+1, commas(p.Size), clPercent(p.Share), clusterName(p)))
	var top []string
	for _, d := range p.Distinguishing {
		if len(top) == 3 || math.Abs(d.StdDiff) < cluster.NameThreshold {
			break
		}
		top = append(top, partText(d))
	}
	if len(top) > 0 {
		fmt.Fprintln(w, tr.T("  stands out: %s", strings.Join(top, "; ")))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("  attribute\tmean\t(all)\tmedian\t(all)\tindex"))
	for _, n := range p.Numbers {
		idx := ""
		if n.HasIndex {
			idx = strconv.Itoa(int(math.Round(n.Index)))
		}
		fmt.Fprintf(tw, "  %s\t%s\t(%s)\t%s\t(%s)\t%s\n", n.Attribute, clNumber(n.Kind, n.Mean), clNumber(n.Kind, n.OverallMean),
			clNumber(n.Kind, n.Median), clNumber(n.Kind, n.OverallMedian), idx)
	}
	tw.Flush()
	for _, cp := range p.Categories {
		if math.Abs(cp.StdDiff) < cluster.NameThreshold {
			continue
		}
		cat := cp.Category
		if cp.Empty {
			cat = tr.T("(empty)")
		}
		fmt.Fprintln(w, tr.T("  %s = %s: %s (all %s)", cp.Attribute, cat, clPercent(cp.Share), clPercent(cp.OverallShare)))
	}
}

// partText renders one distinguishing attribute: "monetary high (+1.2 sd)".
func partText(d cluster.NamePart) string {
	name := d.Attribute
	if !d.IsNumber {
		name += " = " + d.Category
		if d.Empty {
			name = tr.T("%s empty", d.Attribute)
		}
	}
	diff := fixed(d.StdDiff, 1)
	if !strings.HasPrefix(diff, "-") {
		diff = "+" + diff
	}
	return tr.T("%s %s (%s sd)", name, tr.Lookup(string(d.Direction)), diff)
}

// ruleText is a cluster's rule in the run's language: the segment
// language reads Spanish keywords too, so either can be pasted back (the
// JSON keeps the canonical English form).
func ruleText(r cluster.Rule) string {
	if tr.Lang == locale.Spanish {
		return segment.PrintSpanish(r.Node)
	}
	return r.Text
}

// clusterName is a cluster's suggested name in the run's language: the
// English one ("high monetary, low frequency, online") said word by word.
// Attribute names and categories are the data's and stay as they are.
func clusterName(p cluster.ClusterProfile) string {
	if tr.Lang != locale.Spanish {
		return p.English
	}
	if len(p.Name) == 0 {
		return tr.T("typical")
	}
	words := make([]string, len(p.Name))
	for i, n := range p.Name {
		switch {
		case n.IsNumber && n.Direction == cluster.High:
			words[i] = tr.T("high %s", n.Attribute)
		case n.IsNumber:
			words[i] = tr.T("low %s", n.Attribute)
		case n.Empty:
			words[i] = tr.T("%s empty", n.Attribute)
		case n.Boolean && strings.EqualFold(n.Category, "no"):
			words[i] = tr.T("no %s", n.Attribute)
		case n.Boolean:
			words[i] = n.Attribute
		default:
			words[i] = n.Category
		}
	}
	return strings.Join(words, cluster.NameJoin)
}

func (o *clusterOutput) rules(w io.Writer) {
	rs := o.c.Rules
	on := o.c.Request.Features
	if o.c.Request.RuleAttributes != nil {
		on = o.c.Request.RuleAttributes
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("Rules (a decision tree of depth %d on %s; %s of customers fall in their own cluster's rule):", rs.Depth, strings.Join(on, ", "), clPercent(rs.Accuracy)))
	for _, r := range rs.Rules {
		fmt.Fprintln(w, tr.T("  cluster %d  precision %s  recall %s  coverage %s", r.Cluster+1, clPercent(r.Precision), clPercent(r.Recall), clPercent(r.Coverage)))
		switch {
		case r.Everyone:
			fmt.Fprintf(w, "    %s\n", tr.T("(no rule: the tree could not split)"))
		case r.Node == nil:
			fmt.Fprintf(w, "    %s\n", tr.T("(no rule: the tree gives this cluster no leaf)"))
		default:
			fmt.Fprintf(w, "    %s\n", ruleText(r))
		}
	}
}

func (o *clusterOutput) archetypes(w io.Writer) {
	a := o.arch
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("Clusters against the buyer archetypes (each customer in the first archetype rule they match; adjusted Rand %s):", fixed(a.Agreement, 3)))
	for i, ar := range a.Archetypes {
		mark := ""
		if a.Saved[i] {
			mark = tr.T(" (saved, as edited)")
		}
		fmt.Fprintf(w, "  %s%s: %s\n", tr.Lookup(ar.Segment), mark, sayRule(ar.Rule)) // the rule in the run's keywords
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{tr.T("cluster")}
	for i := range len(a.Archetypes) + 1 {
		head = append(head, tr.Lookup(a.ArchetypeLabel(i)))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for j, row := range a.Counts {
		cells := []string{strconv.Itoa(j + 1)}
		for _, n := range row {
			cells = append(cells, commas(n))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
	}
	tw.Flush()
}

// clNumber formats a value of a kind: dates as days, others with sensible
// decimals; never NaN (a cluster without values shows "–").
func clNumber(k model.Kind, v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "–"
	case k == model.KindDate:
		return tr.Date(time.Unix(int64(math.Floor(v))*86400, 0).UTC())
	case k == model.KindInteger && v == math.Trunc(v):
		return decimal(v, 0)
	case math.Abs(v) >= 100:
		return decimal(v, 0)
	case math.Abs(v) >= 10:
		return decimal(v, 1)
	}
	return decimal(v, 2)
}

// decimal formats x with d decimals and thousands separators, in the
// run's number format; a negative that rounds to zero loses its sign.
func decimal(x float64, d int) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', d, 64)
	if x < 0 && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return localNumber(s)
}

func clPercent(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return localNumber(strconv.FormatFloat(100*x, 'f', 1, 64)) + "%"
}

// quoteName writes an attribute name as a rule needs it.
func quoteName(n string) string {
	for _, r := range n {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return strconv.Quote(n)
		}
	}
	return n
}

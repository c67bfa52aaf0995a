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
	"github.com/pulpero/pulpero/model"
)

// Texts of `pulpero cluster`.
var clusterStageText = map[string]string{
	app.ClusterStagePrepare:    "preparing the features",
	app.ClusterStageKMeans:     "k-means",
	app.ClusterStageSilhouette: "silhouette",
	app.ClusterStageProfiles:   "profiles",
	app.ClusterStageRules:      "rules",
}

const (
	msgClusterHead     = "%s: %s customers clustered on %d attributes (seed %d, %d restarts per k)\n"
	msgClusterLeftOut  = "%s customers left out for a missing number (--leave-out)\n"
	msgKTableHead      = "\nChoosing k (silhouette on %s):\n"
	msgKRestarts       = "(the table ran %d restarts per k; k = %d was run again with %d)\n"
	msgKAll            = "all %s customers"
	msgKSample         = "a random sample of %s customers"
	msgKStopped        = "the table stops at k = %d: %v\n"
	msgSuggested       = "← suggested (best silhouette)"
	msgChosenK         = "\nClusters at k = %d%s:\n"
	msgChosenSil       = " (silhouette %.3f)"
	msgMiniBatch       = "mini-batch k-means: one more full pass would lower the inertia by at most %.2f%%\n"
	msgRulesHead       = "\nRules (a decision tree of depth %d on %s; %s of customers fall in their own cluster's rule):\n"
	msgRuleNone        = "(no rule: the tree gives this cluster no leaf)"
	msgRuleEveryone    = "(no rule: the tree could not split)"
	msgAssigned        = "\nLabels saved as attribute %s for %s customers (1…%d); later loads have it, e.g. `%s = 1`\n"
	msgSavedRule       = "saved segment %q version %d (%s customers)\n"
	msgSkippedRule     = "not saved %q: %s\n"
	msgArchHead        = "\nClusters against the buyer archetypes (each customer in the first archetype rule they match; adjusted Rand %.3f):\n"
	msgArchRule        = "  %s%s: %s\n"
	msgArchSavedMark   = " (saved, as edited)"
	msgFeatureLog      = "log(1 + x), standardised"
	msgFeatureZ        = "standardised"
	msgFeatureCats     = "%d categories, one-hot with weight %.2f"
	msgFeatureImputed  = "; %s missing given the median %s"
	msgFeatureMissing  = "; %s missing, left out"
	msgFeatureSkew     = "; skewness %.1f: log(1 + x) suggested (--log %s)"
	msgProfileSize     = "\nCluster %d: %s customers (%s) — %s\n"
	msgProfileDistinct = "  stands out: %s\n"
)

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
	fmt.Fprintf(w, msgClusterHead, o.db, thousands(int64(c.Matrix.N)), len(c.Features()), r.Seed, r.Restarts)
	if c.Matrix.LeftOut > 0 {
		fmt.Fprintf(w, msgClusterLeftOut, thousands(int64(c.Matrix.LeftOut)))
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
		sil = fmt.Sprintf(msgChosenSil, v)
	}
	fmt.Fprintf(w, msgChosenK, c.K, sil)
	if mb := c.Result.MiniBatch; mb != nil {
		fmt.Fprintf(w, msgMiniBatch, 100*mb.Gap)
	}
	for _, p := range c.Profiles.Clusters {
		o.profile(w, p)
	}
	o.rules(w)
	if o.assignedTo != "" {
		fmt.Fprintf(w, msgAssigned, o.assignedTo, thousands(int64(o.assigned)), c.K, quoteName(o.assignedTo))
	}
	for _, sr := range append(append([]app.SavedClusterRule{}, o.savedRules...), o.savedArch...) {
		if sr.Skipped != "" {
			fmt.Fprintf(w, msgSkippedRule, sr.Name, sr.Skipped)
			continue
		}
		fmt.Fprintf(w, msgSavedRule, sr.Name, sr.Version.Version, thousands(int64(sr.Version.Size)))
	}
	if o.arch != nil {
		o.archetypes(w)
	}
}

// featureText says how a feature entered the clustering.
func featureText(f cluster.FeatureInfo) string {
	if f.Categorical {
		return fmt.Sprintf(msgFeatureCats, len(f.Levels), f.Weight)
	}
	s := msgFeatureZ
	if f.Log {
		s = msgFeatureLog
	}
	if f.Imputed > 0 {
		s += fmt.Sprintf(msgFeatureImputed, thousands(int64(f.Imputed)), clNumber(f.Kind, f.Median))
	} else if f.Missing > 0 {
		s += fmt.Sprintf(msgFeatureMissing, thousands(int64(f.Missing)))
	}
	if f.SuggestLog {
		s += fmt.Sprintf(msgFeatureSkew, f.Skewness, f.Name)
	}
	return s
}

// kTable prints the k table with a bar per silhouette (the small chart).
func (o *clusterOutput) kTable(w io.Writer, t *cluster.KTable) {
	on := fmt.Sprintf(msgKAll, thousands(int64(t.SilhouetteRows)))
	if t.Sampled {
		on = fmt.Sprintf(msgKSample, thousands(int64(t.SilhouetteRows)))
	}
	fmt.Fprintf(w, msgKTableHead, on)
	best := 0.0
	for _, row := range t.Rows {
		best = max(best, row.Silhouette)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "k\tinertia\tsilhouette\t")
	for _, row := range t.Rows {
		mark := ""
		if row.K == t.Suggested {
			mark = msgSuggested
		}
		bar := ""
		if best > 0 && row.Silhouette > 0 {
			bar = strings.Repeat("█", max(1, int(math.Round(20*row.Silhouette/best))))
		}
		fmt.Fprintf(tw, "%d\t%s\t%.3f\t  %s %s\n", row.K, decimal(row.Inertia, 1), row.Silhouette, padRight(bar, 20), mark)
	}
	tw.Flush()
	if t.Stopped != nil {
		fmt.Fprintf(w, msgKStopped, len(t.Rows)+1, t.Stopped)
	}
	if c := o.c; c.TableRestarts < c.Request.Restarts {
		fmt.Fprintf(w, msgKRestarts, c.TableRestarts, c.K, c.Request.Restarts)
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
	fmt.Fprintf(w, msgProfileSize, p.Cluster+1, thousands(int64(p.Size)), clPercent(p.Share), p.English)
	var top []string
	for _, d := range p.Distinguishing {
		if len(top) == 3 || math.Abs(d.StdDiff) < cluster.NameThreshold {
			break
		}
		top = append(top, partText(d))
	}
	if len(top) > 0 {
		fmt.Fprintf(w, msgProfileDistinct, strings.Join(top, "; "))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  attribute\tmean\t(all)\tmedian\t(all)\tindex")
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
			cat = "(empty)"
		}
		fmt.Fprintf(w, "  %s = %s: %s (all %s)\n", cp.Attribute, cat, clPercent(cp.Share), clPercent(cp.OverallShare))
	}
}

// partText renders one distinguishing attribute: "monetary high (+1.2 sd)".
func partText(d cluster.NamePart) string {
	name := d.Attribute
	if !d.IsNumber {
		name += " = " + d.Category
		if d.Empty {
			name = d.Attribute + " empty"
		}
	}
	return fmt.Sprintf("%s %s (%+.1f sd)", name, d.Direction, d.StdDiff)
}

func (o *clusterOutput) rules(w io.Writer) {
	rs := o.c.Rules
	on := o.c.Request.Features
	if o.c.Request.RuleAttributes != nil {
		on = o.c.Request.RuleAttributes
	}
	fmt.Fprintf(w, msgRulesHead, rs.Depth, strings.Join(on, ", "), clPercent(rs.Accuracy))
	for _, r := range rs.Rules {
		fmt.Fprintf(w, "  cluster %d  precision %s  recall %s  coverage %s\n", r.Cluster+1, clPercent(r.Precision), clPercent(r.Recall), clPercent(r.Coverage))
		switch {
		case r.Everyone:
			fmt.Fprintf(w, "    %s\n", msgRuleEveryone)
		case r.Node == nil:
			fmt.Fprintf(w, "    %s\n", msgRuleNone)
		default:
			fmt.Fprintf(w, "    %s\n", r.Text)
		}
	}
}

func (o *clusterOutput) archetypes(w io.Writer) {
	a := o.arch
	fmt.Fprintf(w, msgArchHead, a.Agreement)
	for i, ar := range a.Archetypes {
		mark := ""
		if a.Saved[i] {
			mark = msgArchSavedMark
		}
		fmt.Fprintf(w, msgArchRule, ar.Segment, mark, ar.Rule)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"cluster"}
	for i := range len(a.Archetypes) + 1 {
		head = append(head, a.ArchetypeLabel(i))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for j, row := range a.Counts {
		cells := []string{strconv.Itoa(j + 1)}
		for _, n := range row {
			cells = append(cells, thousands(int64(n)))
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
		return time.Unix(int64(math.Floor(v))*86400, 0).UTC().Format("2006-01-02")
	case k == model.KindInteger && v == math.Trunc(v):
		return decimal(v, 0)
	case math.Abs(v) >= 100:
		return decimal(v, 0)
	case math.Abs(v) >= 10:
		return decimal(v, 1)
	}
	return decimal(v, 2)
}

// decimal formats x with d decimals and thousands separators.
func decimal(x float64, d int) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', d, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(whole, 10, 64)
	out := thousands(n)
	if frac != "" {
		out += "." + frac
	}
	if x < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}

func clPercent(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return strconv.FormatFloat(100*x, 'f', 1, 64) + "%"
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

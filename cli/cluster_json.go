package cli

import (
	"github.com/pulpero/pulpero/analysis/cluster"
	"github.com/pulpero/pulpero/app"
)

// The JSON form of `pulpero cluster`: clusters are numbered from 1, as the
// text, the saved labels and the saved segments number them.
type (
	clusterJSON struct {
		Database     string            `json:"database"`
		Customers    int               `json:"customers"` // clustered
		LeftOut      int               `json:"left_out"`
		Seed         uint64            `json:"seed"`
		Restarts     int               `json:"restarts"`
		Features     []featureJSON     `json:"features"`
		KTable       *kTableJSON       `json:"k_table,omitempty"`
		K            int               `json:"k"`
		Silhouette   *float64          `json:"silhouette,omitempty"` // from the k table
		Inertia      float64           `json:"inertia"`
		MiniBatchGap *float64          `json:"mini_batch_gap,omitempty"`
		Clusters     []clusterOneJSON  `json:"clusters"`
		Rules        rulesJSON         `json:"rules"`
		AssignedTo   string            `json:"assigned_to,omitempty"`
		Assigned     int               `json:"assigned,omitempty"`
		Saved        []savedJSON       `json:"saved_segments,omitempty"`
		Archetypes   *archetypesJSON   `json:"archetypes,omitempty"`
		Notes        map[string]string `json:"notes"`
	}
	featureJSON struct {
		Name        string      `json:"name"`
		Kind        string      `json:"kind"`
		Categorical bool        `json:"categorical"`
		Log         bool        `json:"log,omitempty"`
		Missing     int         `json:"missing"`
		Imputed     int         `json:"imputed"`
		Median      *float64    `json:"median,omitempty"`
		Skewness    *float64    `json:"skewness,omitempty"`
		SuggestLog  bool        `json:"suggest_log,omitempty"`
		Center      *float64    `json:"center,omitempty"`
		Scale       *float64    `json:"scale,omitempty"`
		Levels      []levelJSON `json:"levels,omitempty"`
		Weight      *float64    `json:"weight,omitempty"`
	}
	levelJSON struct {
		Category string `json:"category"`
		Empty    bool   `json:"empty,omitempty"`
		Count    int    `json:"count"`
	}
	kTableJSON struct {
		Rows           []kRowJSON `json:"rows"`
		Suggested      int        `json:"suggested"`
		Restarts       int        `json:"restarts"` // per k`
		SilhouetteRows int        `json:"silhouette_rows"`
		Sampled        bool       `json:"sampled"`
		Stopped        string     `json:"stopped,omitempty"`
	}
	kRowJSON struct {
		K          int     `json:"k"`
		Inertia    float64 `json:"inertia"`
		Silhouette float64 `json:"silhouette"`
	}
	clusterOneJSON struct {
		Cluster    int            `json:"cluster"`
		Size       int            `json:"size"`
		Share      float64        `json:"share"`
		Name       string         `json:"name"`
		NameParts  []partJSON     `json:"name_parts"`
		Numbers    []numberJSON   `json:"numbers"`
		Categories []categoryJSON `json:"categories,omitempty"`
		Rule       ruleJSON       `json:"rule"`
	}
	partJSON struct {
		Attribute string  `json:"attribute"`
		Direction string  `json:"direction"`
		Category  string  `json:"category,omitempty"`
		Empty     bool    `json:"empty,omitempty"`
		StdDiff   float64 `json:"std_diff"`
	}
	numberJSON struct {
		Attribute     string   `json:"attribute"`
		Count         int      `json:"count"`
		Missing       int      `json:"missing"`
		Mean          float64  `json:"mean"`
		Median        float64  `json:"median"`
		OverallMean   float64  `json:"overall_mean"`
		OverallMedian float64  `json:"overall_median"`
		OverallSD     float64  `json:"overall_sd"`
		Index         *float64 `json:"index,omitempty"`
		StdDiff       float64  `json:"std_diff"`
	}
	categoryJSON struct {
		Attribute    string  `json:"attribute"`
		Category     string  `json:"category"`
		Empty        bool    `json:"empty,omitempty"`
		Count        int     `json:"count"`
		Share        float64 `json:"share"`
		OverallShare float64 `json:"overall_share"`
		StdDiff      float64 `json:"std_diff"`
	}
	ruleJSON struct {
		Text      string  `json:"text"` // "" when no rule describes the cluster
		Everyone  bool    `json:"everyone,omitempty"`
		Selected  int     `json:"selected"`
		Hits      int     `json:"hits"`
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		Coverage  float64 `json:"coverage"`
	}
	rulesJSON struct {
		Depth    int     `json:"depth"`
		Leaves   int     `json:"leaves"`
		Accuracy float64 `json:"accuracy"`
		MinLeaf  int     `json:"min_leaf"`
	}
	savedJSON struct {
		Name    string `json:"name"`
		Version int    `json:"version,omitempty"`
		Size    int    `json:"size,omitempty"`
		Skipped string `json:"skipped,omitempty"`
	}
	archetypesJSON struct {
		Agreement  float64         `json:"agreement"`
		Archetypes []archetypeJSON `json:"archetypes"`
		Columns    []string        `json:"columns"`
		Counts     [][]int         `json:"counts"` // per cluster, per column
	}
	archetypeJSON struct {
		Key      string `json:"key"`
		Segment  string `json:"segment"`
		Rule     string `json:"rule"`
		Saved    bool   `json:"saved"`
		Matching int    `json:"matching"`
	}
)

func fptr(x float64) *float64 { return &x }

func (o *clusterOutput) json() clusterJSON {
	c := o.c
	out := clusterJSON{Database: o.db, Customers: c.Matrix.N, LeftOut: c.Matrix.LeftOut, Seed: c.Request.Seed,
		Restarts: c.Request.Restarts, K: c.K, Inertia: c.Result.Inertia, AssignedTo: o.assignedTo, Assigned: o.assigned,
		Notes: map[string]string{"scaling": cluster.NoteScaling, "categorical": cluster.NoteCategorical, "index": cluster.NoteIndex}}
	if c.Request.LeaveOut {
		out.Notes["missing"] = cluster.NoteLeftOut
	} else {
		out.Notes["missing"] = cluster.NoteImputed
	}
	for _, f := range c.Features() {
		fj := featureJSON{Name: f.Name, Kind: f.Kind.String(), Categorical: f.Categorical, Log: f.Log, Missing: f.Missing, Imputed: f.Imputed}
		if f.Categorical {
			fj.Weight = fptr(f.Weight)
			for _, l := range f.Levels {
				fj.Levels = append(fj.Levels, levelJSON{Category: l.Text, Empty: l.Code < 0, Count: l.Count})
			}
		} else {
			fj.Median, fj.Skewness, fj.Center, fj.Scale = fptr(f.Median), fptr(f.Skewness), fptr(f.Center), fptr(f.Scale)
			fj.SuggestLog = f.SuggestLog
		}
		out.Features = append(out.Features, fj)
	}
	if t := c.Table; t != nil {
		kt := &kTableJSON{Suggested: t.Suggested, Restarts: c.TableRestarts, SilhouetteRows: t.SilhouetteRows, Sampled: t.Sampled}
		for _, r := range t.Rows {
			kt.Rows = append(kt.Rows, kRowJSON{K: r.K, Inertia: r.Inertia, Silhouette: r.Silhouette})
		}
		if t.Stopped != nil {
			kt.Stopped = t.Stopped.Error()
		}
		out.KTable = kt
	}
	if v, ok := c.Silhouette(); ok {
		out.Silhouette = fptr(v)
	}
	if mb := c.Result.MiniBatch; mb != nil {
		out.MiniBatchGap = fptr(mb.Gap)
	}
	for j, p := range c.Profiles.Clusters {
		cj := clusterOneJSON{Cluster: j + 1, Size: p.Size, Share: p.Share, Name: p.English, NameParts: []partJSON{}}
		for _, np := range p.Name {
			cj.NameParts = append(cj.NameParts, partJSON{Attribute: np.Attribute, Direction: string(np.Direction), Category: np.Category,
				Empty: np.Empty, StdDiff: np.StdDiff})
		}
		for _, n := range p.Numbers {
			nj := numberJSON{Attribute: n.Attribute, Count: n.Count, Missing: n.Missing, Mean: n.Mean, Median: n.Median,
				OverallMean: n.OverallMean, OverallMedian: n.OverallMedian, OverallSD: n.OverallSD, StdDiff: n.StdDiff}
			if n.HasIndex {
				nj.Index = fptr(n.Index)
			}
			cj.Numbers = append(cj.Numbers, nj)
		}
		for _, cp := range p.Categories {
			cj.Categories = append(cj.Categories, categoryJSON{Attribute: cp.Attribute, Category: cp.Category, Empty: cp.Empty,
				Count: cp.Count, Share: cp.Share, OverallShare: cp.OverallShare, StdDiff: cp.StdDiff})
		}
		r := c.Rules.Rules[j]
		cj.Rule = ruleJSON{Text: r.Text, Everyone: r.Everyone, Selected: r.Selected, Hits: r.Hits, Precision: r.Precision,
			Recall: r.Recall, Coverage: r.Coverage}
		out.Clusters = append(out.Clusters, cj)
	}
	rs := c.Rules
	out.Rules = rulesJSON{Depth: rs.Depth, Leaves: rs.Leaves, Accuracy: rs.Accuracy, MinLeaf: rs.MinLeaf}
	for _, sr := range append(append([]app.SavedClusterRule{}, o.savedRules...), o.savedArch...) {
		out.Saved = append(out.Saved, savedJSON{Name: sr.Name, Version: sr.Version.Version, Size: sr.Version.Size, Skipped: sr.Skipped})
	}
	if a := o.arch; a != nil {
		aj := &archetypesJSON{Agreement: a.Agreement, Counts: a.Counts}
		for i, ar := range a.Archetypes {
			aj.Archetypes = append(aj.Archetypes, archetypeJSON{Key: ar.Key, Segment: ar.Segment, Rule: ar.Rule, Saved: a.Saved[i], Matching: a.Matching[i]})
		}
		for i := range len(a.Archetypes) + 1 {
			aj.Columns = append(aj.Columns, a.ArchetypeLabel(i))
		}
		out.Archetypes = aj
	}
	return out
}

package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/analysis/cluster"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// ClusterRequest says what to cluster and how (issue #17). The zero value
// of every field but Features is the default.
type ClusterRequest struct {
	Features []string // attributes (or role names) to cluster on
	Log      []string // of them, numbers clustered on log(1 + x)
	// LeaveOut leaves customers with a missing number out (label -1)
	// instead of giving them the column's median; either way they are
	// counted in the features' Missing and Imputed.
	LeaveOut bool
	K        int // clusters; 0: the k table's suggestion (best silhouette)
	// KMin and KMax bound the k table (default 2 and 10); NoTable skips
	// it (K must then be given).
	KMin, KMax int
	NoTable    bool
	// TableRestarts are the k table's restarts per k; 0: Restarts, but
	// BigTableRestarts above BigTable customers (the table is for
	// choosing; the chosen k always gets Restarts).
	TableRestarts int
	Seed          uint64
	Restarts      int // k-means++ restarts per k; default 10
	Depth         int // of the rules' decision tree; default 3
	// RuleAttributes are the attributes the rules may use (nil: the
	// features).
	RuleAttributes []string
}

// ClusterProgress reports a clustering job: its stage, the k being run and
// how many of all k-means restarts are done.
type ClusterProgress struct {
	Stage       string // one of the ClusterStage* constants
	K           int
	Done, Total int
}

// Stages of a clustering job, in order.
const (
	ClusterStagePrepare    = "prepare"
	ClusterStageKMeans     = cluster.StepKMeans
	ClusterStageSilhouette = cluster.StepSilhouette
	ClusterStageProfiles   = "profiles"
	ClusterStageRules      = "rules"
)

// Clustering is a clustering of the session's customers with everything
// that explains it. Labels has one entry per customer of the session's
// data: the cluster 0…K−1, or -1 for a customer left out.
type Clustering struct {
	Request  ClusterRequest // with the defaults filled in
	Matrix   *cluster.Matrix
	Table    *cluster.KTable // nil when NoTable
	K        int
	Result   *cluster.Result
	Labels   []int32
	Profiles *cluster.Profiles
	Rules    *cluster.RuleSet

	// TableRestarts is the restarts each k of the table ran: Restarts,
	// or BigTableRestarts above BigTable customers, the chosen k then
	// being run again with Restarts.
	TableRestarts int

	features   []model.Column // in Features' order
	ruleCols   []model.Column
	total      int // restarts of the job, for progress
	silhouette float64
	hasSil     bool
}

// Features are the clustered attributes as they entered the feature space
// (scaling, log, imputed and missing counts, categories and their weight).
func (c *Clustering) Features() []cluster.FeatureInfo { return c.Matrix.Features }

// ErrClusterRequest is wrapped by the request problems Cluster finds
// before any work (an unknown attribute, a k out of range);
// ErrUnknownAttribute, which also wraps it, by an attribute the data does
// not have.
var (
	ErrClusterRequest   = errors.New("cluster request")
	ErrUnknownAttribute = fmt.Errorf("%w: unknown attribute", ErrClusterRequest)
)

// Defaults of a ClusterRequest.
const (
	DefaultRestarts = 10
	DefaultKMin     = 2
	DefaultKMax     = 10
	// Above BigTable customers the k table runs BigTableRestarts restarts
	// per k: at a million customers 10 restarts for each of nine k took
	// 30–35 s on two cores, 3 restarts 12 s (the engine's
	// BenchmarkChooseK1M and BenchmarkChooseK1MThreeRestarts). Restarts
	// r = 0, 1, 2 are the same seeds either way, so the chosen k's full
	// run can only lower its inertia.
	BigTable         = 200_000
	BigTableRestarts = 3
)

func (r ClusterRequest) withDefaults() ClusterRequest {
	if r.Restarts == 0 {
		r.Restarts = DefaultRestarts
	}
	if r.KMin == 0 {
		r.KMin = DefaultKMin
	}
	if r.KMax == 0 {
		r.KMax = DefaultKMax
	}
	if r.Depth == 0 {
		r.Depth = 3
	}
	return r
}

// check refuses a request that cannot run, before any work.
func (r ClusterRequest) check() error {
	bad := func(format string, a ...any) error {
		return &requestError{say: model.Say(format, a...), err: ErrClusterRequest}
	}
	switch {
	case len(r.Features) == 0:
		return bad(msgClusterNoFeatures)
	case r.K != 0 && (r.K < 2 || r.K > cluster.MaxK):
		return bad(msgClusterK, r.K, cluster.MaxK)
	case r.NoTable && r.K == 0:
		return bad(msgClusterNoK)
	case r.Restarts < 1 || r.Restarts > 1000:
		return bad(msgClusterRestarts, r.Restarts)
	case r.TableRestarts < 0 || r.TableRestarts > 1000:
		return bad(msgClusterRestarts, r.TableRestarts)
	case r.KMin < 2 || r.KMax > cluster.MaxK || r.KMin > r.KMax:
		return bad(msgClusterRange, r.KMin, r.KMax, cluster.MaxK)
	case r.Depth < 1 || r.Depth > cluster.MaxTreeDepth:
		return bad(msgClusterDepth, r.Depth, cluster.MaxTreeDepth)
	}
	return nil
}

// columns resolves attribute names (or role names) on the session's data,
// each once.
func (s *Session) columns(names []string) ([]model.Column, error) {
	var out []model.Column
	seen := map[model.Column]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		c := s.Data.Attribute(n)
		if c == nil {
			return nil, &requestError{say: unknownAttribute(s.Data, n), err: ErrUnknownAttribute}
		}
		if t, ok := c.(*model.TextColumn); ok && t.Nulls.Count() == t.Len() {
			// a column with no value at all loads as text: say what it is
			return nil, &cluster.Error{Problem: cluster.ProblemAllMissing, Attribute: t.Name}
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out, nil
}

// Cluster clusters the session's customers: it prepares the features, runs
// the k table (k-means at every k of the range with its silhouette) unless
// NoTable, k-means at the chosen k (the table's own run when k is in it),
// and explains the clusters with profiles and rules. progress (may be nil)
// is called from this goroutine; cancelling ctx stops the work with
// ctx's error.
func (s *Session) Cluster(ctx context.Context, r ClusterRequest, progress func(ClusterProgress)) (*Clustering, error) {
	r = r.withDefaults()
	if err := r.check(); err != nil {
		return nil, err
	}
	report := func(p ClusterProgress) {
		if progress != nil {
			progress(p)
		}
	}
	report(ClusterProgress{Stage: ClusterStagePrepare})
	feats, err := s.columns(r.Features)
	if err != nil {
		return nil, err
	}
	logs, err := s.columns(r.Log)
	if err != nil {
		return nil, err
	}
	isLog := map[model.Column]bool{}
	for _, c := range logs {
		isLog[c] = true
	}
	var in []cluster.Feature
	for _, c := range feats {
		in = append(in, cluster.Feature{Column: c, Log: isLog[c]})
	}
	for _, c := range logs {
		if !containsColumn(feats, c) {
			return nil, &requestError{say: model.Say(msgClusterLogNotFeature, c.Meta().Name), err: ErrClusterRequest}
		}
	}
	opt := cluster.PrepareOptions{}
	if r.LeaveOut {
		opt.Missing = cluster.LeaveOut
	}
	m, err := cluster.Prepare(in, opt)
	if err != nil {
		return nil, err
	}
	ruleCols := feats
	if r.RuleAttributes != nil {
		if ruleCols, err = s.columns(r.RuleAttributes); err != nil {
			return nil, err
		}
	}
	c := &Clustering{Request: r, Matrix: m, features: feats, ruleCols: ruleCols}
	if err := c.run(ctx, report); err != nil {
		return nil, err
	}
	return c, nil
}

func containsColumn(list []model.Column, c model.Column) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

// run computes the table and the clustering at the chosen k.
func (c *Clustering) run(ctx context.Context, report func(ClusterProgress)) error {
	r := c.Request
	c.TableRestarts = r.TableRestarts
	if c.TableRestarts == 0 {
		c.TableRestarts = r.Restarts
		if c.Matrix.N > BigTable {
			c.TableRestarts = min(r.Restarts, BigTableRestarts)
		}
	}
	c.TableRestarts = min(c.TableRestarts, r.Restarts)
	tableKs := 0
	if !r.NoTable {
		tableKs = max(0, min(r.KMax, c.Matrix.N-1)-r.KMin+1)
	}
	outside := r.K != 0 && (r.NoTable || r.K < r.KMin || r.K > min(r.KMax, c.Matrix.N-1))
	// progress counts restarts over the whole job: the table's, and the
	// chosen k's own run when it is outside the table or the table ran
	// fewer restarts
	total := tableKs * c.TableRestarts
	if outside || c.TableRestarts < r.Restarts {
		total += r.Restarts
	}
	total = max(total, 1)
	done := 0
	kmeans := func(k int) (*cluster.Result, error) {
		o := cluster.Options{NInit: r.Restarts, Seed: r.Seed, Progress: func(p cluster.Progress) {
			report(ClusterProgress{Stage: ClusterStageKMeans, K: k, Done: done + p.Done, Total: total})
		}}
		res, err := cluster.KMeans(ctx, c.Matrix, k, o)
		done += r.Restarts
		return res, err
	}
	if outside {
		// k asked outside the table: run it first, so that a k the data
		// cannot take is said before the table's minutes
		res, err := kmeans(r.K)
		if err != nil {
			return err
		}
		c.K, c.Result = r.K, res
	}
	if !r.NoTable {
		start := done
		o := cluster.Options{NInit: c.TableRestarts, Seed: r.Seed, Progress: func(p cluster.Progress) {
			report(ClusterProgress{Stage: p.Step, K: p.K, Done: start + p.Done, Total: total})
		}}
		tab, err := cluster.ChooseK(ctx, c.Matrix, cluster.ChooseOptions{KMeans: o, KMin: r.KMin, KMax: r.KMax,
			Silhouette: cluster.SilhouetteOptions{Seed: r.Seed}})
		if err != nil {
			return err
		}
		c.Table = tab
		done = start + tableKs*c.TableRestarts
	}
	if c.Result == nil {
		k := r.K
		if k == 0 {
			k = c.Table.Suggested
		}
		row, ok := tableRow(c.Table, k)
		if ok && c.TableRestarts == r.Restarts {
			c.K, c.Result, c.silhouette, c.hasSil = k, row.Result, row.Silhouette, true
		} else {
			// the table ran fewer restarts, or stopped before k (fewer
			// customers, or fewer distinct ones: k-means says which)
			res, err := kmeans(k)
			if err != nil {
				return err
			}
			c.K, c.Result = k, res
		}
	}
	c.total = total
	return c.explain(ctx, report)
}

// explain computes the silhouette (when the table has none for this
// result), the profiles and the rules of the current result.
func (c *Clustering) explain(ctx context.Context, report func(ClusterProgress)) error {
	c.Labels = c.Matrix.DatasetLabels(c.Result.Labels)
	if !c.hasSil && c.Table != nil && c.K < c.Matrix.N {
		report(ClusterProgress{Stage: ClusterStageSilhouette, K: c.K, Done: c.total, Total: c.total})
		sil, err := cluster.Silhouette(ctx, c.Matrix.X, c.Matrix.D, c.Result.Labels, cluster.SilhouetteOptions{Seed: c.Request.Seed})
		if err != nil {
			return err
		}
		c.silhouette, c.hasSil = sil.Score, true
	}
	report(ClusterProgress{Stage: ClusterStageProfiles, K: c.K, Done: c.total, Total: c.total})
	prof, err := cluster.Profile(c.features, c.Labels, c.K)
	if err != nil {
		return err
	}
	report(ClusterProgress{Stage: ClusterStageRules, K: c.K, Done: c.total, Total: c.total})
	rules, err := cluster.Rules(ctx, c.ruleCols, c.Labels, c.K, cluster.TreeOptions{MaxDepth: c.Request.Depth})
	if err != nil {
		return err
	}
	c.Profiles, c.Rules = prof, rules
	return nil
}

// At returns the clustering at another k: the table's own run when k is in
// it and the table ran every restart (no k-means again), else k-means at
// k; the silhouette, profiles and rules follow. c itself is not changed.
func (c *Clustering) At(ctx context.Context, k int, progress func(ClusterProgress)) (*Clustering, error) {
	if k < 2 || k > cluster.MaxK {
		return nil, &requestError{say: model.Say(msgClusterK, k, cluster.MaxK), err: ErrClusterRequest}
	}
	report := func(p ClusterProgress) {
		if progress != nil {
			progress(p)
		}
	}
	out := *c
	out.Request.K = k
	out.total, out.hasSil = 1, false
	if row, ok := tableRow(c.Table, k); ok && c.TableRestarts == c.Request.Restarts {
		out.K, out.Result, out.silhouette, out.hasSil = k, row.Result, row.Silhouette, true
	} else {
		n := c.Request.Restarts
		out.total = n
		o := cluster.Options{NInit: n, Seed: c.Request.Seed, Progress: func(p cluster.Progress) {
			report(ClusterProgress{Stage: ClusterStageKMeans, K: k, Done: p.Done, Total: n})
		}}
		res, err := cluster.KMeans(ctx, c.Matrix, k, o)
		if err != nil {
			return nil, err
		}
		out.K, out.Result = k, res
	}
	if err := out.explain(ctx, report); err != nil {
		return nil, err
	}
	return &out, nil
}

// Silhouette is the silhouette of the chosen clustering (from the table,
// or measured on the same rows the table's were), and false without a
// table.
func (c *Clustering) Silhouette() (float64, bool) { return c.silhouette, c.hasSil }

// requestError is a request problem whose message is said alone (the
// sentinel it wraps is for errors.Is; the sentence, for the faces to say
// it in the user's language).
type requestError struct {
	say model.Sentence
	err error
}

func (e *requestError) Error() string   { return e.say.String() }
func (e *requestError) Unwrap() []error { return []error{e.err, e.say} }

// tableRow is the row of the table for k (false when there is none).
func tableRow(t *cluster.KTable, k int) (cluster.KRow, bool) {
	if t == nil {
		return cluster.KRow{}, false
	}
	for _, row := range t.Rows {
		if row.K == k {
			return row, true
		}
	}
	return cluster.KRow{}, false
}

// unknownAttribute says that name is no attribute, with the closest ones.
func unknownAttribute(ds *model.Dataset, name string) model.Sentence {
	if near := segment.Closest(name, ds.Names(), 3); len(near) > 0 {
		return model.Say(msgClusterUnknownNear, name, strings.Join(near, ", "))
	}
	return model.Say(msgClusterUnknown, name)
}

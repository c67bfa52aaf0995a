package cluster

import (
	"context"
	"fmt"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// Rule describes one cluster as a segment rule, measured on the data by
// evaluating the rule itself (not the tree).
type Rule struct {
	Cluster int
	// Node is the rule (an Or of the tree's leaves for the cluster, with
	// shared conditions factored out); nil when Everyone, or when no leaf
	// predicts the cluster (then Leaves is 0 and nothing is selected).
	Node     segment.Node
	Text     string // segment.Print(Node)
	Everyone bool   // the tree could not split: the rule selects everyone
	Leaves   int
	Size     int // customers of the cluster
	// Selected counts the customers the rule selects among all rows,
	// SelectedClustered those of them that were clustered, Hits those of
	// them in the cluster.
	Selected, SelectedClustered, Hits int
	Precision                         float64 // Hits / SelectedClustered (0 when nothing is selected)
	Recall                            float64 // Hits / Size
	Coverage                          float64 // Selected / all rows: the share of customers the segment holds
}

// RuleSet is the rules of every cluster from one tree.
type RuleSet struct {
	Rules    []Rule
	Depth    int     // of the tree after merging leaves that agree
	Leaves   int     // leaves after merging
	Accuracy float64 // share of customers clustered whose rule is their cluster's
	MaxDepth int
	MinLeaf  int
}

// Rules learns a shallow CART tree predicting each customer's cluster from
// the original values of columns (numbers, dates, categories; the clustering
// features or any others) and writes its leaves as one rule per cluster in
// the segment language. labels holds each row's cluster 0…k−1, or -1 for a
// customer not clustered (not learned from, but counted in Selected).
func Rules(ctx context.Context, columns []model.Column, labels []int32, k int, opt TreeOptions) (*RuleSet, error) {
	if len(columns) == 0 {
		return nil, problem(ProblemNoFeatures, "", 0, 0)
	}
	if len(columns) > MaxFeatures {
		return nil, problem(ProblemTooManyFeatures, "", len(columns), MaxFeatures)
	}
	if k < 1 || k > MaxK {
		return nil, problem(ProblemKOutOfRange, "", k, MaxK)
	}
	if opt.MaxDepth == 0 {
		opt.MaxDepth = 3
	}
	if opt.MaxDepth < 1 || opt.MaxDepth > MaxTreeDepth {
		return nil, problem(ProblemBadOption, "MaxDepth", opt.MaxDepth, MaxTreeDepth)
	}
	if opt.MinLeaf < 0 {
		return nil, problem(ProblemBadOption, "MinLeaf", opt.MinLeaf, 0)
	}
	sizes := make([]int, k)
	clustered := 0
	for _, a := range labels {
		if a >= int32(k) {
			return nil, problem(ProblemBadLabels, "", int(a), k-1)
		}
		if a >= 0 {
			sizes[a]++
			clustered++
		}
	}
	if clustered == 0 {
		return nil, problem(ProblemTooFewRows, "", 0, 1)
	}
	if opt.MinLeaf == 0 {
		opt.MinLeaf = max(1, (clustered+99)/100)
	}
	feats := make([]*treeFeature, len(columns))
	errs := make([]error, len(columns))
	for _, c := range columns {
		if c.Len() != len(labels) {
			return nil, problem(ProblemLengthMismatch, c.Meta().Name, c.Len(), len(labels))
		}
	}
	forEach(len(columns), func(f int) { feats[f], errs[f] = newTreeFeature(columns[f], labels) })
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	t, err := grow(ctx, feats, labels, k, opt.MaxDepth, opt.MinLeaf)
	if err != nil {
		return nil, err
	}
	t.prune(0)
	rs := &RuleSet{MaxDepth: opt.MaxDepth, MinLeaf: opt.MinLeaf}
	paths := make([][][]segment.Node, k) // per cluster, per leaf, the conditions
	var walk func(id int, c *constraints)
	walk = func(id int, c *constraints) {
		nd := &t.nodes[id]
		rs.Depth = max(rs.Depth, nd.depth)
		if nd.split == nil {
			rs.Leaves++
			paths[nd.pred] = append(paths[nd.pred], c.conditions())
			return
		}
		left, right := c.branch(nd.split)
		walk(nd.left, left)
		walk(nd.right, right)
	}
	walk(0, newConstraints(feats))
	ev := newEvaluator(columns)
	hits := 0
	for j := 0; j < k; j++ {
		r := Rule{Cluster: j, Size: sizes[j], Leaves: len(paths[j])}
		if len(paths[j]) == 1 && len(paths[j][0]) == 0 {
			r.Everyone = true
		} else if len(paths[j]) > 0 {
			r.Node = orOfPaths(paths[j])
			r.Text = segment.Print(r.Node)
		}
		if r.Leaves > 0 {
			sel, err := ev.eval(r.Node)
			if err != nil {
				return nil, fmt.Errorf("rule of cluster %d: %w", j, err)
			}
			r.measure(sel, labels)
			hits += r.Hits
		}
		rs.Rules = append(rs.Rules, r)
	}
	rs.Accuracy = float64(hits) / float64(clustered)
	return rs, nil
}

// measure counts what a rule's rows are.
func (r *Rule) measure(sel model.Bitset, labels []int32) {
	sel.ForEach(func(i int) {
		r.Selected++
		if labels[i] >= 0 {
			r.SelectedClustered++
			if int(labels[i]) == r.Cluster {
				r.Hits++
			}
		}
	})
	if r.SelectedClustered > 0 {
		r.Precision = float64(r.Hits) / float64(r.SelectedClustered)
	}
	if r.Size > 0 {
		r.Recall = float64(r.Hits) / float64(r.Size)
	}
	if n := len(labels); n > 0 {
		r.Coverage = float64(r.Selected) / float64(n)
	}
}

// orOfPaths joins a cluster's leaves: conditions every leaf shares come
// first, then the Or of what remains of each leaf.
func orOfPaths(paths [][]segment.Node) segment.Node {
	var common []segment.Node
	for _, c := range paths[0] {
		inAll := true
		for _, p := range paths[1:] {
			if !containsNode(p, c) {
				inAll = false
				break
			}
		}
		if inAll {
			common = append(common, c)
		}
	}
	var alts []segment.Node
	for _, p := range paths {
		var rest []segment.Node
		for _, c := range p {
			if !containsNode(common, c) {
				rest = append(rest, c)
			}
		}
		if len(rest) == 0 {
			return segment.Join(common) // one leaf needs nothing more: the Or is true
		}
		alts = append(alts, segment.Join(rest))
	}
	if len(alts) == 1 {
		return and(common, alts[0])
	}
	return and(common, &segment.Or{Terms: alts})
}

// and joins terms and one more node, flattening an And so that the printed
// rule needs no parentheses it does not mean.
func and(terms []segment.Node, n segment.Node) segment.Node {
	if a, ok := n.(*segment.And); ok {
		return segment.Join(append(append([]segment.Node(nil), terms...), a.Terms...))
	}
	return segment.Join(append(append([]segment.Node(nil), terms...), n))
}

func containsNode(list []segment.Node, n segment.Node) bool {
	for _, x := range list {
		if segment.Equal(x, n) {
			return true
		}
	}
	return false
}

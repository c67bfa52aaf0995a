package cluster

import (
	"context"
	"fmt"
)

// TreeOptions are the choices of Rules; the zero value is the default.
type TreeOptions struct {
	MaxDepth int // default 3; at most 6, so that rules stay readable
	// MinLeaf is the fewest customers in a leaf; default 1% of the
	// customers clustered (at least 1).
	MinLeaf int
}

// MaxTreeDepth bounds TreeOptions.MaxDepth.
const MaxTreeDepth = 6

// tnode is a node of the tree.
type tnode struct {
	depth       int
	n           int
	counts      []int // customers of each cluster
	pred        int32 // the cluster it predicts (the most frequent; ties to the lower)
	split       *tsplit
	left, right int
}

// tsplit is a node's question. Numbers: left when value <= lo (the node's
// values leave a gap [lo, hi)), NULLs left when nullLeft, and on neither
// side when nullNone (the node has none, so its rules need not mention
// them); or, nullOnly, NULLs left and every value right. Categories: left
// when inLeft[level], right when inRight (an empty level absent from the
// node is on neither side, other absent categories go right).
type tsplit struct {
	f        int
	lo, hi   float64
	nullLeft bool
	nullNone bool
	nullOnly bool
	inLeft   []bool
	inRight  []bool
	score    float64 // Σ_left c²/n_left + Σ_right c²/n_right, larger is purer
}

// tree is a CART classification tree (Breiman et al. 1984) with the Gini
// impurity, grown a level at a time: one pass per feature and level over
// presorted values serves every node of the level (as SLIQ does).
type tree struct {
	feats   []*treeFeature
	labels  []int32
	k       int
	minLeaf int
	nodes   []tnode
}

// grow builds the tree to maxDepth.
func grow(ctx context.Context, feats []*treeFeature, labels []int32, k, maxDepth, minLeaf int) (*tree, error) {
	t := &tree{feats: feats, labels: labels, k: k, minLeaf: minLeaf}
	nodeOf := make([]int32, len(labels))
	root := tnode{counts: make([]int, k), left: -1, right: -1}
	for i, a := range labels {
		nodeOf[i] = -1
		if a >= 0 {
			nodeOf[i] = 0
			root.counts[a]++
			root.n++
		}
	}
	root.pred = argmax(root.counts)
	t.nodes = append(t.nodes, root)
	frontier := []int{0}
	for depth := 0; depth < maxDepth && len(frontier) > 0; depth++ {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("decision tree: %w", err)
		}
		var open []int
		for _, id := range frontier {
			if nd := &t.nodes[id]; nd.n >= 2*minLeaf && nd.counts[nd.pred] < nd.n {
				open = append(open, id)
			}
		}
		if len(open) == 0 {
			break
		}
		t.bestSplits(open, nodeOf)
		frontier = t.route(open, nodeOf)
	}
	return t, nil
}

// bestSplits finds each open node's best split over every feature; a split
// must lower the Gini impurity. Features are searched concurrently and the
// results merged in feature order, so ties go to the earlier feature.
func (t *tree) bestSplits(open []int, nodeOf []int32) {
	slotOf := make([]int32, len(t.nodes))
	for i := range slotOf {
		slotOf[i] = -1
	}
	for s, id := range open {
		slotOf[id] = int32(s)
	}
	per := make([][]*tsplit, len(t.feats))
	forEach(len(t.feats), func(f int) {
		if t.feats[f].cat {
			per[f] = t.categorySplits(f, open, slotOf, nodeOf)
		} else {
			per[f] = t.numberSplits(f, open, slotOf, nodeOf)
		}
	})
	for s, id := range open {
		nd := &t.nodes[id]
		parent := 0.0
		for _, c := range nd.counts {
			parent += float64(c) * float64(c)
		}
		parent /= float64(nd.n)
		var best *tsplit
		for f := range t.feats {
			if sp := per[f][s]; sp != nil && (best == nil || sp.score > best.score) {
				best = sp
			}
		}
		// the weighted Gini of the children is 1 − score/n, the parent's 1 − parent/n
		if best != nil && best.score > parent*(1+1e-12) {
			nd.split = best
		}
	}
}

// route sends the rows of split nodes to new children and returns them.
func (t *tree) route(open []int, nodeOf []int32) []int {
	child := make([][2]int32, len(t.nodes))
	var next []int
	for _, id := range open {
		if t.nodes[id].split == nil {
			child[id] = [2]int32{-1, -1}
			continue
		}
		d := t.nodes[id].depth + 1
		l, r := len(t.nodes), len(t.nodes)+1
		t.nodes = append(t.nodes, tnode{depth: d, counts: make([]int, t.k), left: -1, right: -1},
			tnode{depth: d, counts: make([]int, t.k), left: -1, right: -1})
		t.nodes[id].left, t.nodes[id].right = l, r
		child[id] = [2]int32{int32(l), int32(r)}
		next = append(next, l, r)
	}
	isOpen := make([]bool, len(child))
	for _, id := range open {
		isOpen[id] = true
	}
	for i, id := range nodeOf {
		if id < 0 || !isOpen[id] {
			nodeOf[i] = -1
			continue
		}
		sp := t.nodes[id].split
		if sp == nil {
			nodeOf[i] = -1
			continue
		}
		c := child[id][1]
		if t.goesLeft(sp, i) {
			c = child[id][0]
		}
		nodeOf[i] = c
		t.nodes[c].counts[t.labels[i]]++
		t.nodes[c].n++
	}
	for _, id := range next {
		t.nodes[id].pred = argmax(t.nodes[id].counts)
	}
	return next
}

// goesLeft answers a node's question for row i.
func (t *tree) goesLeft(sp *tsplit, i int) bool {
	f := t.feats[sp.f]
	if f.cat {
		return sp.inLeft[f.level[i]]
	}
	if f.nulls.Has(i) {
		return sp.nullLeft || sp.nullOnly
	}
	return !sp.nullOnly && f.vals[i] <= sp.lo
}

// argmax is the index of the largest count, the lower index on ties.
func argmax(c []int) int32 {
	best := 0
	for j, v := range c {
		if v > c[best] {
			best = j
		}
	}
	return int32(best)
}

// prune merges sibling leaves that predict the same cluster (the split
// lowered the impurity but changes no prediction), bottom-up.
func (t *tree) prune(id int) {
	nd := &t.nodes[id]
	if nd.split == nil {
		return
	}
	t.prune(nd.left)
	t.prune(nd.right)
	l, r := &t.nodes[nd.left], &t.nodes[nd.right]
	if l.split == nil && r.split == nil && l.pred == r.pred {
		nd.split, nd.left, nd.right = nil, -1, -1
		nd.pred = l.pred
	}
}

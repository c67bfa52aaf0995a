package cluster

import (
	"math"

	"github.com/pulpero/pulpero/model"
)

// NumberProfile compares one number attribute inside a cluster with everyone
// clustered. Statistics are of the non-null values, on the original scale.
type NumberProfile struct {
	Attribute     string
	Kind          model.Kind
	Count         int // non-null values in the cluster
	Missing       int // NULL values in the cluster
	Mean, Median  float64
	OverallMean   float64
	OverallMedian float64
	OverallSD     float64 // population standard deviation
	// Index = Mean / OverallMean × 100, given (HasIndex) only for attributes
	// that are never negative and have OverallMean > 0.
	Index    float64
	HasIndex bool
	// StdDiff = (Mean − OverallMean) / OverallSD: how many standard
	// deviations the cluster sits above everyone. Attributes are ranked by it.
	StdDiff float64
}

// CategoryProfile compares the share of one category inside a cluster with
// its share among everyone clustered.
type CategoryProfile struct {
	Attribute    string
	Category     string
	Empty        bool // the empty (NULL) category
	Count        int
	Share        float64
	OverallShare float64
	// StdDiff = (Share − OverallShare) / √(OverallShare(1 − OverallShare)),
	// the standardised difference of the category's indicator.
	StdDiff float64
}

// ClusterProfile describes one cluster.
type ClusterProfile struct {
	Cluster    int
	Size       int
	Share      float64 // Size / customers clustered
	Numbers    []NumberProfile
	Categories []CategoryProfile
	// Distinguishing lists every attribute (and category) by decreasing
	// |StdDiff|; Name keeps the first NameParts that stand out.
	Distinguishing []NamePart
	Name           []NamePart
	English        string // Name rendered in English: "high monetary, low frequency, online"
}

// Profiles describes every cluster against everyone clustered.
type Profiles struct {
	Rows     int // customers clustered (label >= 0)
	Clusters []ClusterProfile
}

// Profile describes clusters on the original values of columns (numbers and
// categories; text columns are an *Error). labels holds one cluster per row,
// 0…k−1, or -1 for a customer left out, who is left out here too.
func Profile(columns []model.Column, labels []int32, k int) (*Profiles, error) {
	if len(columns) == 0 {
		return nil, problem(ProblemNoFeatures, "", 0, 0)
	}
	if k < 1 || k > MaxK {
		return nil, problem(ProblemKOutOfRange, "", k, MaxK)
	}
	sizes := make([]int, k)
	rows := 0
	for _, a := range labels {
		if a >= int32(k) {
			return nil, problem(ProblemBadLabels, "", int(a), k-1)
		}
		if a >= 0 {
			sizes[a]++
			rows++
		}
	}
	if rows == 0 {
		return nil, problem(ProblemTooFewRows, "", 0, 1)
	}
	for _, c := range columns {
		if c.Len() != len(labels) {
			return nil, problem(ProblemLengthMismatch, c.Meta().Name, c.Len(), len(labels))
		}
		switch c.(type) {
		case *model.NumberColumn, *model.CodedColumn:
		default:
			return nil, problem(ProblemUnsupported, c.Meta().Name, 0, 0)
		}
	}
	p := &Profiles{Rows: rows, Clusters: make([]ClusterProfile, k)}
	for j := range p.Clusters {
		p.Clusters[j] = ClusterProfile{Cluster: j, Size: sizes[j], Share: float64(sizes[j]) / float64(rows)}
	}
	nums := make([][]NumberProfile, len(columns)) // per column, per cluster
	forEach(len(columns), func(f int) {
		if x, ok := columns[f].(*model.NumberColumn); ok {
			nums[f] = numberProfiles(x, labels, k)
		}
	})
	for f, c := range columns {
		switch x := c.(type) {
		case *model.NumberColumn:
			for j := range p.Clusters {
				p.Clusters[j].Numbers = append(p.Clusters[j].Numbers, nums[f][j])
			}
		case *model.CodedColumn:
			for j, cp := range categoryProfiles(x, labels, k, sizes, rows) {
				p.Clusters[j].Categories = append(p.Clusters[j].Categories, cp...)
			}
		}
	}
	for j := range p.Clusters {
		nameCluster(&p.Clusters[j], columns)
	}
	return p, nil
}

// numberProfiles computes one number column's statistics per cluster.
func numberProfiles(x *model.NumberColumn, labels []int32, k int) []NumberProfile {
	meta := x.Meta()
	out := make([]NumberProfile, k)
	sums := make([]float64, k)
	count := make([]int, k)
	var all []float64
	neg := false
	for i, a := range labels {
		if a < 0 {
			continue
		}
		if x.Nulls.Has(i) {
			out[a].Missing++
			continue
		}
		v := x.Values[i]
		sums[a] += v
		count[a]++
		all = append(all, v)
		neg = neg || v < 0
	}
	if len(all) == 0 {
		for j := range out {
			out[j].Attribute, out[j].Kind = meta.Name, meta.Kind
		}
		return out
	}
	mean, sd, _ := moments(all)
	// group the values by cluster for the medians
	start := make([]int, k+1)
	for j := 0; j < k; j++ {
		start[j+1] = start[j] + count[j]
	}
	pos := append([]int(nil), start[:k]...)
	for i, a := range labels {
		if a >= 0 && !x.Nulls.Has(i) {
			all[pos[a]] = x.Values[i]
			pos[a]++
		}
	}
	overallMedian := 0.0
	medians := make([]float64, k)
	for j := 0; j < k; j++ {
		if count[j] > 0 {
			medians[j] = median(all[start[j]:start[j+1]])
		}
	}
	overallMedian = median(all)
	for j := range out {
		np := NumberProfile{Attribute: meta.Name, Kind: meta.Kind, Count: count[j], Missing: out[j].Missing,
			OverallMean: mean, OverallMedian: overallMedian, OverallSD: sd}
		if count[j] > 0 {
			np.Mean = sums[j] / float64(count[j])
			np.Median = medians[j]
			if !isConstant(mean, sd) {
				np.StdDiff = (np.Mean - mean) / sd
			}
			if !neg && mean > 0 {
				np.Index, np.HasIndex = np.Mean/mean*100, true
			}
		}
		out[j] = np
	}
	return out
}

// categoryProfiles computes one categorical column's shares per cluster, for
// the categories present among the customers clustered (empty last).
func categoryProfiles(x *model.CodedColumn, labels []int32, k int, sizes []int, rows int) [][]CategoryProfile {
	L := len(x.Dict) + 1 // the last slot is the empty category
	cnt := make([]int, k*L)
	total := make([]int, L)
	for i, a := range labels {
		if a < 0 {
			continue
		}
		c := int(x.Codes[i])
		if c < 0 || c >= len(x.Dict) {
			c = L - 1
		}
		cnt[int(a)*L+c]++
		total[c]++
	}
	out := make([][]CategoryProfile, k)
	for c := 0; c < L; c++ {
		if total[c] == 0 {
			continue
		}
		p := float64(total[c]) / float64(rows)
		for j := 0; j < k; j++ {
			cp := CategoryProfile{Attribute: x.Meta().Name, Empty: c == L-1, Count: cnt[j*L+c], OverallShare: p}
			if !cp.Empty {
				cp.Category = x.Dict[c]
			}
			if sizes[j] > 0 {
				cp.Share = float64(cp.Count) / float64(sizes[j])
				if p < 1 {
					cp.StdDiff = (cp.Share - p) / math.Sqrt(p*(1-p))
				}
			}
			out[j] = append(out[j], cp)
		}
	}
	return out
}

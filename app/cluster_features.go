package app

import (
	"math"

	"github.com/pulpero/pulpero/analysis/cluster"
	"github.com/pulpero/pulpero/model"
)

// ClusterCandidate is one attribute of the session as a clustering
// feature: whether it can be one (and why not), and for numbers the
// skewness that makes log(1 + x) worth suggesting.
type ClusterCandidate struct {
	Name        string
	Kind        model.Kind
	Derived     bool
	Categorical bool
	Missing     int // customers without a value
	Levels      int // categories present (categoricals)
	// Skewness is g1 = m3 / m2^{3/2} of the non-missing values, the
	// engine's statistic; SuggestLog when it exceeds cluster.SkewSuggestLog
	// and no value is negative (LogPossible).
	Skewness    float64
	LogPossible bool
	SuggestLog  bool
	Usable      bool
	Why         string // a Why* key when not Usable
}

// ClusterCandidates lists every attribute of the session with what
// clustering would make of it, in the data's column order except that the
// reachability attributes come last: they say who can be contacted, not
// what the customer is like, and a list read from the top should reach the
// behaviour first whether it was read before them or after (LoadInStages).
func (s *Session) ClusterCandidates() []ClusterCandidate {
	out := make([]ClusterCandidate, 0, len(s.Data.Columns))
	var reach []ClusterCandidate
	for _, c := range s.Data.Columns {
		if isReachAttribute(c.Meta().Name) {
			reach = append(reach, candidate(c))
			continue
		}
		out = append(out, candidate(c))
	}
	return append(out, reach...)
}

func candidate(c model.Column) ClusterCandidate {
	meta := c.Meta()
	cd := ClusterCandidate{Name: meta.Name, Kind: meta.Kind, Derived: meta.Derived}
	switch x := c.(type) {
	case *model.TextColumn:
		cd.Why = WhyText
	case *model.CodedColumn:
		cd.Categorical = true
		seen := make([]bool, len(x.Dict)+1)
		for _, k := range x.Codes {
			if k < 0 || int(k) >= len(x.Dict) {
				cd.Missing++
				k = int32(len(x.Dict))
			}
			if !seen[k] {
				seen[k] = true
				cd.Levels++
			}
		}
		switch {
		case meta.Kind == model.KindIdentifier:
			cd.Why = WhyIdentifier
		case cd.Missing == x.Len():
			cd.Why = WhyAllMissing
		case cd.Levels > cluster.MaxLevels:
			cd.Why = WhyTooManyCats
		case cd.Levels < 2:
			cd.Why = WhyConstant
		}
	case *model.NumberColumn:
		numberCandidate(x, &cd)
	}
	cd.Usable = cd.Why == ""
	return cd
}

// numberCandidate fills a number's statistics and whether it can be used.
func numberCandidate(x *model.NumberColumn, cd *ClusterCandidate) {
	switch x.Kind {
	case model.KindIdentifier:
		cd.Why = WhyIdentifier
		return
	case model.KindDate, model.KindDateTime:
		cd.Why = WhyDate
		return
	}
	var n, sum float64
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, v := range x.Values {
		if x.Nulls.Has(i) || math.IsNaN(v) || math.IsInf(v, 0) {
			cd.Missing++
			continue
		}
		n++
		sum += v
		lo, hi = min(lo, v), max(hi, v)
	}
	if n == 0 {
		cd.Why = WhyAllMissing
		return
	}
	if lo == hi {
		cd.Why = WhyConstant
		return
	}
	mean := sum / n
	var m2, m3 float64
	for i, v := range x.Values {
		if x.Nulls.Has(i) || math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		d := v - mean
		m2 += d * d
		m3 += d * d * d
	}
	m2, m3 = m2/n, m3/n
	if m2 > 0 {
		cd.Skewness = m3 / math.Pow(m2, 1.5)
	}
	cd.LogPossible = lo >= 0
	cd.SuggestLog = cd.LogPossible && cd.Skewness > cluster.SkewSuggestLog
}

// DefaultClusterFeatures are the features a newcomer starts from: the
// behaviour measures recency, frequency and monetary when the purchases
// gave them, else none.
func (s *Session) DefaultClusterFeatures() []string {
	var out []string
	for _, name := range []string{"recency_days", "frequency", "monetary"} {
		if c := s.Data.Column(name); c != nil && candidate(c).Usable {
			out = append(out, c.Meta().Name)
		}
	}
	if len(out) < 3 {
		return nil
	}
	return out
}

package app

import (
	"context"
	"strings"

	"github.com/pulpero/pulpero/analysis/cluster"
)

// DefaultRulePrefix names the segments saved from a clustering's rules
// ("Cluster 1", "Cluster 2", ...) when no prefix is given.
const DefaultRulePrefix = "Cluster"

// SavedClusterRule is what became of one cluster's rule: saved as a
// segment version, or skipped (Skipped says why, in English).
type SavedClusterRule struct {
	Cluster int
	Name    string // the segment's name: PREFIX N
	Version SegmentVersion
	Skipped string
}

// RuleSegmentName is the name the rule of cluster j (0-based) is saved
// under: "PREFIX 1", "PREFIX 2", ..., so that saving a new clustering
// under the same prefix adds versions to the same segments.
func RuleSegmentName(prefix string, j int) string {
	prefix = strings.TrimSpace(prefix)
	if prefix == "" {
		prefix = DefaultRulePrefix
	}
	return prefix + " " + LabelText(j)
}

// SaveClusterRules saves each cluster's rule as an ordinary versioned
// segment (through p: a remote user's role and name; nil for a local
// user), so it can be edited, counted, exported and applied to prospects
// with `pulpero segment assign`. A cluster without a usable rule (no leaf,
// or a tree that could not split) is skipped and said so. It stops at the
// first failed save.
func (s *Session) SaveClusterRules(ctx context.Context, p *Policy, lib *Library, prefix string, c *Clustering) ([]SavedClusterRule, error) {
	var out []SavedClusterRule
	for _, r := range c.Rules.Rules {
		sr := SavedClusterRule{Cluster: r.Cluster, Name: RuleSegmentName(prefix, r.Cluster)}
		switch {
		case r.Everyone:
			sr.Skipped = msgRuleEveryone
		case r.Node == nil:
			sr.Skipped = msgRuleNone
		default:
			v, err := p.SaveSegment(ctx, s, lib, sr.Name, r.Node)
			if err != nil {
				return out, err
			}
			sr.Version = v
		}
		out = append(out, sr)
	}
	return out, nil
}

// RuleFaithful summarises how faithful readable rules are to the clusters:
// the share of clustered customers whose rule is their own cluster's
// (the tree's accuracy), and the lowest precision and recall of a rule.
type RuleFaithful struct {
	Accuracy, MinPrecision, MinRecall float64
}

// Faithful measures the rules of a rule set.
func Faithful(rs *cluster.RuleSet) RuleFaithful {
	f := RuleFaithful{Accuracy: rs.Accuracy, MinPrecision: 1, MinRecall: 1}
	for _, r := range rs.Rules {
		f.MinPrecision = min(f.MinPrecision, r.Precision)
		f.MinRecall = min(f.MinRecall, r.Recall)
	}
	return f
}

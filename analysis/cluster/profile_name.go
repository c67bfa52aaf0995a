package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// Naming rules.
const (
	NameParts     = 3   // at most this many parts in a name
	NameThreshold = 0.5 // |standardised difference| for a part to count
	NameMajority  = 0.5 // a category must also be this share of the cluster
)

// Direction is whether a cluster sits above or below everyone.
type Direction string

const (
	High Direction = "high"
	Low  Direction = "low"
)

// NamePart is one piece of a cluster's name, as data for screens to
// translate: an attribute that is high or low, or a category that is
// over-represented.
type NamePart struct {
	Attribute string
	Direction Direction
	Category  string // the category, for a categorical attribute
	Empty     bool   // the empty category
	Boolean   bool   // a yes/no attribute: Category is "yes" or "no"
	IsNumber  bool
	StdDiff   float64
}

// nameCluster ranks a cluster's attributes and picks its name.
func nameCluster(cp *ClusterProfile, columns []model.Column) {
	if cp.Size == 0 {
		return
	}
	boolean := map[string]bool{}
	for _, c := range columns {
		if c.Meta().Kind == model.KindBoolean {
			boolean[strings.ToLower(c.Meta().Name)] = true
		}
	}
	var parts []NamePart
	var shares []float64 // a category's share of the cluster
	for _, n := range cp.Numbers {
		dir := High
		if n.StdDiff < 0 {
			dir = Low
		}
		parts = append(parts, NamePart{Attribute: n.Attribute, Direction: dir, IsNumber: true, StdDiff: n.StdDiff})
		shares = append(shares, 0)
	}
	for _, c := range cp.Categories {
		dir := High
		if c.StdDiff < 0 {
			dir = Low
		}
		parts = append(parts, NamePart{Attribute: c.Attribute, Direction: dir, Category: c.Category, Empty: c.Empty,
			Boolean: boolean[strings.ToLower(c.Attribute)], StdDiff: c.StdDiff})
		shares = append(shares, c.Share)
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(math.Abs(parts[b].StdDiff), math.Abs(parts[a].StdDiff))
	})
	named := map[string]bool{}
	for _, i := range order {
		p := parts[i]
		cp.Distinguishing = append(cp.Distinguishing, p)
		if len(cp.Name) == NameParts || math.Abs(p.StdDiff) < NameThreshold || named[strings.ToLower(p.Attribute)] {
			continue
		}
		if !p.IsNumber && (p.Direction != High || shares[i] < NameMajority) {
			continue
		}
		named[strings.ToLower(p.Attribute)] = true
		cp.Name = append(cp.Name, p)
	}
	cp.English = English(cp.Name)
}

// English renders name parts: "high monetary, low frequency, online".
func English(parts []NamePart) string {
	if len(parts) == 0 {
		return WordTypical
	}
	words := make([]string, len(parts))
	for i, p := range parts {
		switch {
		case p.IsNumber:
			words[i] = string(p.Direction) + " " + p.Attribute
		case p.Empty:
			words[i] = p.Attribute + " " + WordEmpty
		case p.Boolean && strings.EqualFold(p.Category, "no"):
			words[i] = WordNo + " " + p.Attribute
		case p.Boolean:
			words[i] = p.Attribute
		default:
			words[i] = p.Category
		}
	}
	return strings.Join(words, NameJoin)
}

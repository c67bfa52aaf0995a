package clusters

import (
	"fmt"
	"math"
	"strings"

	"github.com/pulpero/pulpero/analysis/cluster"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

func (m *Model) profilesText() string {
	st := m.common.Styles
	c := m.result
	nameW := 0
	for _, f := range c.Features() {
		nameW = max(nameW, len([]rune(model.Printable(f.Name))))
	}
	out := []string{st.Title.Render(m.line(fmt.Sprintf(msgProfTitle, c.K))),
		st.Subtle.Render(m.line(fmt.Sprintf(msgProfCols, strings.Repeat(" ", nameW))))}
	for _, p := range c.Profiles.Clusters {
		out = append(out, st.Header.Render(m.line(fmt.Sprintf(msgProfHead, p.Cluster+1, common.Int(p.Size), common.Percent(p.Share), p.English))))
		for _, n := range p.Numbers {
			name := common.Pad(model.Printable(n.Attribute), nameW)
			out = append(out, m.line(fmt.Sprintf(msgProfNum, name, figure(n.Kind, n.Mean), figure(n.Kind, n.OverallMean),
				figure(n.Kind, n.Median), figure(n.Kind, n.OverallMedian))))
		}
		for _, cp := range p.Categories {
			if math.Abs(cp.StdDiff) < cluster.NameThreshold {
				continue
			}
			cat := cp.Category
			if cp.Empty {
				cat = cluster.WordEmpty
			}
			out = append(out, m.line(fmt.Sprintf(msgProfCat, cp.Attribute, cat, common.Percent(cp.Share), common.Percent(cp.OverallShare))))
		}
	}
	return strings.Join(out, "\n")
}

func (m *Model) rulesText() string {
	st := m.common.Styles
	c := m.result
	rs := c.Rules
	out := []string{st.Title.Render(m.line(fmt.Sprintf(msgRulesTitle, c.K, rs.Depth, common.Percent(rs.Accuracy))))}
	for _, r := range rs.Rules {
		out = append(out, st.Header.Render(m.line(fmt.Sprintf(msgRuleHead, r.Cluster+1, common.Percent(r.Precision), common.Percent(r.Recall), common.Percent(r.Coverage)))))
		text := r.Text
		switch {
		case r.Everyone:
			text = msgRuleAll
		case r.Node == nil:
			text = msgRuleNone
		}
		for _, l := range strings.Split(common.Wrap(model.Printable(text), max(10, m.width-4), ""), "\n") {
			out = append(out, m.line("   "+l))
		}
	}
	return strings.Join(out, "\n")
}

func (m *Model) archetypesText() string {
	st := m.common.Styles
	switch {
	case m.archErr != nil:
		return st.Warn.Render(common.Wrap(model.Printable(m.archErr.Error()), max(10, m.width), ""))
	case m.arch == nil:
		return st.Subtle.Render(msgArchPending)
	}
	a := m.arch
	out := []string{st.Title.Render(m.line(fmt.Sprintf(msgArchTitle, a.Agreement)))}
	for i, ar := range a.Archetypes {
		mark := ""
		if a.Saved[i] {
			mark = msgArchSaved
		}
		text := common.Wrap(model.Printable(fmt.Sprintf("%s%s: %s", ar.Segment, mark, ar.Rule)), max(10, m.width-3), "   ")
		for _, l := range strings.Split(text, "\n") {
			out = append(out, m.line(l))
		}
	}
	const cell = 9
	head := common.PadLeft(msgArchCluster, 4)
	for i := range len(a.Archetypes) + 1 {
		name := msgArchNone
		if i < len(a.Archetypes) {
			name = archShort[a.Archetypes[i].Key]
		}
		head += common.PadLeft(name, cell)
	}
	out = append(out, st.Header.Render(m.line(head)))
	for j, row := range a.Counts {
		line := common.PadLeft(fmt.Sprint(j+1), 4)
		for _, n := range row {
			line += common.PadLeft(common.Int(n), cell)
		}
		out = append(out, m.line(line))
	}
	return strings.Join(out, "\n")
}

// figure formats a mean or median: dates as dates, other numbers with the
// decimals their size deserves (a mean frequency of 2.4 is not 2).
func figure(k model.Kind, v float64) string {
	switch {
	case k == model.KindDate || k == model.KindDateTime || math.IsNaN(v):
		return common.Value(k, v)
	case math.Abs(v) >= 1000:
		return common.Int(int(math.Round(v)))
	case math.Abs(v) >= 100:
		return fmt.Sprintf("%.0f", v)
	case math.Abs(v) >= 10:
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

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
	out := []string{st.Title.Render(m.line(m.common.T(msgProfTitle, c.K))),
		st.Subtle.Render(m.line(m.common.T(msgProfCols, strings.Repeat(" ", nameW))))}
	for _, p := range c.Profiles.Clusters {
		out = append(out, st.Header.Render(m.line(m.common.T(msgProfHead, p.Cluster+1, m.common.Int(p.Size), m.common.Percent(p.Share), m.clusterName(p.Name)))))
		for _, n := range p.Numbers {
			name := common.Pad(model.Printable(n.Attribute), nameW)
			out = append(out, m.line(fmt.Sprintf(msgProfNum, name, m.figure(n.Kind, n.Mean), m.figure(n.Kind, n.OverallMean),
				m.figure(n.Kind, n.Median), m.figure(n.Kind, n.OverallMedian))))
		}
		for _, cp := range p.Categories {
			if math.Abs(cp.StdDiff) < cluster.NameThreshold {
				continue
			}
			cat := cp.Category
			if cp.Empty {
				cat = m.common.T(cluster.WordEmpty)
			}
			out = append(out, m.line(fmt.Sprintf(msgProfCat, cp.Attribute, cat, m.common.Percent(cp.Share), m.common.Percent(cp.OverallShare))))
		}
	}
	return strings.Join(out, "\n")
}

func (m *Model) rulesText() string {
	st := m.common.Styles
	c := m.result
	rs := c.Rules
	out := []string{st.Title.Render(m.line(m.common.T(msgRulesTitle, c.K, rs.Depth, m.common.Percent(rs.Accuracy))))}
	for _, r := range rs.Rules {
		out = append(out, st.Header.Render(m.line(m.common.T(msgRuleHead, r.Cluster+1, m.common.Percent(r.Precision), m.common.Percent(r.Recall), m.common.Percent(r.Coverage)))))
		text := m.ruleText(r.Node, r.Text)
		switch {
		case r.Everyone:
			text = m.common.T(msgRuleAll)
		case r.Node == nil:
			text = m.common.T(msgRuleNone)
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
		return st.Warn.Render(common.Wrap(model.Printable(m.common.Locale.Error(m.archErr)), max(10, m.width), ""))
	case m.arch == nil:
		return st.Subtle.Render(m.line(m.common.T(msgArchPending)))
	}
	a := m.arch
	out := []string{st.Title.Render(m.line(m.common.T(msgArchTitle, a.Agreement)))}
	for i, ar := range a.Archetypes {
		mark := ""
		if a.Saved[i] {
			mark = m.common.T(msgArchSaved)
		}
		// the archetype's name in the user's language (the saved
		// segment keeps its canonical name)
		text := common.Wrap(model.Printable(fmt.Sprintf("%s%s: %s", m.common.T(ar.Segment), mark, m.common.RuleText(ar.Rule))), max(10, m.width-3), "   ")
		for _, l := range strings.Split(text, "\n") {
			out = append(out, m.line(l))
		}
		// what the archetype looks for, in words (app's Archetype.Why)
		why := common.Wrap("· "+m.common.T(ar.Why), max(10, m.width-5), "  ")
		for _, l := range strings.Split(why, "\n") {
			out = append(out, st.Subtle.Render(m.line("   "+l)))
		}
	}
	const cell = 9
	head := common.PadLeft(m.common.T(msgArchCluster), 4)
	for i := range len(a.Archetypes) + 1 {
		name := m.common.T(msgArchNone)
		if i < len(a.Archetypes) {
			name = m.common.T(archShort[a.Archetypes[i].Key])
		}
		head += common.PadLeft(name, cell)
	}
	out = append(out, st.Header.Render(m.line(head)))
	for j, row := range a.Counts {
		line := common.PadLeft(fmt.Sprint(j+1), 4)
		for _, n := range row {
			line += common.PadLeft(m.common.Int(n), cell)
		}
		out = append(out, m.line(line))
	}
	return strings.Join(out, "\n")
}

// figure formats a mean or median: dates as dates, other numbers with the
// decimals their size deserves (a mean frequency of 2.4 is not 2), in the
// user's number format.
func (m *Model) figure(k model.Kind, v float64) string {
	switch {
	case k == model.KindDate || k == model.KindDateTime || math.IsNaN(v):
		return m.common.Value(k, v)
	case math.Abs(v) >= 1000:
		return m.common.Int(int(math.Round(v)))
	case math.Abs(v) >= 100:
		return m.number(v, 0)
	case math.Abs(v) >= 10:
		return m.number(v, 1)
	}
	return m.number(v, 2)
}

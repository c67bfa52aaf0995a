package campaign

import (
	"github.com/pulpero/pulpero/model/campaign"

	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// reachView is the Reachability view: of the customers the setup matches
// (everyone when no segment is included), the share reachable on each
// channel, digitally valid, and reachable only through a relative, by the
// values of an attribute (generation first).
type reachView struct {
	keys   struct{ Next key.Binding }
	by     int // index into attributes()
	seq    int
	groups []analysis.GroupReach
	attr   string
}

type reachMsg struct {
	seq    int
	attr   string
	groups []analysis.GroupReach
}

// attributes are the categorical attributes worth breaking reach down by:
// generation first, then the others with 2 to 24 values.
func attributes(ds *model.Dataset) []*model.CodedColumn {
	var out []*model.CodedColumn
	for _, c := range ds.Columns {
		cc, ok := c.(*model.CodedColumn)
		if !ok || len(cc.Dict) < 2 || len(cc.Dict) > 24 || strings.HasPrefix(cc.Name, "reachable_") {
			continue
		}
		if cc.Name == "generation" {
			out = append([]*model.CodedColumn{cc}, out...)
		} else {
			out = append(out, cc)
		}
	}
	return out
}

func (v *reachView) init() {
	v.keys.Next = key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "next attribute"))
}

func (v *reachView) key(k tea.KeyPressMsg, ds *model.Dataset, reach *analysis.Reach, subset model.Bitset) tea.Cmd {
	if key.Matches(k, v.keys.Next) {
		v.by++
		return v.compute(ds, reach, subset)
	}
	return nil
}

// compute breaks reach down in a Cmd: a few scans of the attribute per group.
func (v *reachView) compute(ds *model.Dataset, reach *analysis.Reach, subset model.Bitset) tea.Cmd {
	attrs := attributes(ds)
	if len(attrs) == 0 || reach == nil {
		return nil
	}
	v.seq++
	seq, c := v.seq, attrs[v.by%len(attrs)]
	return func() tea.Msg { return reachMsg{seq: seq, attr: c.Name, groups: reach.ByGroup(c, subset)} }
}

func (v *reachView) got(msg reachMsg) {
	if msg.seq == v.seq {
		v.groups, v.attr = msg.groups, msg.attr
	}
}

func (v *reachView) view(st *common.Styles, width int, matching string) string {
	if v.groups == nil {
		return st.Subtle.Render("  counting…")
	}
	var b strings.Builder
	title := "Who can be reached, by " + v.attr
	b.WriteString(st.Title.Render(common.Truncate(title, width)) +
		st.Subtle.Render(common.Truncate("  ("+matching+"; g: another attribute)", max(0, width-len([]rune(title))))) + "\n")
	// digital and bridge need 16 more cells: a narrow window leaves them out
	wide := width >= 74
	head := fmt.Sprintf("  %-16s %9s", common.Truncate(v.attr, 16), "customers")
	for ch := range campaign.NumChannels {
		head += fmt.Sprintf(" %6s", campaign.Channel(ch).String())
	}
	if wide {
		head += fmt.Sprintf(" %7s %7s", "digital", "bridge")
	}
	b.WriteString(st.Header.Render(common.Truncate(head, width)) + "\n")
	var total analysis.GroupReach
	total.Group = "all"
	row := func(g analysis.GroupReach) string {
		s := fmt.Sprintf("  %-16s %9s", common.Truncate(g.Group, 16), common.Int(g.Size))
		share := func(n int) string {
			if g.Size == 0 {
				return "—"
			}
			return common.Percent(float64(n) / float64(g.Size))
		}
		for ch := range campaign.NumChannels {
			s += fmt.Sprintf(" %6s", share(g.Channels[ch].Reachable))
		}
		if !wide {
			return s
		}
		return s + fmt.Sprintf(" %7s %7s", share(g.Digital), share(g.Bridge))
	}
	for _, g := range v.groups {
		b.WriteString(common.Truncate(row(g), width) + "\n")
		total.Size, total.Digital, total.Bridge = total.Size+g.Size, total.Digital+g.Digital, total.Bridge+g.Bridge
		for ch := range campaign.NumChannels {
			total.Channels[ch].Reachable += g.Channels[ch].Reachable
		}
	}
	b.WriteString(st.Title.Render(common.Truncate(row(total), width)) + "\n")
	if wide {
		b.WriteString(st.Subtle.Render(common.Wrap("digital: reachable by e-mail or SMS. bridge: not digital, but shares a household or address with someone who is, so a campaign can reach them through that person.", width-2, "  ")))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

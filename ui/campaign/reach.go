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

func (v *reachView) view(c *common.Common, width int, matching string) string {
	st := c.Styles
	if v.groups == nil {
		return st.Subtle.Render("  " + c.T("counting…"))
	}
	var b strings.Builder
	title := c.T("Who can be reached, by %s", v.attr)
	b.WriteString(st.Title.Render(common.Truncate(title, width)) +
		st.Subtle.Render(common.Truncate("  "+c.T("(%s; g: another attribute)", matching), max(0, width-len([]rune(title))))) + "\n")
	// a column per channel, as wide as its name (6 at least); digital and
	// bridge need two more, which a narrow window leaves out
	var names [campaign.NumChannels]string
	cols := [campaign.NumChannels]int{}
	for ch := range campaign.NumChannels {
		names[ch] = channelName(c.Locale, campaign.Channel(ch))
		cols[ch] = max(6, len([]rune(names[ch])))
	}
	digital, bridge := c.T("digital"), c.T("bridge")
	dw, bw := max(7, len([]rune(digital))), max(7, len([]rune(bridge)))
	head := fmt.Sprintf("  %-16s %9s", common.Truncate(v.attr, 16), c.T("customers"))
	for ch := range campaign.NumChannels {
		head += fmt.Sprintf(" %*s", cols[ch], names[ch])
	}
	wide := width >= len([]rune(head))+dw+bw+4 // 74 in English
	if wide {
		head += fmt.Sprintf(" %*s %*s", dw, digital, bw, bridge)
	}
	b.WriteString(st.Header.Render(common.Truncate(head, width)) + "\n")
	var total analysis.GroupReach
	total.Group = c.T("all")
	row := func(g analysis.GroupReach) string {
		s := fmt.Sprintf("  %-16s %9s", common.Truncate(g.Group, 16), c.Int(g.Size))
		share := func(n int) string {
			if g.Size == 0 {
				return "—"
			}
			return c.Percent(float64(n) / float64(g.Size))
		}
		for ch := range campaign.NumChannels {
			s += fmt.Sprintf(" %*s", cols[ch], share(g.Channels[ch].Reachable))
		}
		if !wide {
			return s
		}
		return s + fmt.Sprintf(" %*s %*s", dw, share(g.Digital), bw, share(g.Bridge))
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
		b.WriteString(st.Subtle.Render(common.Wrap(c.T(msgBridge), width-2, "  ")))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

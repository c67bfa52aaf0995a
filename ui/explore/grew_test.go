package explore

import (
	"slices"
	"testing"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// TestGrownSessionKeepsEveryCount (issue 14): on a big table, the session
// grows (common.GrewMsg) while the distinct counts of the first one are
// still being made; the columns it kept keep those counts, the column it
// computed again under the same name and the ones it added get their own,
// and the cursor stays on its attribute.
func TestGrownSessionKeepsEveryCount(t *testing.T) {
	s := session(t, shopPath(t, 300))
	c := &common.Common{Width: 100, Height: 30, Styles: common.NewStyles(false), Session: s}
	m := New(c)
	m.syncLimit = 0 // as on a big table: counts arrive in Cmds
	m.SetSize(100, 30)
	for i := range m.stats {
		m.stats[i].distinct = -1
	}
	moveTo(t, m, "monthly_income")
	stale := distinctCmd(s.Data, 0)() // the first session's counts, still on their way

	grown := *s
	data := *s.Data
	data.Columns = slices.Clone(s.Data.Columns)
	zone := slices.IndexFunc(data.Columns, func(c model.Column) bool { return c.Meta().Name == "zone" })
	again := *data.Columns[zone].(*model.CodedColumn)
	again.Codes = slices.Clone(again.Codes)
	for i := 0; i < len(again.Codes); i += 3 {
		again.Codes[i] = -1 // computed again: a third of the rows are now missing
	}
	data.Columns[zone] = &again
	extra := *data.Column("children").(*model.NumberColumn)
	extra.Name = "children_again"
	data.Columns = append(data.Columns, &extra)
	grown.Data = &data
	c.Session = &grown

	_, cmd := m.Update(common.GrewMsg{})
	m.Update(stale)
	runCmd(m, cmd)
	if len(m.stats) != len(data.Columns) {
		t.Fatalf("%d statistics for %d columns", len(m.stats), len(data.Columns))
	}
	for i, col := range data.Columns {
		want := colStats{nulls: analysis.Nulls(col).Count(), distinct: analysis.Distinct(col)}
		if m.stats[i] != want {
			t.Errorf("%s: %+v, want %+v", col.Meta().Name, m.stats[i], want)
		}
	}
	if got := m.column().Meta().Name; got != "monthly_income" {
		t.Errorf("the cursor moved to %s", got)
	}
}

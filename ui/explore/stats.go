package explore

import (
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
)

// colStats is what the attribute list shows beside each name. Null shares
// are a bitset count and computed at once; distinct counts need a sort or a
// map per column and arrive later on a big table (-1 until then).
type colStats struct {
	nulls    int
	distinct int
}

func nullStats(ds *model.Dataset) []colStats {
	out := make([]colStats, len(ds.Columns))
	for i, c := range ds.Columns {
		out[i] = colStats{nulls: analysis.Nulls(c).Count(), distinct: -1}
	}
	return out
}

// distinctMsg carries every column's distinct count.
type distinctMsg struct{ distinct []int }

func distinctCounts(ds *model.Dataset) []int {
	out := make([]int, len(ds.Columns))
	for i, c := range ds.Columns {
		out[i] = analysis.Distinct(c)
	}
	return out
}

// distinctCmd counts distinct values off the UI goroutine; the dataset is
// not changed after load, so reading it there is safe.
func distinctCmd(ds *model.Dataset) tea.Cmd {
	return func() tea.Msg { return distinctMsg{distinct: distinctCounts(ds)} }
}

func applyDistinct(stats []colStats, distinct []int) {
	for i := range stats {
		if i < len(distinct) {
			stats[i].distinct = distinct[i]
		}
	}
}

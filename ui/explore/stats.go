package explore

import (
	"slices"

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

// nullStats are the statistics of the columns from index from on, with
// their distinct counts still unknown.
func nullStats(ds *model.Dataset, from int) []colStats {
	out := make([]colStats, 0, len(ds.Columns)-from)
	for _, c := range ds.Columns[from:] {
		out = append(out, colStats{nulls: analysis.NullCount(c), distinct: -1})
	}
	return out
}

// distinctMsg carries the distinct counts of the columns from index from on.
type distinctMsg struct {
	from     int
	cols     []model.Column // the columns counted
	distinct []int
}

func distinctCounts(ds *model.Dataset, from int) []int {
	out := make([]int, 0, len(ds.Columns)-from)
	for _, c := range ds.Columns[from:] {
		out = append(out, analysis.Distinct(c))
	}
	return out
}

// distinctCmd counts distinct values off the UI goroutine; the dataset is
// not changed after load, so reading it there is safe.
func distinctCmd(ds *model.Dataset, from int) tea.Cmd {
	cols := slices.Clone(ds.Columns[from:])
	return func() tea.Msg { return distinctMsg{from: from, cols: cols, distinct: distinctCounts(ds, from)} }
}

func applyDistinct(stats []colStats, from int, distinct []int) {
	for i, d := range distinct {
		if from+i < len(stats) {
			stats[from+i].distinct = d
		}
	}
}

// distinctOfCmd counts the distinct values of column i alone.
func distinctOfCmd(ds *model.Dataset, i int) tea.Cmd {
	c := ds.Columns[i]
	return func() tea.Msg {
		return distinctMsg{from: i, cols: []model.Column{c}, distinct: []int{analysis.Distinct(c)}}
	}
}

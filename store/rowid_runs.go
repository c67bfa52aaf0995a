package store

import "sort"

// RowIDRuns records the rowids of rows read in order as runs of
// consecutive values: a table without deleted rows is one run per range
// read, however many rows, where a []int64 would cost 8 bytes a row. It
// answers "which rowid was the i-th row read" for a data problem's
// examples.
type RowIDRuns struct {
	start []int64 // first rowid of each run
	at    []int   // index of the run's first row
	n     int
}

// Add appends the next row's rowid.
func (r *RowIDRuns) Add(rowid int64) {
	if k := len(r.start); k > 0 && rowid == r.start[k-1]+int64(r.n-r.at[k-1]) {
		r.n++
		return
	}
	r.start, r.at = append(r.start, rowid), append(r.at, r.n)
	r.n++
}

// Append adds all of o's rows after r's.
func (r *RowIDRuns) Append(o *RowIDRuns) {
	for k := range o.start {
		end := o.n
		if k+1 < len(o.at) {
			end = o.at[k+1]
		}
		length := end - o.at[k]
		if last := len(r.start) - 1; last >= 0 && o.start[k] == r.start[last]+int64(r.n-r.at[last]) {
			r.n += length // continues r's last run
			continue
		}
		r.start, r.at = append(r.start, o.start[k]), append(r.at, r.n)
		r.n += length
	}
}

// Len returns the number of rows recorded.
func (r *RowIDRuns) Len() int { return r.n }

// RowID returns the rowid of the i-th row (0 ≤ i < Len).
func (r *RowIDRuns) RowID(i int) int64 {
	k := sort.SearchInts(r.at, i+1) - 1
	return r.start[k] + int64(i-r.at[k])
}

// truncate keeps the first k rows.
func (r *RowIDRuns) truncate(k int) {
	if k >= r.n {
		return
	}
	j := sort.SearchInts(r.at, k) // runs starting at or after row k go
	r.start, r.at, r.n = r.start[:j], r.at[:j], k
}

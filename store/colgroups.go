package store

// maxResultColumns is how many columns one query may return: SQLite's
// SQLITE_MAX_COLUMN (2000 as modernc.org/sqlite is built) counts the rowid
// too. Wider tables are read in groups of columns, each group a scan of its
// own in rowid order.
const maxResultColumns = 2000

// groupSize is the number of a table's columns read per query, leaving
// room for the rowid.
const groupSize = maxResultColumns - 1

// loadGroupSize is the number of a table's columns a load reads per query:
// the sink (sink.go) is a function, which takes at most SQLite's
// SQLITE_MAX_FUNCTION_ARG (1000) arguments, the token and the rowid among them.
const loadGroupSize = 1000 - 2

// columnGroups splits n columns into [start, end) groups of at most
// loadGroupSize; one group for a table of ordinary width.
func columnGroups(n int) [][2]int {
	if n == 0 {
		return [][2]int{{0, 0}}
	}
	var out [][2]int
	for start := 0; start < n; start += loadGroupSize {
		out = append(out, [2]int{start, min(n, start+loadGroupSize)})
	}
	return out
}

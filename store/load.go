package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/pulpero/pulpero/model"
)

// LoadProgress reports how far a load is; Total is the table's row count.
type LoadProgress struct {
	Done, Total int64
}

// progressEvery is how many rows pass between progress reports.
const progressEvery = 25_000

// parallelFrom is the table size from which the scan is split across cores.
const parallelFrom = 100_000

// Load reads the analysable (non-personal) columns of table into the
// columnar copy. Values that contradict the column's kind (text in a number
// column, impossible dates) become NULL and are counted in the column's
// Invalid, which the data-quality view shows. It stops with ctx.
//
// modernc's SQLite takes a mutex on every column read, so one scan is bound
// by that overhead; large tables are therefore read as rowid ranges on one
// connection per core, each into its own builders, merged in rowid order.
func (d *DB) Load(ctx context.Context, table TableInfo, cols []ColumnProfile, progress func(LoadProgress)) (*model.Dataset, error) {
	var loaded []ColumnProfile
	for _, c := range cols {
		if !c.Personal {
			loaded = append(loaded, c)
		}
	}
	ranges, err := d.rowidRanges(ctx, table)
	if err != nil {
		return nil, err
	}
	// the driver hands every value over boxed, a million small garbage
	// objects per column; collecting more often while loading keeps the
	// peak near the result's size (1M customers: 475 MB → 320 MB peak, for
	// about the same time), and the usual pace returns afterwards
	defer Pace(25, 0)()
	parts := newLoadParts(loaded, ranges)
	// the columns are allocated whole above; what reading adds is garbage
	defer Pace(0, loadSlack)()
	var mu sync.Mutex
	var done int64
	report := func(n int64) {
		mu.Lock()
		defer mu.Unlock()
		done += n
		if progress != nil {
			progress(LoadProgress{Done: done, Total: table.Rows})
		}
	}
	// one failing range cancels the others
	scanCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(ranges))
	var wg sync.WaitGroup
	for i, r := range ranges {
		wg.Go(func() {
			if errs[i] = d.scanPart(scanCtx, table, loaded, r, parts[i], report); errs[i] != nil {
				cancel()
			}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	for _, err := range errs {
		if err != nil && err != context.Canceled {
			return nil, err
		}
	}
	first := parts[0]
	for _, p := range parts[1:] {
		first.rowids, first.win = join(first.rowids, first.win, p.rowids, p.win)
		for i, b := range first.builders {
			b.merge(p.builders[i])
		}
		p.builders = nil
	}
	ds := &model.Dataset{Table: table.Name, RowIDs: first.rowids, Personal: map[string]model.Role{}}
	for _, c := range cols {
		if c.Personal {
			ds.Personal[c.Name] = c.Role
		}
	}
	for i, b := range first.builders {
		ds.Columns = append(ds.Columns, b.finish())
		// a column can be rebuilt in finish (0/1 numbers become a yes/no
		// column): let the builder's array go at once, not at the end
		first.builders[i] = nil
	}
	if progress != nil {
		n := int64(len(ds.RowIDs))
		progress(LoadProgress{Done: n, Total: max(n, table.Rows)})
	}
	return ds, nil
}

// rowidRange is an inclusive range of rowids; all means no WHERE at all.
// rows is how many rows it held when the load began.
type rowidRange struct {
	lo, hi int64
	all    bool
	rows   int
}

func (d *DB) rowidRanges(ctx context.Context, table TableInfo) ([]rowidRange, error) {
	workers := runtime.GOMAXPROCS(0)
	if table.Rows < parallelFrom || workers < 2 {
		return []rowidRange{{all: true, rows: int(table.Rows)}}, nil
	}
	lo, hi, err := d.rowidBounds(ctx, table.Name)
	if err != nil {
		return []rowidRange{{all: true, rows: int(table.Rows)}}, nil // WITHOUT ROWID: one plain scan reports it
	}
	step := (hi - lo + int64(workers)) / int64(workers)
	out := make([]rowidRange, 0, workers)
	for start := lo; start <= hi; start += step {
		r := rowidRange{lo: start, hi: min(hi, start+step-1)}
		// the exact count lets every part write straight into the result
		q := "SELECT count(*) FROM " + QuoteIdent(table.Name) + " WHERE rowid BETWEEN ? AND ?"
		if err := d.sql.QueryRowContext(ctx, q, r.lo, r.hi).Scan(&r.rows); err != nil {
			return nil, fmt.Errorf("%s: reading table %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
		}
		out = append(out, r)
	}
	return out, nil
}

// loadPart is one range's share of the columns.
type loadPart struct {
	rowids   []int64
	win      window[int64] // where rowids lies in the parts' shared array
	builders []columnBuilder
}

// loadSlack is the room a load's garbage is given over the columns it
// fills: less makes the collector run more often, more raises the peak.
// Measured at 1M customers, 31 columns, cold, time to Explore and peak:
// 32 MB 1.45 s, 280-290 MB; 48 MB 1.37-1.42 s, 285-289 MB; 64 MB
// 1.34-1.40 s, 296-300 MB; 96 MB 1.39 s, 324 MB (the target is 300 MB).
const loadSlack = 48 << 20

// newLoadParts makes the parts of a load, one per range, whose builders
// share each column's array (see partBuilders).
func newLoadParts(cols []ColumnProfile, ranges []rowidRange) []*loadPart {
	counts := make([]int, len(ranges))
	for k, r := range ranges {
		counts[k] = r.rows
	}
	parts := make([]*loadPart, len(ranges))
	ids, wins := windows[int64](counts)
	for k := range parts {
		parts[k] = &loadPart{rowids: ids[k], win: wins[k], builders: make([]columnBuilder, len(cols))}
	}
	for i, c := range cols {
		for k, b := range partBuilders(c, counts) {
			parts[k].builders[i] = b
		}
	}
	return parts
}

func (d *DB) scanPart(ctx context.Context, table TableInfo, cols []ColumnProfile, r rowidRange, part *loadPart, report func(int64)) error {
	groups := columnGroups(len(cols))
	for g, span := range groups {
		// the first group reads the rowids and reports progress; a table
		// wider than one query allows is read again for each further group
		if err := d.scanGroup(ctx, table, cols[span[0]:span[1]], part.builders[span[0]:span[1]], r, part, g == 0, report); err != nil {
			return err
		}
	}
	return nil
}

func (d *DB) scanGroup(ctx context.Context, table TableInfo, cols []ColumnProfile, builders []columnBuilder, r rowidRange, part *loadPart,
	first bool, report func(int64)) error {
	infos := make([]ColumnInfo, len(cols))
	for i, c := range cols {
		infos[i] = ColumnInfo{Name: c.Name}
	}
	list := "rowid"
	if len(infos) > 0 {
		list += ", " + selectList(infos)
	}
	// the rows reach Go through the sink (sink.go): one call per row instead
	// of a mutex round trip per value, about three times faster. NOT
	// INDEXED keeps the table's own rowid order (a covering index could
	// otherwise be scanned in its order), which every group must share.
	from, where := QuoteIdent(table.Name)+" NOT INDEXED", ""
	var args []any
	if !r.all {
		where = "rowid BETWEEN ? AND ?"
		args = []any{r.lo, r.hi}
	}
	errChanged := fmt.Errorf("%s: table %q changed while it was read; open it again", d.Name(), table.Name)
	times := make([]bool, len(cols)) // read as rows.Scan would (drivertime.go)
	for i, c := range cols {
		times[i] = isDriverTimeType(c.DeclType)
	}
	var n int64
	_, err := d.sinkQuery(ctx, list, from, where, args, func(row []driver.Value) error {
		id, _ := row[0].(int64)
		if first {
			part.rowids = append(part.rowids, id)
		} else if n >= int64(len(part.rowids)) || part.rowids[n] != id {
			return errChanged
		}
		for i, b := range builders {
			v := row[i+1]
			if s, ok := v.(string); ok && times[i] {
				if t, ok := driverTime(s); ok {
					v = t
				}
			}
			b.add(v)
		}
		if n++; first && n%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			report(progressEvery)
		}
		return nil
	})
	switch {
	case err == nil:
	case errors.Is(err, errChanged), ctx.Err() != nil:
		return err
	case strings.Contains(err.Error(), "rowid"):
		return fmt.Errorf("%s: table %q has no rowid (WITHOUT ROWID tables are not supported yet); copy it into an ordinary table", d.Name(), table.Name)
	default:
		return fmt.Errorf("%s: reading table %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
	}
	if !first && n != int64(len(part.rowids)) {
		return errChanged
	}
	if first {
		report(n % progressEvery)
	}
	return nil
}

package csvimport

import (
	"errors"
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

// optimisticRows is the sample that decides types before writing starts on a
// long file. The writing pass keeps learning from every value; if the whole
// file then decides otherwise (rarely), the rows are written again. That
// spares the usual case a full first pass, a sixth of an import's time.
const optimisticRows = 50_000

// errRetype stops a writing pass whose sampled types a value has broken.
var errRetype = errors.New("a value does not fit the sampled types")

// typeStats is what values have taught about each column and the file's
// decimal mark.
type typeStats struct {
	cols  []*colStats
	votes markVotes
}

func newTypeStats(ncols int) *typeStats {
	ts := &typeStats{cols: make([]*colStats, ncols)}
	for i := range ts.cols {
		ts.cols[i] = newColStats()
	}
	return ts
}

// add learns from one sound record.
func (ts *typeStats) add(rec []string, line int) {
	for i, s := range rec {
		if s = strings.TrimSpace(s); s != "" {
			ts.cols[i].add(s, line, &ts.votes)
		}
	}
}

// inferTypes is the first pass: it learns from the first limit records (all
// when limit is 0), skipping bad ones when SkipBad is set.
func (j *job) inferTypes(limit int) (*typeStats, error) {
	ts := newTypeStats(j.ncols)
	err := j.records(j.ctx, PhaseTypes, limit, func(rec []string, line int, bad *ImportError) error {
		if bad != nil {
			if j.opt.SkipBad {
				return nil
			}
			return bad
		}
		ts.add(rec, line)
		return nil
	})
	return ts, err
}

// decideTypes turns stats into columns and the decimal mark; key (-1 for
// none) is the customer id column.
func (j *job) decideTypes(ts *typeStats, key int) ([]*column, parse.DecimalMark) {
	mark := parse.DecimalMark(j.opt.Decimal)
	if mark == 0 {
		mark = parse.DecimalPoint
		if ts.votes.comma > ts.votes.point {
			mark = parse.DecimalComma
		}
	}
	als := aliases(j.names)
	cols := make([]*column, j.ncols)
	for i := range cols {
		cols[i] = &column{name: j.names[i], alias: als[i]}
		ts.cols[i].decide(cols[i], mark)
	}
	if key >= 0 {
		cols[key].isKey = true
		if cols[key].typ == tInteger || cols[key].typ == tText {
			cols[key].kind = model.KindIdentifier
		}
	}
	return cols, mark
}

// sameStorage reports whether two decisions store every value alike.
func sameStorage(a, b []*column) bool {
	for i := range a {
		if a[i].typ != b[i].typ {
			return false
		}
		if (a[i].typ == tDate || a[i].typ == tDateTime) && a[i].order != b[i].order {
			return false
		}
	}
	return true
}

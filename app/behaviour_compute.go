package app

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// BehaviourRequest says whose behaviour to compute: the customers of
// Table, loaded in Data; Today is the caller's clock (lines after it are
// in the future). Stage and Progress (either may be nil) report the work.
type BehaviourRequest struct {
	Table    TableInfo
	Data     *model.Dataset
	Today    time.Time
	Options  BehaviourOptions
	Stage    func(string)
	Progress func(LoadProgress)

	tables []TableInfo                 // the database's tables, when already listed
	src    *store.PurchaseSource       // the purchases, when already found
	lines  *store.PurchaseLines        // the lines, when already read (transactions)
	trans  *TransactionCustomers       // customers built from transactions
	keyCol func() (model.Column, bool) // the customer key column, when not the table's
	cust   *store.Customers            // the customers' snapshot keeps the behaviour, if any
}

// ComputeBehaviour is the one function that computes the behaviour
// columns from the database: it finds the purchases (and touchpoints),
// reads them matched to the rows of r.Data, and computes the behaviour
// attributes (analysis/behaviour) and RFM scores (analysis/rfm) as of the
// analysis date. The columns are returned, not added: Load adds them to
// the session's data. A cache of behaviour belongs around this function.
//
// The error is for cancellation only. Everything else that stops the
// behaviour (no purchase table, no date column, a table that cannot be
// read) is Behaviour.Err: the customers are still worth loading.
func (d *Database) ComputeBehaviour(ctx context.Context, r BehaviourRequest) (*Behaviour, []model.Column, error) {
	start := time.Now()
	defer holdMemory(r.Data.Rows())()
	b, cols, err := d.computeBehaviour(ctx, &r)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		b.Err = err
		return b, nil, nil
	}
	b.Took = time.Since(start)
	return b, cols, nil
}

func (d *Database) computeBehaviour(ctx context.Context, r *BehaviourRequest) (*Behaviour, []model.Column, error) {
	key := d.behaviourKey(ctx, r)
	if b, res, ok := d.keptBehaviour(ctx, r, key); ok {
		return d.finishBehaviour(ctx, r, b, res)
	}
	b, res, err := d.readBehaviour(ctx, r)
	if err != nil {
		return b, nil, err
	}
	d.keepBehaviour(r, key, b, res)
	return d.finishBehaviour(ctx, r, b, res)
}

// purchaseSource finds the purchases of r's customers (and touchpoints).
func (d *Database) purchaseSource(ctx context.Context, r *BehaviourRequest) (*store.PurchaseSource, error) {
	if r.src != nil {
		return r.src, nil
	}
	if r.Stage != nil {
		r.Stage(StageDetectPurchases)
	}
	var err error
	if r.tables == nil {
		if r.tables, err = d.db.Tables(ctx); err != nil {
			return nil, err
		}
	}
	overrides, err := d.ws.PurchaseOverrides(ctx)
	if err != nil {
		return nil, err
	}
	src, err := d.db.DetectPurchases(ctx, r.tables, r.Table.Name, overrides)
	if err != nil {
		return nil, err
	}
	if src == nil {
		return nil, model.Say(errNoPurchaseTable, d.Path())
	}
	return src, nil
}

// todayOf is r's today as a day number (no clock given: nothing is in the
// future).
func todayOf(r *BehaviourRequest) int32 {
	if r.Today.IsZero() {
		return int32(math.MaxInt32 - 1)
	}
	return dayOf(r.Today)
}

// readBehaviour reads the purchases and computes the behaviour attributes:
// everything but the RFM scores, which finishBehaviour adds.
func (d *Database) readBehaviour(ctx context.Context, r *BehaviourRequest) (*Behaviour, *behaviour.Result, error) {
	b := &Behaviour{Transactions: r.trans}
	say := func(s string) {
		if r.Stage != nil {
			r.Stage(s)
		}
	}
	opt, err := d.withSaved(ctx, r.Options)
	if err != nil {
		return b, nil, err
	}
	src, err := d.purchaseSource(ctx, r)
	if err != nil {
		return b, nil, err
	}
	b.Source = src
	if err := src.MissingError(d.Path()); err != nil {
		return b, nil, err
	}
	today := todayOf(r)
	n := r.Data.Rows()
	var (
		pr   *store.PurchaseReader
		keys *store.KeyIndex
	)
	if r.lines == nil {
		if keys, err = d.customerKeys(r, src); err != nil {
			return b, nil, err
		}
		say(StageReadPurchases)
		if pr, err = d.db.OpenPurchases(ctx, src, keys, store.PurchaseLoadOptions{Today: today, Progress: r.Progress, ChunkLines: testChunkLines}); err != nil {
			return b, nil, err
		}
	}
	a, err := d.analysisDay(ctx, r, pr, today, opt.AnalysisDate)
	if err != nil {
		return b, nil, err
	}
	b.AnalysisDay, b.AnalysisDate, b.DateSet = a, dateOf(a), !opt.AnalysisDate.IsZero()
	cb := newChunkBehaviour(n, a, signupColumn(r.Data))
	switch {
	case r.lines != nil:
		say(StageBehaviour)
		err = cb.add(&store.PurchaseChunk{Lo: 0, Hi: n, Lines: r.lines})
		b.Problems = findingProblems(src, r.lines.Findings)
		r.lines = nil
	default:
		// in customer order (the usual export, the demo world) the lines
		// are read and computed in chunks, holding a few megabytes at a
		// time; otherwise they are read whole
		err = pr.Stream(ctx, n, cb.add)
		if errors.Is(err, store.ErrNotCustomerOrdered) {
			cb = newChunkBehaviour(n, a, signupColumn(r.Data))
			err = d.computeWhole(ctx, pr, cb, n, say)
		}
		b.Problems = findingProblems(src, pr.Findings())
	}
	if err != nil {
		return b, nil, err
	}
	resCols, sum, probs := cb.result()
	res := &behaviour.Result{Columns: resCols, Summary: sum}
	b.Summary = sum
	b.Problems = append(b.Problems, placeProblems(src, probs)...)
	return b, res, nil
}

// finishBehaviour scores RFM on the behaviour attributes, renames those
// that clash with the table's own columns, and adds ages as of the
// analysis date when it is not today.
func (d *Database) finishBehaviour(ctx context.Context, r *BehaviourRequest, b *Behaviour, res *behaviour.Result) (*Behaviour, []model.Column, error) {
	opt, err := d.withSaved(ctx, r.Options)
	if err != nil {
		return b, nil, err
	}
	if r.Stage != nil {
		r.Stage(StageRFM)
	}
	var rfmCols []model.Column
	b.RFM, rfmCols = d.scoreRFM(ctx, res, opt, r.Table.Name, b.AnalysisDay)
	cols := append(res.Columns, rfmCols...)
	b.Renamed = renameClashes(cols, r.Data)
	for _, c := range cols {
		b.Columns = append(b.Columns, c.Meta().Name)
	}
	if b.AnalysisDay < todayOf(r) {
		if ages := agesAsOf(r.Data, b.AnalysisDate); len(ages) > 0 {
			b.AgesAsOf = b.AnalysisDate
			cols = append(cols, ages...)
		}
	}
	return b, cols, nil
}

// analysisDay is the day every figure is as of: the one asked for, or the
// day after the last purchase (invoice, or line when the lines hold the
// date) not after today, so a mistyped year 2099 does not move everyone's
// recency.
func (d *Database) analysisDay(ctx context.Context, r *BehaviourRequest, pr *store.PurchaseReader, today int32, asked time.Time) (int32, error) {
	if !asked.IsZero() {
		return dayOf(asked), nil
	}
	last := store.NoDay
	if r.lines != nil {
		for _, d := range r.lines.Day {
			if d != store.NoDay && d <= today && d > last {
				last = d
			}
		}
	} else {
		var err error
		if last, err = pr.LastPurchaseDay(ctx); err != nil {
			return 0, err
		}
	}
	if last == store.NoDay {
		return 0, model.Say(errNoSaleDated, dateOf(today).Format(time.DateOnly))
	}
	return last + 1, nil
}

// computeWhole reads all lines and touchpoints at once (tables not in
// customer order) and computes them as one chunk.
func (d *Database) computeWhole(ctx context.Context, pr *store.PurchaseReader, cb *chunkBehaviour, n int, say func(string)) error {
	lines, err := pr.Full(ctx)
	if err != nil {
		return err
	}
	var touch *store.Touchpoints
	if pr.Source().Touch != nil {
		say(StageReadTouch)
		if touch, err = pr.LoadTouchpoints(ctx); err != nil {
			return err
		}
	}
	say(StageBehaviour)
	return cb.add(&store.PurchaseChunk{Lo: 0, Hi: n, Lines: lines, Touch: touch})
}

func purchasesOf(l *store.PurchaseLines) *behaviour.Purchases {
	return &behaviour.Purchases{Customer: l.Customer, Day: l.Day, Invoice: l.Invoice, Sales: l.Sales, Returned: l.Returned,
		Channel: l.Channel, ChannelDict: l.ChannelDict, Category: l.Category, CategoryDict: l.CategoryDict}
}

func touchpointsOf(t *store.Touchpoints) *behaviour.Touchpoints {
	if t == nil {
		return nil
	}
	return &behaviour.Touchpoints{Customer: t.Customer, Day: t.Day, Kind: t.Kind, KindDict: t.KindDict, Sentiment: t.Sentiment}
}

// signupColumn is the customers' sign-up date, to report purchases dated
// before it.
func signupColumn(ds *model.Dataset) *model.NumberColumn {
	c, _ := ds.ByRole(model.RoleSignupDate).(*model.NumberColumn)
	return c
}

// customerKeys indexes the customers by the key the purchases hold: the
// column a declared foreign key points at, else the customer-id column,
// else the table's primary key (its rowids when that is the rowid).
func (d *Database) customerKeys(r *BehaviourRequest, src *store.PurchaseSource) (*store.KeyIndex, error) {
	pc, _ := src.Column(model.PurchaseCustomer)
	target := ""
	if t, ok := store.FindTable(r.tables, pc.Table); ok {
		for _, fk := range t.References {
			if strings.EqualFold(fk.From, pc.Column) && strings.EqualFold(fk.Table, r.Table.Name) {
				target = fk.To
			}
		}
	}
	var col model.Column
	switch {
	case target != "":
		col = r.Data.Column(target)
	case r.Data.ByRole(model.RoleCustomerID) != nil:
		col = r.Data.ByRole(model.RoleCustomerID)
	default:
		for _, c := range r.Table.Columns {
			if c.PK {
				col = r.Data.Column(c.Name)
			}
		}
	}
	if col == nil && (target == "" || strings.EqualFold(target, "rowid")) {
		ids := model.NewNumberColumn(model.ColumnMeta{Name: "rowid", Kind: model.KindIdentifier}, r.Data.Rows())
		for i, id := range r.Data.RowIDs {
			ids.SetValue(i, float64(id))
		}
		col = ids
	}
	if col == nil {
		return nil, model.Say(errNoCustomerKey, r.Table.Name, pc.Ref(), d.Path())
	}
	return store.NewKeyIndex(col)
}

// renameClashes gives behaviour's tenure_days its own name (the derived
// tenure_days counts from sign-up) and renames an attribute whose name a
// stored column of the table already has; it returns old → new names.
func renameClashes(cols []model.Column, ds *model.Dataset) map[string]string {
	out := map[string]string{}
	for _, c := range cols {
		m := c.Meta()
		if m.Name == behaviour.ColTenureDays {
			out[m.Name] = ColDaysSinceFirstPurchase
			m.Name = ColDaysSinceFirstPurchase
			continue
		}
		if old := ds.Column(m.Name); old != nil && !old.Meta().Derived {
			out[m.Name] = m.Name + "_derived"
			m.Note += fmt.Sprintf(NoteRenamed, m.Name)
			m.Name += "_derived"
		}
	}
	return out
}

// testChunkLines, when above 0, makes streamed chunks that small: tests
// set it to check that chunks add up to one computation.
var testChunkLines = 0

// ColDaysSinceFirstPurchase is behaviour's tenure_days as the session
// names it: days from the first purchase to the analysis date.
const ColDaysSinceFirstPurchase = "days_since_first_purchase"

package app

import (
	"context"
	"encoding/json"

	"github.com/pulpero/pulpero/analysis/behaviour"
)

// Reading ten million purchase lines takes seconds; their behaviour
// attributes are kept beside the customers' snapshot, so a second open of
// the same database (the fingerprint guards every write to it) reads them
// back in milliseconds. The key names what else they depend on: the
// analysis date (or, when it follows the data, today), the purchase-role
// corrections, and this format's version. RFM scores are not kept: they
// follow the frozen cut-offs and segment table of the moment, and take
// little to compute from the kept columns.

// keptBehaviourVersion changes whenever what is kept, or how behaviour is
// computed, changes.
const keptBehaviourVersion = 1

// keptBehaviourDesc is what is kept beside the columns.
type keptBehaviourDesc struct {
	AnalysisDay int32
	DateSet     bool
	Summary     behaviour.Summary
	Problems    []keptProblem
}

// keptProblem is a DataProblem with its unexported flag.
type keptProblem struct {
	DataProblem
	Touch bool
}

// behaviourKey is the key r's behaviour is kept under, "" when it cannot
// be kept (no snapshot, customers built from transactions, a test's chunk
// size).
func (d *Database) behaviourKey(ctx context.Context, r *BehaviourRequest) string {
	if !r.cust.CanKeep() || r.lines != nil || r.trans != nil || testChunkLines != 0 {
		return ""
	}
	opt, err := d.withSaved(ctx, r.Options)
	if err != nil {
		return ""
	}
	overrides, err := d.ws.PurchaseOverrides(ctx)
	if err != nil {
		return ""
	}
	k := struct {
		Version   int
		AsOf      string `json:",omitempty"`
		Today     int32  `json:",omitempty"` // the default analysis date is never after today
		Overrides any
		Rows      int
	}{Version: keptBehaviourVersion, Overrides: overrides, Rows: r.Data.Rows()}
	if opt.AnalysisDate.IsZero() {
		k.Today = todayOf(r)
	} else {
		k.AsOf = opt.AnalysisDate.Format("2006-01-02")
	}
	b, err := json.Marshal(k)
	if err != nil {
		return ""
	}
	return "behaviour " + string(b)
}

// keptBehaviour reads the behaviour kept under key, with the purchases'
// source found again (it says how to read them, for the Value screen).
func (d *Database) keptBehaviour(ctx context.Context, r *BehaviourRequest, key string) (*Behaviour, *behaviour.Result, bool) {
	if key == "" {
		return nil, nil, false
	}
	raw, cols, ok := r.cust.Kept(key)
	if !ok {
		return nil, nil, false
	}
	var desc keptBehaviourDesc
	if err := json.Unmarshal(raw, &desc); err != nil {
		return nil, nil, false
	}
	src, err := d.purchaseSource(ctx, r)
	if err != nil || src.MissingError(d.Path()) != nil {
		return nil, nil, false
	}
	b := &Behaviour{Source: src, AnalysisDay: desc.AnalysisDay, AnalysisDate: dateOf(desc.AnalysisDay),
		DateSet: desc.DateSet, Summary: desc.Summary}
	for _, p := range desc.Problems {
		p.touch = p.Touch
		b.Problems = append(b.Problems, p.DataProblem)
	}
	return b, &behaviour.Result{Columns: cols, Summary: desc.Summary}, true
}

// keepBehaviour keeps what readBehaviour read under key (a cache: a
// failure to keep only means reading again next time).
func (d *Database) keepBehaviour(r *BehaviourRequest, key string, b *Behaviour, res *behaviour.Result) {
	if key == "" {
		return
	}
	desc := keptBehaviourDesc{AnalysisDay: b.AnalysisDay, DateSet: b.DateSet, Summary: b.Summary}
	for _, p := range b.Problems {
		desc.Problems = append(desc.Problems, keptProblem{DataProblem: p, Touch: p.touch})
	}
	raw, err := json.Marshal(desc)
	if err != nil {
		return
	}
	r.cust.Keep(key, raw, res.Columns)
}

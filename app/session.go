package app

import (
	"context"
	"runtime/debug"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
)

// Session is a database with its customers loaded: the columnar copy with
// the derived attributes (age, generation, ...) and the reachability
// attributes (reachable_email, digitally_valid, bridge, ...). Screens and
// commands read it; nothing changes it once loaded.
type Session struct {
	DB       *Database
	Table    TableInfo
	TableWhy string // why this table was taken as the customer table
	Profiles []ColumnProfile
	Data     *model.Dataset
	Reach    *analysis.Reach // who can be contacted on which channel, and why not
	AsOf     time.Time       // the reference date for ages, tenure and relative dates
	// Behaviour is what the purchases say (attributes added to Data, RFM);
	// see ComputeBehaviour. Never nil; its Err says why it may be empty.
	Behaviour *Behaviour
	// Value is the customer-value models and predictions (value*.go); nil
	// until computed (ComputeValue, or Load for a rule that names them).
	Value *Value
	// Currency marks money on screen ("" = none; SetCurrency).
	Currency locale.Currency
}

// LoadRequest says which table to load and as of which day; Stage and
// Progress (either may be nil) report what the load is doing.
type LoadRequest struct {
	Table    string // "" = detect the customer table
	AsOf     time.Time
	Stage    func(string)
	Progress func(LoadProgress)
	// Attributes names what the caller will use (a rule's attributes, with
	// derived and role names); nil loads everything. A one-shot command
	// that counts a rule loads only what the rule reads.
	Attributes []string
	// Behaviour chooses the analysis date and RFM cut-offs (zero: saved settings).
	Behaviour BehaviourOptions
}

// Load is the one road from a database to the customers that every screen
// and command works on. Keeping it in one place means a segment counted on
// the command line and on screen sees the same attributes.
func (d *Database) Load(ctx context.Context, r LoadRequest) (*Session, error) {
	// loading reads millions of values the driver hands over boxed: collect
	// garbage more often meanwhile, so the peak stays near the result's size
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	cust, br, err := d.loadCustomers(ctx, r) // customers, or customers from transactions
	if err != nil {
		return nil, err
	}
	if err := d.applyMissingValues(ctx, cust.Table.Name, cust.Data); err != nil {
		return nil, err
	}
	analysis.DeriveSome(cust.Data, r.AsOf, derivedNames(r.Attributes))
	// behaviour is read from the purchases only when asked for: a one-shot
	// count of a rule over table columns does not pay for it
	beh := &Behaviour{Err: errBehaviourNotLoaded}
	if needsBehaviour(r.Attributes, cust.Data) {
		if beh, err = d.addBehaviour(ctx, br); err != nil { // behaviour attributes and RFM scores
			return nil, err
		}
	}
	var reach *analysis.Reach
	if needsReach(r.Attributes) {
		if r.Stage != nil {
			r.Stage("checking contact details and consent")
		}
		// addresses are read and judged in SQLite's rows; only the verdicts
		// (bitsets) reach memory, and the snapshot keeps them
		valid, err := d.db.ContactValidity(ctx, cust)
		if err != nil {
			return nil, err
		}
		reach = analysis.AddReachability(cust.Data, analysis.ValidAddresses(valid))
	}
	if err := d.addClusterLabels(ctx, cust.Table.Name, cust.Data, r.Attributes); err != nil { // saved cluster labels (cluster_labels.go)
		return nil, err
	}
	s := &Session{DB: d, Table: cust.Table, TableWhy: cust.Why, Profiles: cust.Profiles, Data: cust.Data, Reach: reach, AsOf: r.AsOf, Behaviour: beh}
	if err := s.loadValue(ctx, r); err != nil { // only for a rule that names a value attribute (value_load.go)
		return nil, err
	}
	if s.Currency, err = d.Currency(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// roleColumn names the column with a role ("" when none has it).
func (s *Session) roleColumn(role model.Role) string {
	for _, p := range s.Profiles {
		if p.Role == role {
			return p.Name
		}
	}
	return ""
}

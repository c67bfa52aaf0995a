package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
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
	return d.LoadInStages(ctx, r, nil)
}

// LoadInStages is Load for a screen that can show the customers before
// the rest is ready: first, when not nil, is handed a session with every
// customer attribute but without reachability and behaviour (Reach is nil
// and Behaviour.Err is ErrBehaviourLoading: StillLoading says so), and is
// never changed afterwards; the session returned is a copy with the
// reachability's and the behaviour's columns added after the others.
// Judging contact details is a quarter of a cold open and reading and
// scoring the purchases most of a second open (issue 14), so the first
// screen answers keys without waiting for either.
func (d *Database) LoadInStages(ctx context.Context, r LoadRequest, first func(*Session)) (*Session, error) {
	// loading reads millions of values the driver hands over boxed: collect
	// garbage more often meanwhile, so the peak stays near the result's size
	defer store.Pace(25, 0)()
	s, cust, br, err := d.loadCustomerSession(ctx, r)
	if err != nil {
		return nil, err
	}
	reach := needsReach(r.Attributes)
	// behaviour is read from the purchases only when asked for: a one-shot
	// count of a rule over table columns does not pay for it
	behaviour := needsBehaviour(r.Attributes, s.Data)
	if first != nil && (reach || behaviour) {
		s.Behaviour = &Behaviour{Err: ErrBehaviourLoading}
		first(s)
		s = s.withOwnColumns() // the first session is the screens' now: never change it
		br.Data = s.Data
		s.Behaviour = &Behaviour{Err: errBehaviourNotLoaded}
	}
	cust.KeepSnapshot() // after the first screen: a user does not wait for the next open's copy
	if reach {
		if r.Stage != nil {
			r.Stage(StageCheckContacts)
		}
		// addresses are read and judged in SQLite's rows; only the verdicts
		// (bitsets) reach memory, and the snapshot keeps them
		valid, err := d.db.ContactValidity(ctx, cust)
		if err != nil {
			return nil, err
		}
		s.Reach = analysis.AddReachability(s.Data, analysis.ValidAddresses(valid))
	}
	if behaviour {
		if s.Behaviour, err = d.addBehaviour(ctx, br); err != nil { // behaviour attributes and RFM scores
			return nil, err
		}
	}
	if err := s.loadValue(ctx, r); err != nil { // only for a rule that names a value attribute (value_load.go)
		return nil, err
	}
	return s, nil
}

// loadCustomerSession is a load's first part: the customers with their
// derived attributes and saved cluster labels, without reachability and
// behaviour; cust and br are what reading those needs.
func (d *Database) loadCustomerSession(ctx context.Context, r LoadRequest) (*Session, *store.Customers, *BehaviourRequest, error) {
	cust, br, err := d.loadCustomers(ctx, r) // customers, or customers from transactions
	if err != nil {
		return nil, nil, nil, err
	}
	if err := d.applyMissingValues(ctx, cust.Table.Name, cust.Data); err != nil {
		return nil, nil, nil, err
	}
	analysis.DeriveSome(cust.Data, r.AsOf, derivedNames(r.Attributes))
	if err := d.addClusterLabels(ctx, cust.Table.Name, cust.Data, r.Attributes); err != nil { // saved cluster labels (cluster_labels.go)
		return nil, nil, nil, err
	}
	s := &Session{DB: d, Table: cust.Table, TableWhy: cust.Why, Profiles: cust.Profiles, Data: cust.Data, AsOf: r.AsOf,
		Behaviour: &Behaviour{Err: errBehaviourNotLoaded}}
	if s.Currency, err = d.Currency(ctx); err != nil {
		return nil, nil, nil, err
	}
	return s, cust, br, nil
}

// withOwnColumns is a copy of the session whose data has a list of columns
// of its own, so that adding to it leaves the session (and work in flight
// on it) undisturbed. The columns themselves are shared: nobody changes them.
func (s *Session) withOwnColumns() *Session {
	c := *s
	data := *s.Data
	data.Columns = append([]model.Column(nil), s.Data.Columns...)
	c.Data = &data
	return &c
}

// OrderedAs is a copy of the session whose columns named in prev come
// first, in prev's order, and the others after: screens opened on prev keep
// each attribute at the index they know (the Value screen may add its
// columns to the first session of LoadInStages before the rest arrives).
func (s *Session) OrderedAs(prev *Session) *Session {
	c := s.withOwnColumns()
	at := make(map[string]int, len(prev.Data.Columns))
	for i, col := range prev.Data.Columns {
		at[strings.ToLower(col.Meta().Name)] = i
	}
	rank := func(col model.Column) int {
		if i, ok := at[strings.ToLower(col.Meta().Name)]; ok {
			return i
		}
		return len(at)
	}
	slices.SortStableFunc(c.Data.Columns, func(a, b model.Column) int { return rank(a) - rank(b) })
	return c
}

// StillLoading reports whether the session is the first of LoadInStages:
// its reachability and behaviour are still being read.
func (s *Session) StillLoading() bool {
	return s.Behaviour != nil && errors.Is(s.Behaviour.Err, ErrBehaviourLoading)
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

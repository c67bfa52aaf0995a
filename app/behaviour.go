package app

import (
	"time"

	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/analysis/rfm"
	"github.com/pulpero/pulpero/store"
)

// Purchase detection and loading, as the faces see them.
type (
	PurchaseSource  = store.PurchaseSource
	PurchaseColumn  = store.PurchaseColumn
	PurchaseFinding = store.PurchaseFinding
	FrozenRFM       = store.FrozenRFM
)

// BehaviourOptions choose the analysis date and how RFM scores are cut.
// Zero values take the database's saved settings (SetBehaviourSettings),
// and failing those the defaults.
type BehaviourOptions struct {
	// AnalysisDate is the day every behaviour figure is "as of"; zero: the
	// day after the last purchase (never later than the day after today).
	AnalysisDate time.Time
	// Segments names the RFM segment table: "0.3" (rfm 0.3.0, ten
	// segments, the default) or "0.2" (the older vignette's eleven).
	Segments string
	// Frozen scores with frozen cut-offs: "NAME" (its latest version) or
	// "NAME@V"; "-" fits the cut-offs on the data.
	Frozen string
}

// Behaviour is what the purchases say about the customers: where they were
// read from, as of which day, the attributes added to the session's data
// (derived columns), the data problems met, and the RFM scores. Err says
// why there is none (no purchase table, a purchase table without a date);
// the customers load all the same.
type Behaviour struct {
	Source       *PurchaseSource
	AnalysisDay  int32 // days since 1970-01-01
	AnalysisDate time.Time
	DateSet      bool // chosen (--as-of or the screen), not the default
	// AgesAsOf is the date ages and tenure were computed at when it is
	// the analysis date (historical data); zero when they follow today.
	AgesAsOf time.Time
	Summary  behaviour.Summary
	// Problems are the data problems met: first those met reading the
	// tables (text amounts, unreadable dates, unknown customer keys,
	// negative values read as returns...), then those met computing
	// (analysis/behaviour's Report: lines after the analysis date, before
	// sign-up, without a known customer...). Nothing is dropped silently.
	Problems []DataProblem
	Columns  []string          // the behaviour and RFM columns added, in order
	Renamed  map[string]string // attribute → the name it took (clashes with the table's own columns)
	RFM      *RFMResult
	// Transactions describes customers built from a transactions table.
	Transactions *TransactionCustomers
	Took         time.Duration
	Err          error
}

// DataProblem is one kind of bad or left-out purchase data: how many rows
// showed it, the table and column at fault, and the rowids (in RowsTable)
// of the first few, so they can be opened.
type DataProblem struct {
	Key       string // stable identifier: store.Find* or behaviour's Problem.Key
	Count     int
	Table     string
	Column    string
	RowsTable string
	Examples  []int64
	touch     bool
}

// ReturnRule says how returns were read ("returned_quantity",
// "return_flag", "negative_values"); "" without purchases.
func (b *Behaviour) ReturnRule() string {
	if b == nil || b.Source == nil {
		return ""
	}
	return b.Source.Returns.Key()
}

// RFMResult is the customers' RFM scores under some cut-offs, with the
// summaries the Behaviour screen and `pulpero rfm` show.
type RFMResult struct {
	Thresholds rfm.Thresholds
	// Frozen names the frozen cut-offs used; nil when they were fitted on
	// this data (they then follow the data).
	Frozen        *FrozenRFM
	Measures      rfm.Measures
	Scores        *rfm.Scores
	Grid          rfm.Grid
	Segments      rfm.SegmentSummary
	Concentration rfm.Concentration
	// ConcentrationErr says why there is no concentration curve (the
	// scored customers' net value is not positive).
	ConcentrationErr error
	Definitions      []rfm.Definition
	Err              error // why nobody could be scored
}

// TransactionCustomers describes customers made from the distinct keys of
// a transactions table: the key column, which line columns became
// customer attributes and which did not because they vary within
// customers.
type TransactionCustomers struct {
	Table      string
	Key        string
	Customers  int
	Attributes []TransactionAttribute
}

// TransactionAttribute is one descriptive column of a transactions table
// judged as a customer attribute.
type TransactionAttribute struct {
	Name    string
	Kept    bool
	Varying int // customers whose lines hold more than one value
}

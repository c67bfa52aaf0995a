package common

import (
	"context"

	"github.com/pulpero/pulpero/analysis"
)

// ExportRequest is a campaign as the Campaign screen sets it up, in the
// terms of `pulpero export`'s flags: main turns it into exactly those flags'
// values and runs the one export both share, so a list exported from the
// screen is the file the command would write.
type ExportRequest struct {
	Name             string   // campaign name: the control group is a hash of it
	Include, Exclude []string // saved segments; no Include: every customer
	Channels         []analysis.ChannelCost
	Value, Budget    float64
	ControlPercent   float64
	DefaultRate      float64
	Model            string // "rates" or "logistic"
	By               string // rates: the attribute rates are estimated by ("": generation when there is one)
	Uplift           bool   // count only the responses contact causes
	HistorySince     string // YYYY-MM-DD or ""
	FatigueDays      int
	Out              string // the list; the manifest goes beside it
	Rejected         string // "" for none
	Format           string // csv or jsonl
	Excel, Force     bool
}

// ExportResult says what was written.
type ExportResult struct {
	List, Manifest  string
	Target, Control int
	Warning         string // the list was written, but something else was not
}

// ExportFunc writes a campaign's list from the loaded session.
type ExportFunc func(ctx context.Context, s *Session, r ExportRequest) (ExportResult, error)

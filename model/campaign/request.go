package campaign

import (
	"path/filepath"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// Defaults of a campaign's setup.
const (
	DefaultControlPercent = 10   // share held out as the control group
	DefaultResponseRate   = 0.02 // assumed where there is no history
	DefaultPriorContacts  = 50   // shrinkage of group rates to the channel rate
)

// Response models a plan can use.
const (
	ModelRates    = "rates"    // response rates by group and channel, from past campaigns
	ModelLogistic = "logistic" // a logistic regression on the customers' attributes
)

// Request is a campaign as a person sets it up, on the Campaign screen or
// with `pulpero export`'s flags: who is targeted, on which channels at what
// cost, what a response is worth and how the response is estimated. It is
// the one typed form both faces build; nothing is spelled as flags and
// parsed back.
type Request struct {
	Name string // the campaign's name: the control group is a hash of it
	// Who: saved segments (their union) or one inline rule, or everyone
	// when both are empty; less the excluded segments and rule.
	Include      []string
	Where        string
	Exclude      []string
	ExcludeWhere string

	Channels       []ChannelCost
	Value          float64 // value of one response
	Budget         float64 // 0: no limit
	ControlPercent float64
	DefaultRate    float64 // for a channel with no history
	Prior          float64 // contacts of shrinkage towards the channel rate
	Model          string  // ModelRates or ModelLogistic
	By             string  // rates: the attribute rates are estimated by ("": generation when known)
	Uplift         bool    // count only the responses contact causes
	HistorySince   string  // YYYY-MM-DD: learn only from campaigns from that day on; "" all
	FatigueDays    int     // leave out customers contacted in the last N days

	// ValueFrom names a numeric attribute (clv, expected_value) whose
	// per-customer value is the value of that customer's response, so the
	// budget goes first to those worth most; customers without one are
	// worth Value. "": Value for everyone.
	ValueFrom string
}

// Everyone reports whether the request targets every customer.
func (r Request) Everyone() bool { return len(r.Include) == 0 && r.Where == "" }

// Check reports the first value a person has to correct, naming it as the
// command line does (the screen shows the same words).
func (r Request) Check() error {
	switch {
	case len(r.Include) > 0 && r.Where != "":
		return model.Say("give saved segments or a rule (--where), not both")
	case len(r.Channels) == 0:
		return model.Say("--channel: give at least one of email, sms, phone, post")
	case r.Value < 0 || (r.Value == 0 && r.ValueFrom == ""):
		return model.Say("--value: give the value of one response (> 0)")
	case r.ControlPercent < 0 || r.ControlPercent >= 100:
		return model.Say("--control %g: give a percentage from 0 to under 100", r.ControlPercent)
	case r.DefaultRate < 0 || r.DefaultRate > 1:
		return model.Say("--rate %g: give a rate from 0 to 1 (0.02 is 2%%)", r.DefaultRate)
	case r.Budget < 0 || r.FatigueDays < 0:
		return model.Say("--budget and --fatigue cannot be negative")
	case r.Model != ModelRates && r.Model != ModelLogistic:
		return model.Say("--model %q: use rates or logistic", r.Model)
	case r.Prior < 0:
		return model.Say("--prior %g: give a number of contacts (≥ 0)", r.Prior)
	}
	seen := map[Channel]bool{}
	for _, c := range r.Channels {
		if c.Channel < 0 || c.Channel >= NumChannels {
			return model.Say("--channel: unknown channel %d", c.Channel)
		}
		if seen[c.Channel] {
			return model.Say("--channel: %s is given twice", c.Channel)
		}
		seen[c.Channel] = true
		if !(c.Cost > 0) {
			return model.Say("--cost: give a positive number for %s", c.Channel)
		}
	}
	return nil
}

// CanonicalName is a campaign name as it is stored: trimmed, with inner
// runs of spaces made one.
func CanonicalName(name string) string { return strings.Join(strings.Fields(name), " ") }

// NameKey is what a campaign name is matched and hashed by: its canonical
// form, case-folded, so "Spring Sale", "spring sale" and " Spring  Sale"
// are one campaign with one control group.
func NameKey(name string) string { return strings.ToLower(CanonicalName(name)) }

// SameName reports whether two names are one campaign's.
func SameName(a, b string) bool { return NameKey(a) == NameKey(b) }

// DefaultNameWithoutList is a campaign's name when neither a name nor a
// list file is given (a dry run): the Campaign screen's default too.
const DefaultNameWithoutList = "campaign"

// Output formats of a list.
const (
	FormatCSV   = "csv"
	FormatJSONL = "jsonl"
)

// Languages of a CSV list's header line (--headers): English, the stable
// column names scripts read (the default), or Spanish, for people opening
// the list in a spreadsheet: Spanish headers, the values pulpero names in
// Spanish and numbers as --excel writes them; the customers are the same.
const (
	HeadersEnglish = "en"
	HeadersSpanish = "es"
)

// ExportRequest is a campaign request and where and how its list is written.
type ExportRequest struct {
	Request
	Out      string // the list; the manifest goes beside it
	Rejected string // "" for none
	Format   string // FormatCSV or FormatJSONL
	Excel    bool   // CSV for spreadsheets in comma-decimal locales
	Headers  string // the header line's language: HeadersEnglish ("" too) or HeadersSpanish
	Force    bool   // replace existing files
	DryRun   bool   // only count and plan; write nothing
	NoRecord bool   // do not record the campaign in the workspace
}

// Check adds the output's checks to the request's.
func (e ExportRequest) Check() error {
	if err := e.Request.Check(); err != nil {
		return err
	}
	switch {
	case e.Out == "" && !e.DryRun:
		return model.Say("--out FILE is required (or --dry-run to only count)")
	case e.Format != FormatCSV && e.Format != FormatJSONL:
		return model.Say("--format %q: use csv or jsonl", e.Format)
	case e.Excel && e.Format != FormatCSV:
		return model.Say("--excel applies to --format csv only")
	case e.Headers != "" && e.Headers != HeadersEnglish && e.Headers != HeadersSpanish:
		return model.Say("--headers %q: use en or es", e.Headers)
	case e.Headers == HeadersSpanish && e.Format != FormatCSV:
		return model.Say("--headers es applies to --format csv only: JSON lines keep their keys")
	}
	return nil
}

// ManifestPath is where the manifest of a list goes: LIST.manifest.json.
func ManifestPath(list string) string {
	return strings.TrimSuffix(list, filepath.Ext(list)) + ".manifest.json"
}

// DefaultName is a campaign's name when none is given: the list's file name
// without its extension.
func DefaultName(list string) string {
	return CanonicalName(strings.TrimSuffix(filepath.Base(list), filepath.Ext(list)))
}

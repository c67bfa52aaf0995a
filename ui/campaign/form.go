package campaign

import (
	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/ui/common"

	"fmt"
	"strconv"
	"strings"
	"time"
)

// field is one line of the setup form. Values are kept as typed; parse
// turns them into numbers when the plan is built, so a half-typed value is
// never half-applied.
type field struct {
	label string
	hint  string
	value string
}

// The form's fields, in screen order.
const (
	fInclude = iota
	fExclude
	fEmail
	fSMS
	fPhone
	fPost
	fValue
	fBudget
	fControl
	fFatigue
	fModel
	fBy
	fUplift
	fRate
	fSince
	fName
	fFile
	fFormat
	fRejected
	numFields
)

// channelField is the cost field of each channel.
var channelField = [campaign.NumChannels]int{campaign.ChannelEmail: fEmail, campaign.ChannelSMS: fSMS,
	campaign.ChannelPhone: fPhone, campaign.ChannelPost: fPost}

func newForm() []field {
	f := make([]field, numFields)
	f[fInclude] = field{"Include", "segments to target (none: every customer)", ""}
	f[fExclude] = field{"Exclude", "segments to leave out", ""}
	f[fEmail] = field{"E-mail cost", "cost of one contact; empty: not offered", "0.05"}
	f[fSMS] = field{"SMS cost", "cost of one contact; empty: not offered", ""}
	f[fPhone] = field{"Phone cost", "cost of one call; empty: not offered", ""}
	f[fPost] = field{"Post cost", "cost of one letter; empty: not offered", ""}
	f[fValue] = field{"Value", "value of one response, e.g. the average ticket; or clv: each customer's own (Value screen)", "40"}
	f[fBudget] = field{"Budget", "total to spend; 0: no limit", "0"}
	f[fControl] = field{"Control %", "share of the chosen held out to measure the effect", strconv.Itoa(campaign.DefaultControlPercent)}
	f[fFatigue] = field{"Fatigue days", "leave out customers contacted in the last N days", "0"}
	f[fModel] = field{"Model", "response model: rates (by generation) or logistic", "rates"}
	f[fBy] = field{"Rates by", "rates model: the attribute response rates are estimated by (enter: next)", "generation"}
	f[fUplift] = field{"Count", "all responses, or only the extra ones contact causes (uplift: treated − control)", "all"}
	f[fRate] = field{"Default rate %", "assumed response rate of a channel with no history", fmt.Sprint(100 * campaign.DefaultResponseRate)}
	f[fSince] = field{"History since", "learn only from campaigns on or after (YYYY-MM-DD)", ""}
	f[fName] = field{"Name", "campaign name, the control group's seed (empty: the file's name)", ""}
	f[fFile] = field{"List file", "the list to write; its manifest goes beside it", "campaign.csv"}
	f[fFormat] = field{"Format", "csv (UTF-8), excel (BOM, ';' and decimal commas) or jsonl", "csv"}
	f[fRejected] = field{"Rejected file", "also write who was left out and why (empty: no)", ""}
	return f
}

// setup is the form parsed: what a plan or an export needs.
type setup struct {
	include, exclude []string
	req              campaign.ExportRequest
}

// formError is a field that does not parse: which one (for the mark beside
// it) and what to type.
type formError struct {
	field int
	msg   string
}

func (e *formError) Error() string { return e.msg }

// bad is the error of field i.
func bad(i int, format string, a ...any) error {
	return &formError{field: i, msg: fmt.Sprintf(format, a...)}
}

// bound writes a limit as people read it: 1,000,000 and 99.99.
func bound(x float64) string {
	if x == float64(int(x)) {
		return common.Int(int(x))
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// parseForm reads the fields; the error (a *formError) names the field and
// says what to type, and the plan keeps its last good state meanwhile.
func parseForm(f []field, include, exclude []string) (setup, error) {
	s := setup{include: include, exclude: exclude}
	r := &s.req
	r.Include, r.Exclude = include, exclude
	r.Prior = campaign.DefaultPriorContacts
	num := func(i int, min, max float64) (float64, error) {
		v := strings.TrimSpace(strings.ReplaceAll(f[i].value, ",", "."))
		if v == "" {
			return 0, nil
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || x < min || x > max {
			return 0, bad(i, "%s: %q is not a number from %s to %s", f[i].label, f[i].value, bound(min), bound(max))
		}
		return x, nil
	}
	for ch, i := range channelField {
		c, err := num(i, 0, 1e6)
		if err != nil {
			return s, err
		}
		if c > 0 {
			r.Channels = append(r.Channels, campaign.ChannelCost{Channel: campaign.Channel(ch), Cost: c})
		}
	}
	if len(r.Channels) == 0 {
		return s, bad(fEmail, "give the cost of at least one channel (e-mail, SMS, phone or post)")
	}
	var err error
	if v := strings.TrimSpace(f[fValue].value); strings.EqualFold(v, "clv") || strings.EqualFold(v, "expected_value") {
		r.ValueFrom = strings.ToLower(v) // app.ValueAttributes: each customer's response is worth their own value
	} else if r.Value, err = num(fValue, 0, 1e9); err != nil {
		return s, err
	}
	if r.Value <= 0 && r.ValueFrom == "" {
		return s, bad(fValue, "Value: give the value of one response (> 0)")
	}
	if r.Budget, err = num(fBudget, 0, 1e12); err != nil {
		return s, err
	}
	if r.ControlPercent, err = num(fControl, 0, 99.99); err != nil {
		return s, err
	}
	days, err := num(fFatigue, 0, 36500)
	if err != nil {
		return s, err
	}
	r.FatigueDays = int(days)
	rate, err := num(fRate, 0, 100)
	if err != nil {
		return s, err
	}
	r.DefaultRate = rate / 100
	r.Model = strings.TrimSpace(f[fModel].value)
	if r.Model != "rates" && r.Model != "logistic" {
		return s, bad(fModel, "Model: rates or logistic")
	}
	r.Uplift = f[fUplift].value == "uplift"
	r.By = f[fBy].value
	r.HistorySince = strings.TrimSpace(f[fSince].value)
	if r.HistorySince != "" {
		if _, err := time.Parse(time.DateOnly, r.HistorySince); err != nil {
			return s, bad(fSince, "History since: give a date as YYYY-MM-DD")
		}
	}
	r.Name = strings.TrimSpace(f[fName].value)
	r.Out = strings.TrimSpace(f[fFile].value)
	r.Rejected = strings.TrimSpace(f[fRejected].value)
	switch f[fFormat].value {
	case "excel":
		r.Format, r.Excel = "csv", true
	case "jsonl":
		r.Format = "jsonl"
	default:
		r.Format = "csv"
	}
	return s, nil
}

package campaign

import (
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model/campaign"

	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// field is one line of the setup form. Values are kept as typed; parse
// turns them into numbers when the plan is built, so a half-typed value is
// never half-applied. The label and hint are English, the catalogue's keys:
// the screen says them in the user's language.
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

// newForm is the form with its defaults, numbers written with loc's
// decimal mark (0,05 in Spain).
func newForm(loc locale.Locale) []field {
	f := make([]field, numFields)
	f[fInclude] = field{lblInclude, hintInclude, ""}
	f[fExclude] = field{lblExclude, hintExclude, ""}
	f[fEmail] = field{lblEmail, hintContact, decimal(loc, "0.05")}
	f[fSMS] = field{lblSMS, hintContact, ""}
	f[fPhone] = field{lblPhone, hintPhone, ""}
	f[fPost] = field{lblPost, hintPost, ""}
	f[fValue] = field{lblValue, hintValue, "40"}
	f[fBudget] = field{lblBudget, hintBudget, "0"}
	f[fControl] = field{lblControl, hintControl, strconv.Itoa(campaign.DefaultControlPercent)}
	f[fFatigue] = field{lblFatigue, hintFatigue, "0"}
	f[fModel] = field{lblModel, hintModel, "rates"}
	f[fBy] = field{lblBy, hintBy, "generation"}
	f[fUplift] = field{lblUplift, hintUplift, "all"}
	f[fRate] = field{lblRate, hintRate, decimal(loc, fmt.Sprint(100*campaign.DefaultResponseRate))}
	f[fSince] = field{lblSince, hintSince, ""}
	f[fName] = field{lblName, hintName, ""}
	f[fFile] = field{lblFile, hintFile, "campaign.csv"}
	f[fFormat] = field{lblFormat, hintFormat, "csv"}
	f[fRejected] = field{lblRejected, hintReject, ""}
	return f
}

// setup is the form parsed: what a plan or an export needs.
type setup struct {
	include, exclude []string
	req              campaign.ExportRequest
}

// formError is a field that does not parse: which one (for the mark beside
// it) and what to type, in the user's language.
type formError struct {
	field int
	msg   string
}

func (e *formError) Error() string { return e.msg }

// bound writes a limit as people read it: 1,000,000 and 99.99 (1.000.000
// and 99,99 in Spain).
func bound(loc locale.Locale, x float64) string {
	if x == float64(int(x)) {
		return loc.Int(int(x))
	}
	return decimal(loc, strconv.FormatFloat(x, 'f', -1, 64))
}

// marks are loc's grouping and decimal marks, as the screens write
// numbers: ',' and '.' in English, '.' and ',' in Spain.
func marks(loc locale.Locale) (group, dec byte) {
	g, d := loc.Int(1000), loc.Number(0.5, 1) // 1,000 and 0.5
	if len(g) == 5 {
		group = g[1]
	}
	return group, d[1]
}

// decimal writes a number typed with a point with loc's mark.
func decimal(loc locale.Locale, s string) string {
	if _, dec := marks(loc); dec != '.' {
		return strings.Replace(s, ".", string(dec), 1)
	}
	return s
}

// grouped is a number written with thousands marks: 1.500 or 12,345.6.
var grouped = map[byte]*regexp.Regexp{
	',': regexp.MustCompile(`^[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]+)?$`),
	'.': regexp.MustCompile(`^[1-9][0-9]{0,2}(\.[0-9]{3})+(,[0-9]+)?$`),
}

// plainNumber is a typed number as strconv reads it. Either mark is taken
// for decimals (0,05 and 0.05 are the same cost); a number grouped the
// region's way (1.500 in Spain, 1,500 in English: loc's) is read with its
// thousands.
func plainNumber(loc locale.Locale, v string) string {
	if group, _ := marks(loc); grouped[group] != nil && grouped[group].MatchString(v) {
		v = strings.ReplaceAll(v, string(group), "")
	}
	return strings.ReplaceAll(v, ",", ".")
}

// parseForm reads the fields; the error (a *formError) names the field and
// says what to type, in loc's language, and the plan keeps its last good
// state meanwhile.
func parseForm(loc locale.Locale, f []field, include, exclude []string) (setup, error) {
	bad := func(i int, msg string) error { return &formError{field: i, msg: msg} }
	s := setup{include: include, exclude: exclude}
	r := &s.req
	r.Include, r.Exclude = include, exclude
	r.Prior = campaign.DefaultPriorContacts
	num := func(i int, min, max float64) (float64, error) {
		v := plainNumber(loc, strings.TrimSpace(f[i].value))
		if v == "" {
			return 0, nil
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || x < min || x > max {
			return 0, bad(i, loc.T("%s: %q is not a number from %s to %s", loc.Lookup(f[i].label), f[i].value, bound(loc, min), bound(loc, max)))
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
		return s, bad(fEmail, loc.T("give the cost of at least one channel (e-mail, SMS, phone or post)"))
	}
	var err error
	if v := strings.TrimSpace(f[fValue].value); strings.EqualFold(v, "clv") || strings.EqualFold(v, "expected_value") {
		r.ValueFrom = strings.ToLower(v) // app.ValueAttributes: each customer's response is worth their own value
	} else if r.Value, err = num(fValue, 0, 1e9); err != nil {
		return s, err
	}
	if r.Value <= 0 && r.ValueFrom == "" {
		return s, bad(fValue, loc.T("Value: give the value of one response (> 0)"))
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
		return s, bad(fModel, loc.T("Model: rates or logistic"))
	}
	r.Uplift = f[fUplift].value == "uplift"
	r.By = f[fBy].value
	r.HistorySince = strings.TrimSpace(f[fSince].value)
	if r.HistorySince != "" {
		d, err := time.Parse(time.DateOnly, r.HistorySince)
		if err != nil && loc.Lang == locale.Spanish {
			d, err = time.Parse("02/01/2006", r.HistorySince) // as the screen writes dates
		}
		if err != nil {
			return s, bad(fSince, loc.T("History since: give a date as YYYY-MM-DD"))
		}
		r.HistorySince = d.Format(time.DateOnly) // the request's dates are ISO
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

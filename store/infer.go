package store

import (
	"fmt"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

// ColumnProfile is what pulpero decided about one column: its kind (from the
// values, not only the declared type), its role and whether it is personal.
type ColumnProfile struct {
	Name      string
	DeclType  string
	Kind      model.Kind
	KindWhy   string
	Role      model.Role
	RoleWhy   string
	Personal  bool
	PK        bool            // declared the table's primary key
	DateOrder parse.DateOrder // how text dates in this column are read
	// OptOutName: the name says opt-out or bounce (unsubscribed, baja,
	// robinson, ...). Such a column without the role is not read as one, so
	// an export refuses to go on until the user says what it is.
	OptOutName bool
	// ConsentLike: a yes/no column named like consent that has no role
	// (another column has it): worth a word on the Roles and Campaign screens.
	ConsentLike bool
	// SampledText and SampledInts say whether the sample held text values
	// and whole numbers: they decide how the loader reads the column, and
	// outlive the sample in a snapshot.
	SampledText, SampledInts bool

	sample sampleStats
}

// sampleStats counts what a sample of a column's values looks like.
type sampleStats struct {
	n, nulls            int
	ints, floats, times int
	fractional          int // floats with a fraction
	strs                int
	strInts, strNums    int // strings that read as integers / any number
	strBools, strDates  int
	strDateTimes        int
	emailLike           int
	phoneLike           int
	personName          int
	withSpace           int
	distinct            map[string]struct{}
	seen                map[string]struct{} // every value of the sample, to find repeats
	repeats             int                 // values seen before in the sample
	minInt, maxInt      int64
	maxLen, totalLen    int
	orderVotes          [2]int // day-first, month-first evidence
}

const distinctCap = 2000

func newSampleStats() sampleStats {
	return sampleStats{distinct: map[string]struct{}{}, seen: map[string]struct{}{}, minInt: 1<<63 - 1, maxInt: -1 << 63}
}

// observe adds one value as the driver returned it.
func (s *sampleStats) observe(v any) {
	s.n++
	switch x := v.(type) {
	case nil:
		s.nulls++
		return
	case int64:
		s.ints++
		s.minInt, s.maxInt = min(s.minInt, x), max(s.maxInt, x)
		s.addDistinct(fmt.Sprint(x))
	case float64:
		s.floats++
		if x != float64(int64(x)) {
			s.fractional++
		} else {
			s.minInt, s.maxInt = min(s.minInt, int64(x)), max(s.maxInt, int64(x))
		}
		s.addDistinct(fmt.Sprint(x))
	case time.Time:
		s.times++
		s.addDistinct(x.String())
	case []byte:
		s.observeString(string(x))
	case string:
		s.observeString(x)
	case bool:
		s.ints++
		s.addDistinct(fmt.Sprint(x))
	}
}

func (s *sampleStats) observeString(x string) {
	x = strings.TrimSpace(x)
	if x == "" {
		s.nulls++
		return
	}
	s.strs++
	s.addDistinct(x)
	s.maxLen = max(s.maxLen, len(x))
	s.totalLen += len(x)
	if i, ok := parse.Integer(x, parse.DecimalPoint); ok {
		s.strInts++
		s.strNums++
		s.minInt, s.maxInt = min(s.minInt, i), max(s.maxInt, i)
	} else if _, ok := parse.Number(x, parse.DecimalPoint); ok {
		s.strNums++
	} else if _, ok := parse.Number(x, parse.DecimalComma); ok {
		s.strNums++
	}
	if _, ok := parse.Bool(x); ok {
		s.strBools++
	}
	if o, decided := parse.DateOrderEvidence(x); decided {
		s.orderVotes[o]++
	}
	if d, ok := parse.ParseDate(x, parse.DayFirst); ok {
		s.strDates++
		if d.HasTime {
			s.strDateTimes++
		}
	} else if d, ok := parse.ParseDate(x, parse.MonthFirst); ok {
		s.strDates++
		if d.HasTime {
			s.strDateTimes++
		}
	}
	if strings.IndexByte(x, ' ') >= 0 {
		s.withSpace++
	}
	if looksLikeEmail(x) {
		s.emailLike++
	}
	if looksLikePhone(x) {
		s.phoneLike++
	}
	if looksLikePersonName(x) {
		s.personName++
	}
}

func (s *sampleStats) addDistinct(k string) {
	if _, dup := s.seen[k]; dup {
		s.repeats++
	} else if len(s.seen) <= sampleRows {
		s.seen[k] = struct{}{}
	}
	if len(s.distinct) < distinctCap {
		s.distinct[k] = struct{}{}
	}
}

func (s *sampleStats) nonNull() int { return s.n - s.nulls }

// share is part/whole of the non-null values (0 when there are none).
func (s *sampleStats) share(part int) float64 {
	if s.nonNull() == 0 {
		return 0
	}
	return float64(part) / float64(s.nonNull())
}

// inferKind decides a column's kind from its sample; name breaks ties
// (an integer column called *_id is an identifier, not a number to average).
func inferKind(name string, s *sampleStats) (model.Kind, string) {
	nn := s.nonNull()
	norm := normalizeName(name)
	switch {
	case nn == 0:
		return model.KindText, "no values"
	case s.times == nn:
		return model.KindDateTime, "date-time values"
	case s.strs == 0 && s.times == 0: // all numbers
		if s.fractional > 0 {
			return model.KindReal, "numbers with fractions"
		}
		return integerKind(norm, s)
	case s.share(s.ints+s.floats+s.strNums) >= 0.98 && s.strDates < s.strs:
		// numbers, some written as text; the odd "n/a" is counted invalid at load
		if s.fractional > 0 || s.strInts < s.strNums {
			return model.KindReal, "numbers written as text"
		}
		return integerKind(norm, s)
	}
	// any spellings of yes and no ("yes", "no", "Y", "sí") make a yes/no
	// column, not only two distinct strings
	if s.share(s.strBools) >= 0.999 {
		return model.KindBoolean, "yes/no values"
	}
	if s.share(s.strDates) >= 0.95 {
		if s.strDateTimes > 0 {
			return model.KindDateTime, "text that reads as date-times"
		}
		return model.KindDate, "text that reads as dates"
	}
	d := len(s.distinct)
	if d < distinctCap && (d <= 50 || float64(d) <= 0.2*float64(nn)) {
		return model.KindCategorical, fmt.Sprintf("%d distinct values in a sample of %d", d, nn)
	}
	if idName(norm) || (s.maxLen <= 40 && s.share(s.withSpace) < 0.05 && float64(d) >= 0.95*float64(nn)) {
		return model.KindIdentifier, "short values, nearly all different"
	}
	return model.KindText, "free text"
}

func integerKind(norm string, s *sampleStats) (model.Kind, string) {
	if len(s.distinct) <= 2 && s.minInt >= 0 && s.maxInt <= 1 {
		return model.KindBoolean, "only 0 and 1"
	}
	if idName(norm) {
		return model.KindIdentifier, "whole numbers named like a key"
	}
	if dateName(norm) && s.minInt >= 19000101 && s.maxInt <= 21001231 {
		return model.KindDate, "yyyymmdd numbers named like a date"
	}
	if dateName(norm) && s.minInt >= 100_000_000 && s.maxInt <= 4_200_000_000 {
		return model.KindDateTime, "unix seconds named like a date"
	}
	return model.KindInteger, "whole numbers"
}

func idName(n string) bool {
	return n == "id" || strings.HasSuffix(n, "_id") || strings.HasPrefix(n, "id_") ||
		strings.HasSuffix(n, "_key") || strings.HasSuffix(n, "_uuid") || n == "uuid" ||
		nameMatches(n, roleNames[roleKeyCustomerID])
}

func dateName(n string) bool {
	for _, w := range strings.Split(n, "_") {
		switch w {
		case "date", "fecha", "time", "at", "ts", "timestamp", "dt", "day", "dia", "since", "desde":
			return true
		}
	}
	return false
}

func looksLikeEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-3 && strings.IndexByte(s[at:], '.') > 0 && !strings.ContainsAny(s, " ,;")
}

func looksLikePhone(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '+' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 15 && (strings.ContainsAny(s, " +-()") || s[0] == '0' || len(s) >= 9)
}

// looksLikePersonName: two to four capitalised words of letters.
func looksLikePersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if len(r) < 2 || !(r[0] >= 'A' && r[0] <= 'Z' || r[0] >= 'À' && r[0] <= 'Ý') {
			return false
		}
		for _, c := range r[1:] {
			if !(c >= 'a' && c <= 'z' || c >= 'à' && c <= 'ÿ' || c == '\'' || c == '-' || c == '.') {
				return false
			}
		}
	}
	return true
}

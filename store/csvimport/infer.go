package csvimport

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

// Candidate types a column may still be, as bits.
const (
	cIntPoint  = 1 << iota // integer with '.' as decimal mark ("17850.0", "1,234")
	cIntComma              // integer with ',' as decimal mark ("1.234")
	cRealPoint             // number with '.' as decimal mark
	cRealComma             // number with ',' as decimal mark
	cBool                  // yes/no, si/no, true/false, y/n, 1/0
	cDate                  // a date or date-time in a layout parse.ParseDate reads
	cAll       = cIntPoint | cIntComma | cRealPoint | cRealComma | cBool | cDate
)

const maxDistinct = 100 // a text column with at most this many values is categorical

// colStats gathers, value by value, what a column can be.
type colStats struct {
	cand       int
	nonNull    int64
	only01     bool
	hasTime    bool
	dateOnly   bool  // some date had no time of day
	dayFirst   int64 // values that prove day-first (13/01/2020)
	monthFirst int64 // values that prove month-first (01/13/2020)
	distinct   map[string]struct{}
	lastDate   string
	code       string // the first value that is a code, not a number ("0042")

	// For the note on a column that ends as text although most values fit a type.
	numeric, dates int64
	miss           string
	missLine       int
}

func newColStats() *colStats {
	return &colStats{cand: cAll, only01: true, distinct: map[string]struct{}{}}
}

// markVotes counts values that show which decimal mark the file uses.
type markVotes struct{ point, comma int64 }

// add looks at one trimmed, non-empty value on the given line.
func (c *colStats) add(s string, line int, votes *markVotes) {
	c.nonNull++
	if c.distinct != nil {
		if _, ok := c.distinct[s]; !ok {
			if len(c.distinct) >= maxDistinct {
				c.distinct = nil
			} else {
				c.distinct[strings.Clone(s)] = struct{}{}
			}
		}
	}
	if c.cand&cBool != 0 {
		if _, ok := parse.Bool(s); !ok {
			c.cand &^= cBool
		}
	}
	isNum := c.addNumber(s, votes)
	isDate := c.addDate(s)
	if isNum {
		c.numeric++
	}
	if isDate {
		c.dates++
	}
	if !isNum && !isDate && c.miss == "" {
		c.miss, c.missLine = strings.Clone(s), line
	}
}

// addNumber narrows the numeric candidates and reports whether s is a number.
func (c *colStats) addNumber(s string, votes *markVotes) bool {
	if digits, code := plainInteger(s); digits {
		if code {
			// "0042", "+34600123456": a code, not a number; storing 42 would lose it.
			c.cand &^= cIntPoint | cIntComma | cRealPoint | cRealComma
			if c.code == "" {
				c.code = strings.Clone(s)
			}
			return false
		}
		if s != "0" && s != "1" {
			c.only01 = false
		}
		return true
	}
	tryP, tryC := c.cand&(cIntPoint|cRealPoint) != 0, c.cand&(cIntComma|cRealComma) != 0
	if !tryP && !tryC {
		if c.numeric*10 < c.nonNull {
			return false // no longer worth the work, even for the note
		}
		tryP = true
	}
	c.only01 = false
	okP := tryP && c.number(s, parse.DecimalPoint, cIntPoint, cRealPoint)
	okC := tryC && c.number(s, parse.DecimalComma, cIntComma, cRealComma)
	if okP || okC {
		switch markEvidence(s) {
		case '.':
			votes.point++
		case ',':
			votes.comma++
		}
	}
	return okP || okC
}

// number reads s with one decimal mark and drops the candidates it rules out.
func (c *colStats) number(s string, mark parse.DecimalMark, intBit, realBit int) bool {
	v, ok := parse.Number(s, mark)
	if !ok {
		c.cand &^= intBit | realBit
		return false
	}
	// Whole numbers within float64's exact range are integers, as parse.Integer says.
	if v != float64(int64(v)) || v > 1<<53 || v < -(1<<53) {
		c.cand &^= intBit
	}
	return true
}

// addDate narrows the date candidate and reports whether s is a date.
func (c *colStats) addDate(s string) bool {
	if c.cand&cDate == 0 && c.dates*10 < c.nonNull {
		return false
	}
	if s == c.lastDate {
		return true // exports repeat the same timestamp on many lines
	}
	d, ok := parse.ParseDate(s, parse.DayFirst)
	if !ok {
		d, ok = parse.ParseDate(s, parse.MonthFirst)
	}
	if !ok {
		c.cand &^= cDate
		return false
	}
	if d.HasTime {
		c.hasTime = true
	} else {
		c.dateOnly = true
	}
	if order, decided := parse.DateOrderEvidence(s); decided {
		if order == parse.DayFirst {
			c.dayFirst++
		} else {
			c.monthFirst++
		}
	}
	c.lastDate = strings.Clone(s)
	return true
}

// plainInteger reports whether s is an optionally signed run of digits,
// and whether it looks like a code rather than a quantity: a leading zero
// ("0042"), more digits than an int64 holds, or a + before a phone-length
// number ("+34600123456").
func plainInteger(s string) (digits, code bool) {
	i := 0
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		i = 1
	}
	if i == len(s) {
		return false, false
	}
	for j := i; j < len(s); j++ {
		if s[j] < '0' || s[j] > '9' {
			return false, false
		}
	}
	n := len(s) - i
	return true, s[i] == '0' && n > 1 || n > 18 || s[0] == '+' && n >= 8
}

// markEvidence returns the decimal mark a number proves, or 0 when it is
// ambiguous ("1,234" could be either).
func markEvidence(s string) byte {
	p, c := strings.LastIndexByte(s, '.'), strings.LastIndexByte(s, ',')
	switch {
	case p >= 0 && c >= 0:
		if p > c {
			return '.'
		}
		return ','
	case p >= 0 && strings.Count(s, ".") == 1 && fracDigits(s[p+1:]) != 3:
		return '.'
	case c >= 0 && strings.Count(s, ",") == 1 && fracDigits(s[c+1:]) != 3:
		return ','
	}
	return 0
}

func fracDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// decide turns the gathered stats into a column's type and kind.
func (c *colStats) decide(col *column, mark parse.DecimalMark) {
	intBit, realBit := cIntPoint, cRealPoint
	if mark == parse.DecimalComma {
		intBit, realBit = cIntComma, cRealComma
	}
	conflict := c.dayFirst > 0 && c.monthFirst > 0
	col.order = parse.DayFirst
	if c.monthFirst > 0 {
		col.order = parse.MonthFirst
	}
	dateType := tDate
	if c.hasTime {
		dateType = tDateTime
	}
	switch {
	case c.nonNull == 0:
		col.typ, col.kind = tText, model.KindText
	case c.cand&cDate != 0 && c.cand&intBit != 0 && !conflict:
		col.typ, col.kind = dateType, kindOf(dateType) // yyyymmdd: every value a valid date
	case c.cand&intBit != 0:
		col.typ, col.kind = tInteger, model.KindInteger
		if c.only01 {
			col.kind = model.KindBoolean
		}
	case c.cand&cBool != 0:
		col.typ, col.kind = tBool, model.KindBoolean
	case c.cand&realBit != 0:
		col.typ, col.kind = tReal, model.KindReal
	case c.cand&cDate != 0 && !conflict:
		col.typ, col.kind = dateType, kindOf(dateType)
	default:
		col.typ, col.kind = tText, model.KindText
		if c.distinct != nil && int64(len(c.distinct))*4 <= c.nonNull {
			col.kind = model.KindCategorical
		}
		col.note = c.textNote(conflict)
	}
}

func kindOf(t colType) model.Kind {
	if t == tDateTime {
		return model.KindDateTime
	}
	return model.KindDate
}

// textNote explains a text column whose values nearly all fit a type.
func (c *colStats) textNote(conflict bool) model.Sentence {
	line := strconv.Itoa(int(c.missLine))
	switch {
	case conflict:
		return model.Say(msgDatesBothOrders)
	case c.code != "":
		return model.Say(msgCodesKept, clipValue(c.code))
	case c.miss == "":
		return model.Sentence{}
	case c.numeric*10 >= c.nonNull*9:
		return model.Say(msgMostlyNumbers, int64(c.numeric), int64(c.nonNull), line, clipValue(c.miss))
	case c.dates*10 >= c.nonNull*9:
		return model.Say(msgMostlyDates, int64(c.dates), int64(c.nonNull), line, clipValue(c.miss))
	}
	return model.Sentence{}
}

// english is a sentence as the result's text fields hold it: its int64
// arguments (%d, counts) grouped with commas by count, as they always were;
// the Sentence fields keep the numbers, for a face to write them in the
// reader's format.
func english(s model.Sentence) string {
	if s.Format == "" {
		return ""
	}
	shown := make([]any, len(s.Args))
	for i, a := range s.Args {
		if n, ok := a.(int64); ok {
			a = count(n)
		}
		shown[i] = a
	}
	return fmt.Sprintf(strings.ReplaceAll(s.Format, "%d", "%s"), shown...)
}

// count writes n with thousands separators, for notes people read.
func count(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// clipValue shortens a value quoted in a message.
func clipValue(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

package analysis

import (
	"math"
	"strconv"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// dayOf reads a date literal of the language: "2024-01-31", as a day
// number (days since 1970-01-01, as the loader stores dates).
func dayOf(s string) (int64, bool) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, false
	}
	return epochDay(t), true
}

func epochDay(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// RelativeDays returns the inclusive range of days that a relative date
// rule covers on the reference day asOf:
//
//	in the last N days    (asOf−N, asOf]: today and the N−1 days before
//	in the last N weeks   (asOf−7N, asOf]
//	in the last N months  (asOf minus N calendar months, asOf]
//	in the last N years   (asOf minus N calendar years, asOf]
//	in this week          Monday to Sunday of asOf's week
//	in this month / year  the calendar month / year of asOf
//
// Dates after asOf are not "in the last" anything. ok is false for a
// condition that is not relative.
func RelativeDays(c *segment.Condition, asOf time.Time) (from, to int64, ok bool) {
	today := epochDay(asOf)
	y, m, d := asOf.UTC().Date()
	switch c.Op {
	case segment.OpInLast:
		if len(c.Values) == 0 {
			return 0, 0, false
		}
		n, err := strconv.Atoi(c.Values[0].Text)
		if err != nil || n < 1 || n > 100000 {
			return 0, 0, false
		}
		var start time.Time
		switch c.Unit {
		case "day":
			start = asOf.AddDate(0, 0, -n)
		case "week":
			start = asOf.AddDate(0, 0, -7*n)
		case "month":
			start = time.Date(y, m-time.Month(n), d, 0, 0, 0, 0, time.UTC)
		case "year":
			start = time.Date(y-n, m, d, 0, 0, 0, 0, time.UTC)
		default:
			return 0, 0, false
		}
		return epochDay(start) + 1, today, true
	case segment.OpThis:
		switch c.Unit {
		case "week":
			back := (int(asOf.Weekday()) + 6) % 7 // days since Monday
			return today - int64(back), today - int64(back) + 6, true
		case "month":
			first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
			return epochDay(first), epochDay(first.AddDate(0, 1, -1)), true
		case "year":
			return epochDay(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)), epochDay(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)), true
		}
	}
	return 0, 0, false
}

// bindDate compares dates by calendar day. Date-time columns (unix seconds)
// are compared by the day of their instant, so `= "2024-01-31"` means any
// time that day.
func (e *Evaluator) bindDate(c *segment.Condition, x *model.NumberColumn) (func() model.Bitset, error) {
	conv := func(v float64) float64 { return v }
	if x.Kind == model.KindDateTime {
		conv = func(v float64) float64 { return math.Floor(v / 86400) }
	}
	rangeRows := func(from, to int64) func() model.Bitset {
		lo, hi := float64(from), float64(to)
		if x.Kind == model.KindDate {
			return func() model.Bitset { return NumberBetween(x, lo, hi) }
		}
		return func() model.Bitset {
			return segNumberRows(x, func(v float64) bool { d := conv(v); return d >= lo && d <= hi })
		}
	}
	if c.Op == segment.OpInLast || c.Op == segment.OpThis {
		from, to, ok := RelativeDays(c, e.AsOf)
		if !ok {
			return nil, &segment.Error{Pos: c.Pos, Msg: model.Say(MsgRelativeDate)}
		}
		return rangeRows(from, to), nil
	}
	days := make([]float64, len(c.Values))
	for i, v := range c.Values {
		d, ok := dayOf(v.Text)
		if !ok {
			return nil, &segment.Error{Pos: v.Pos, Msg: model.Say(MsgDateValue, c.Attribute, segment.Literal(v))}
		}
		days[i] = float64(d)
	}
	switch c.Op {
	case segment.OpEq, segment.OpNe, segment.OpLt, segment.OpLe, segment.OpGt, segment.OpGe, segment.OpBefore, segment.OpAfter:
		op, d := compareOf(c.Op), days[0]
		if x.Kind == model.KindDate {
			return func() model.Bitset { return NumberCompare(x, op, d) }, nil
		}
		return func() model.Bitset { return segNumberRows(x, func(v float64) bool { return compare(op, conv(v), d) }) }, nil
	case segment.OpBetween:
		return rangeRows(int64(days[0]), int64(days[1])), nil
	case segment.OpIn, segment.OpNotIn:
		return func() model.Bitset { return numberIn(x, days, c.Op == segment.OpNotIn, conv) }, nil
	}
	return nil, wrongOp(c, MsgHoldsDates, MsgUseDate)
}

func compare(op CompareOp, a, b float64) bool {
	switch op {
	case OpEq:
		return a == b
	case OpNe:
		return a != b
	case OpLt:
		return a < b
	case OpLe:
		return a <= b
	case OpGt:
		return a > b
	}
	return a >= b
}

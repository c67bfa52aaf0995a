package segment

import "strconv"

// Helpers for screens that turn a selection into a condition (Explore's
// bars and histogram ranges), so that names and values are always quoted as
// the parser expects.

// OneOf writes `attr = "v"` for one value or `attr in ("a", "b")` for several.
func OneOf(attr string, values ...string) string {
	return Print(oneOf(attr, values))
}

func oneOf(attr string, values []string) *Condition {
	c := &Condition{Attribute: attr, Op: OpIn}
	if len(values) == 1 {
		c.Op = OpEq
	}
	for _, v := range values {
		c.Values = append(c.Values, Value{Text: v})
	}
	return c
}

// NumberBetween writes `attr between lo and hi` (both ends included).
func NumberBetween(attr string, lo, hi float64) string {
	num := func(f float64) Value { return Value{Text: strconv.FormatFloat(f, 'f', -1, 64), Number: true} }
	return Print(&Condition{Attribute: attr, Op: OpBetween, Values: []Value{num(lo), num(hi)}})
}

// DateBetween writes `attr between "2024-01-01" and "2024-03-31"` from ISO days.
func DateBetween(attr, from, to string) string {
	return Print(&Condition{Attribute: attr, Op: OpBetween, Values: []Value{{Text: from}, {Text: to}}})
}

// IsEmpty writes `attr is empty` (the bar of missing values).
func IsEmpty(attr string) string { return Print(&Condition{Attribute: attr, Op: OpEmpty}) }

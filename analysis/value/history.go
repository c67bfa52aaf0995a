package value

import (
	"cmp"
	"slices"
)

// history holds every customer's purchase days, sorted and distinct, with
// each day's value: customer i's days are day[off[i]:off[i+1]].
//
// A purchase day is a day on which the customer has at least one line with
// a non-negative amount; its value is the sum of all that day's amounts
// (returns on the same day included). A day with only negative lines is a
// return, not a purchase: it is left out and counted in returnOnlyDays.
// Zero amounts count as purchases (the CDNOW data has $0.00 purchases and
// the literature keeps them).
type history struct {
	off            []int
	day            []int32
	val            []float64
	minDay, maxDay int32 // over purchase days; valid when len(day) > 0
	unknownLines   int   // lines with customer -1
	returnOnlyDays int
}

type dayAmount struct {
	day int32
	amt float64
}

// collect builds the history of customers 0..customers-1 from p, which must
// have passed p.check. It is a counting sort by customer followed by a
// stable sort of each customer's lines by day, so sums of a day's amounts
// are taken in input order and the result is deterministic.
func collect(p Purchases, customers int) history {
	h := history{off: make([]int, customers+1)}
	for _, c := range p.Customer {
		if c < 0 {
			h.unknownLines++
			continue
		}
		h.off[c+1]++
	}
	for i := 1; i <= customers; i++ {
		h.off[i] += h.off[i-1]
	}
	lines := make([]dayAmount, h.off[customers])
	next := make([]int, customers)
	copy(next, h.off[:customers])
	for i, c := range p.Customer {
		if c < 0 {
			continue
		}
		lines[next[c]] = dayAmount{p.Day[i], p.Amount[i]}
		next[c]++
	}
	next = nil
	h.day = make([]int32, 0, len(lines))
	h.val = make([]float64, 0, len(lines))
	first := true
	for c := 0; c < customers; c++ {
		seg := lines[h.off[c]:h.off[c+1]]
		sortByDay(seg)
		h.off[c] = len(h.day)
		for j := 0; j < len(seg); {
			d := seg[j].day
			sum, purchase := 0.0, false
			for ; j < len(seg) && seg[j].day == d; j++ {
				sum += seg[j].amt
				purchase = purchase || seg[j].amt >= 0
			}
			if !purchase {
				h.returnOnlyDays++
				continue
			}
			h.day = append(h.day, d)
			h.val = append(h.val, sum)
			if first || d < h.minDay {
				h.minDay = d
			}
			if first || d > h.maxDay {
				h.maxDay = d
			}
			first = false
		}
	}
	h.off[customers] = len(h.day)
	return h
}

// sortByDay sorts a customer's lines by day, stably: insertion sort for the
// usual handful of lines, the library's stable sort otherwise.
func sortByDay(s []dayAmount) {
	if len(s) > 24 {
		slices.SortStableFunc(s, func(a, b dayAmount) int { return cmp.Compare(a.day, b.day) })
		return
	}
	for i := 1; i < len(s); i++ {
		v := s[i]
		j := i
		for ; j > 0 && s[j-1].day > v.day; j-- {
			s[j] = s[j-1]
		}
		s[j] = v
	}
}

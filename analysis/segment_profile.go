package analysis

import (
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/pulpero/pulpero/model"
)

// ProfileBucket is one value (or range of values) of an attribute: how
// many of the segment and of everyone have it, as counts and shares, and the
// index: segment share ÷ overall share (1 = as common as in everyone, 2 =
// twice as common, 0.5 = half).
type ProfileBucket struct {
	Label                      string
	Segment, Overall           int
	SegmentShare, OverallShare float64
	Index                      float64 // NaN when nobody overall has the value

	// Of says what the bucket holds, and Lo and Hi are a range's bounds,
	// for a face that writes the label in its user's language and number
	// format (Label is written in English, as files and JSON keep it): a
	// range is (Lo, Hi], Lo NaN for "≤ Hi", Hi NaN for "> Lo"; a date
	// column's bounds are its values (days, or seconds for date-times).
	Of     BucketOf `json:"-"`
	Lo, Hi float64  `json:"-"`
}

// BucketOf is what a profile bucket holds.
type BucketOf uint8

const (
	BucketValue BucketOf = iota // one value of a category or yes/no attribute: Label is the value
	BucketRange                 // a range of a number or date: Lo, Hi
	BucketOther                 // the rarer values of a category, summed ("other")
	BucketEmpty                 // the customers with no value ("(empty)")
)

// AttributeProfile compares the segment with everyone on one attribute.
// Distance is the total-variation distance between the two distributions,
// ½·Σ|segment share − overall share| over the buckets (empty values being a
// bucket of their own): the share of the segment that would have to change
// bucket to look like everyone. It lies in [0, 1] and is what attributes are
// ranked by. It was chosen over max |index − 1| because an index is unstable
// on rare values (one customer in a 0.1% bucket gives a huge index) while the
// distance weighs every bucket by how many customers it holds.
type AttributeProfile struct {
	Attribute string
	Kind      model.Kind
	Buckets   []ProfileBucket
	Distance  float64
}

// maxBuckets is how many values of a categorical a profile shows; the rest
// are summed into "other" (the distance still uses every value).
const maxBuckets = 12

// ProfileBase holds what a profile needs of everyone: the buckets of every
// attribute and their overall counts, computed once per dataset so that a
// profile only counts the segment's rows.
type ProfileBase struct {
	rows  int
	attrs []baseAttr
}

type baseAttr struct {
	col     model.Column
	labels  []string // by bucket; the last is "(empty)"
	overall []int
	codes   []int32 // coded columns: the column's own codes
	bucket  []uint8 // number columns: each row's bucket
	cuts    []float64
}

// NewProfileBase buckets every attribute of ds that can be profiled:
// categoricals and booleans by value, numbers and dates by the quintiles of
// everyone's values. Identifiers and free text are left out.
func NewProfileBase(ds *model.Dataset) *ProfileBase {
	b := &ProfileBase{rows: ds.Rows()}
	for _, c := range ds.Columns {
		switch x := c.(type) {
		case *model.CodedColumn:
			a := baseAttr{col: c, codes: x.Codes, labels: append(append([]string(nil), x.Dict...), "(empty)")}
			counts := CodeCounts(x, nil) // index 0 is nulls
			a.overall = append(append([]int(nil), counts[1:]...), counts[0])
			b.attrs = append(b.attrs, a)
		case *model.NumberColumn:
			if x.Kind == model.KindIdentifier {
				continue
			}
			b.attrs = append(b.attrs, numberBuckets(x))
		}
	}
	return b
}

// numberBuckets cuts a number column at its quintiles (fewer cuts when
// values repeat): buckets ≤c1, (c1,c2], …, >ck, then empty.
func numberBuckets(x *model.NumberColumn) baseAttr {
	var vals []float64
	for i, v := range x.Values {
		if !x.Nulls.Has(i) {
			vals = append(vals, v)
		}
	}
	var cuts []float64
	if len(vals) > 0 {
		for _, q := range Quantiles(vals, []float64{0.2, 0.4, 0.6, 0.8}) {
			if len(cuts) == 0 || q > cuts[len(cuts)-1] {
				cuts = append(cuts, q)
			}
		}
	}
	a := baseAttr{col: x, bucket: make([]uint8, len(x.Values)), cuts: cuts}
	for k := range len(cuts) + 1 {
		if len(cuts) == 0 {
			break // no values at all: only the empty bucket
		}
		switch {
		case k == 0:
			a.labels = append(a.labels, "≤ "+segFormat(x.Kind, cuts[0]))
		case k == len(cuts):
			a.labels = append(a.labels, "> "+segFormat(x.Kind, cuts[k-1]))
		default:
			a.labels = append(a.labels, segFormat(x.Kind, cuts[k-1])+" – "+segFormat(x.Kind, cuts[k]))
		}
	}
	empty := uint8(len(a.labels))
	a.labels = append(a.labels, "(empty)")
	a.overall = make([]int, len(a.labels))
	for i, v := range x.Values {
		k := empty
		if !x.Nulls.Has(i) {
			k = uint8(sort.SearchFloat64s(cuts, v)) // first cut ≥ v: buckets are (c[k-1], c[k]]
		}
		a.bucket[i] = k
		a.overall[k]++
	}
	return a
}

// segFormat writes a bucket edge: dates as dates, numbers briefly.
func segFormat(k model.Kind, v float64) string {
	switch k {
	case model.KindDate:
		return time.Unix(int64(v)*86400, 0).UTC().Format("2006-01-02")
	case model.KindDateTime:
		return time.Unix(int64(v), 0).UTC().Format("2006-01-02")
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// Profile compares seg with everyone on every attribute, the attributes
// that set the segment apart most first.
func (b *ProfileBase) Profile(seg model.Bitset) []AttributeProfile {
	size := seg.Count()
	out := make([]AttributeProfile, 0, len(b.attrs))
	for _, a := range b.attrs {
		counts := make([]int, len(a.labels))
		if a.codes != nil {
			empty := int32(len(a.labels) - 1)
			seg.ForEach(func(i int) {
				if k := a.codes[i]; k >= 0 {
					counts[k]++
				} else {
					counts[empty]++
				}
			})
		} else {
			seg.ForEach(func(i int) { counts[a.bucket[i]]++ })
		}
		out = append(out, profileOf(a, counts, size, b.rows))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Distance > out[j].Distance })
	return out
}

func profileOf(a baseAttr, counts []int, size, rows int) AttributeProfile {
	p := AttributeProfile{Attribute: a.col.Meta().Name, Kind: a.col.Meta().Kind}
	share := func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return float64(n) / float64(of)
	}
	var buckets []ProfileBucket
	for k, label := range a.labels {
		s, o := share(counts[k], size), share(a.overall[k], rows)
		p.Distance += math.Abs(s-o) / 2
		if a.overall[k] == 0 {
			continue // a dictionary value nobody has, or no empties
		}
		b := ProfileBucket{Label: label, Segment: counts[k], Overall: a.overall[k],
			SegmentShare: s, OverallShare: o, Index: s / o, Lo: math.NaN(), Hi: math.NaN()}
		switch {
		case k == len(a.labels)-1:
			b.Of = BucketEmpty
		case a.codes == nil:
			b.Of = BucketRange
			if k > 0 {
				b.Lo = a.cuts[k-1]
			}
			if k < len(a.cuts) {
				b.Hi = a.cuts[k]
			}
		}
		buckets = append(buckets, b)
	}
	if size == 0 {
		p.Distance = 0
	}
	if a.codes != nil && len(buckets) > maxBuckets {
		// keep the most common values overall; sum the rest as "other"
		sort.SliceStable(buckets, func(i, j int) bool { return buckets[i].Overall > buckets[j].Overall })
		other := ProfileBucket{Label: "other", Of: BucketOther, Lo: math.NaN(), Hi: math.NaN()}
		for _, x := range buckets[maxBuckets-1:] {
			other.Segment += x.Segment
			other.Overall += x.Overall
		}
		other.SegmentShare, other.OverallShare = share(other.Segment, size), share(other.Overall, rows)
		other.Index = other.SegmentShare / other.OverallShare
		buckets = append(buckets[:maxBuckets-1], other)
	}
	p.Buckets = buckets
	return p
}

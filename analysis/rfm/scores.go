package rfm

import (
	"fmt"
	"strconv"

	"github.com/pulpero/pulpero/model"
)

// Scores are the customers' scores and segments under some Thresholds.
type Scores struct {
	R, F, M []int8  // 1..bins; 0 = not scored
	Segment []int16 // index into the table's rules, len(Rules) = Others; -1 = not scored
	Scored  int     // customers scored
}

// Apply scores every row of m with frozen (or just fitted) thresholds.
// Values beyond the fitted range fall in the first or last bin. Rows
// that are Missing or have a measure not finite get no score.
func Apply(t Thresholds, m Measures) (*Scores, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	if err := m.validate(); err != nil {
		return nil, err
	}
	n := m.Len()
	s := &Scores{R: make([]int8, n), F: make([]int8, n), M: make([]int8, n), Segment: make([]int16, n)}
	for i := range n {
		if !m.scored(i) {
			s.Segment[i] = -1
			continue
		}
		r, f, mo := t.Scores(m.Recency[i], m.Frequency[i], m.Monetary[i])
		s.R[i], s.F[i], s.M[i] = int8(r), int8(f), int8(mo)
		s.Segment[i] = int16(t.Segments.Assign(r, f, mo))
		s.Scored++
	}
	return s, nil
}

// Score fits thresholds on m and applies them: unfrozen scoring.
func Score(m Measures, opt Options) (*Scores, Thresholds, error) {
	t, err := Fit(m, opt)
	if err != nil {
		return nil, t, err
	}
	s, err := Apply(t, m)
	return s, t, err
}

// Columns returns the scores as derived columns, one row per customer:
// r_score, f_score, m_score (integers), rfm_score (100r + 10f + m, as R's),
// rfm_cell (the three digits as text, a categorical column whose dictionary
// is every cell from "111" up, so it does not depend on the data) and
// rfm_segment (categorical: the table's names, then Others). Unscored rows
// are NULL in all of them.
func (s *Scores) Columns(t Thresholds) []model.Column {
	n := len(s.R)
	mk := func(name, note string) *model.NumberColumn {
		return model.NewNumberColumn(model.ColumnMeta{Name: name, Kind: model.KindInteger, Derived: true, Note: note}, n)
	}
	r := mk(ColR, fmt.Sprintf(NoteR, t.Recency.Bins))
	f := mk(ColF, fmt.Sprintf(NoteF, t.Frequency.Bins))
	m := mk(ColM, fmt.Sprintf(NoteM, t.Monetary.Bins))
	score := mk(ColScore, NoteScore)
	cell := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: ColCell, Kind: model.KindCategorical, Derived: true, Note: NoteCell},
		Codes: make([]int32, n), Dict: cellDict(t)}
	seg := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: ColSegment, Kind: model.KindCategorical, Derived: true,
		Note: fmt.Sprintf(NoteSegment, t.Segments.Name)}, Codes: make([]int32, n), Dict: t.Segments.Names()}
	fb, mb := int32(t.Frequency.Bins), int32(t.Monetary.Bins)
	for i := range n {
		if s.R[i] == 0 {
			cell.Codes[i], seg.Codes[i] = -1, -1
			continue
		}
		ri, fi, mi := int32(s.R[i]), int32(s.F[i]), int32(s.M[i])
		r.SetValue(i, float64(ri))
		f.SetValue(i, float64(fi))
		m.SetValue(i, float64(mi))
		score.SetValue(i, float64(100*ri+10*fi+mi))
		cell.Codes[i] = ((ri-1)*fb+fi-1)*mb + mi - 1
		seg.Codes[i] = int32(s.Segment[i])
	}
	return []model.Column{r, f, m, score, cell, seg}
}

// cellDict lists "111", "112", ... up to the bins of t, in that order.
func cellDict(t Thresholds) []string {
	var out []string
	for r := 1; r <= t.Recency.Bins; r++ {
		for f := 1; f <= t.Frequency.Bins; f++ {
			for m := 1; m <= t.Monetary.Bins; m++ {
				out = append(out, strconv.Itoa(r)+strconv.Itoa(f)+strconv.Itoa(m))
			}
		}
	}
	return out
}

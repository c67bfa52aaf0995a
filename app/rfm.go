package app

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/analysis/rfm"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// concentrationPoints is the resolution of the revenue concentration
// curve: one point per percent of customers.
const concentrationPoints = 100

// scoreRFM scores the customers of res with frozen cut-offs (opt.Frozen)
// or cut-offs fitted on them, and summarises the scores. A failure is
// kept in RFMResult.Err: behaviour stands without RFM.
func (d *Database) scoreRFM(ctx context.Context, res *behaviour.Result, opt BehaviourOptions, table string, a int32) (*RFMResult, []model.Column) {
	out := &RFMResult{}
	m, err := rfm.FromColumns(res.Column(behaviour.ColRecencyDays), res.Column(behaviour.ColFrequency), res.Column(behaviour.ColMonetary))
	if err != nil {
		out.Err = err
		return out, nil
	}
	out.Measures = m
	if opt.Frozen != "" && opt.Frozen != "-" {
		f, th, err := d.frozen(ctx, opt.Frozen)
		if err != nil {
			out.Err = err
			return out, nil
		}
		out.Frozen, out.Thresholds = &f, th
	} else {
		segs, err := segmentTable(opt.Segments)
		if err != nil {
			out.Err = err
			return out, nil
		}
		if out.Thresholds, err = rfm.Fit(m, rfm.Options{AnalysisDay: a, Segments: &segs}); err != nil {
			out.Err = err
			return out, nil
		}
	}
	if out.Scores, err = rfm.Apply(out.Thresholds, m); err != nil {
		out.Err = err
		return out, nil
	}
	if out.Scores.Scored == 0 {
		out.Err = fmt.Errorf("rfm: no customer has a purchase on or before the analysis date: there is nothing to score")
		return out, nil
	}
	out.Grid, _ = rfm.RFGrid(out.Thresholds, out.Scores, m)
	out.Segments, _ = rfm.Summarize(out.Thresholds, out.Scores, m)
	out.Concentration, out.ConcentrationErr = rfm.RevenueConcentration(m, concentrationPoints)
	out.Definitions = out.Thresholds.Segments.Definitions()
	return out, out.Scores.Columns(out.Thresholds)
}

// frozen reads frozen cut-offs by "NAME" or "NAME@V".
func (d *Database) frozen(ctx context.Context, ref string) (FrozenRFM, rfm.Thresholds, error) {
	var th rfm.Thresholds
	name, v, err := frozenRef(ref)
	if err != nil {
		return FrozenRFM{}, th, err
	}
	if d.ws == nil {
		return FrozenRFM{}, th, ErrNoWorkspace
	}
	f, err := d.ws.FrozenRFMVersion(ctx, name, v)
	if err != nil {
		return f, th, err
	}
	if err := json.Unmarshal([]byte(f.Thresholds), &th); err != nil {
		return f, th, fmt.Errorf(errFrozenJSON, f.Name, f.Version, err)
	}
	if err := th.Validate(); err != nil {
		return f, th, fmt.Errorf(errFrozenJSON, f.Name, f.Version, err)
	}
	return f, th, nil
}

// FrozenRFMs lists the frozen cut-offs saved for this database, newest
// first.
func (d *Database) FrozenRFMs(ctx context.Context) ([]FrozenRFM, error) {
	if d.ws == nil {
		return nil, nil
	}
	return d.ws.FrozenRFMs(ctx)
}

// FreezeRFM saves the session's RFM cut-offs, segment table and analysis
// date as the next version of name, and makes this database score with
// them from now on (the setting rfm.frozen), so scores of later data are
// comparable. now is the caller's clock.
func (s *Session) FreezeRFM(ctx context.Context, name string, now time.Time) (FrozenRFM, error) {
	b := s.Behaviour
	if b == nil || b.RFM == nil || b.RFM.Scores == nil {
		err := fmt.Errorf("rfm: there are no scores to freeze")
		if b != nil && b.Err != nil {
			err = fmt.Errorf(errNoBehaviour, b.Err)
		} else if b != nil && b.RFM != nil && b.RFM.Err != nil {
			err = b.RFM.Err
		}
		return FrozenRFM{}, err
	}
	if s.DB.ws == nil {
		return FrozenRFM{}, ErrNoWorkspace
	}
	js, err := json.Marshal(b.RFM.Thresholds)
	if err != nil {
		return FrozenRFM{}, err
	}
	f := store.FrozenRFM{Name: name, FrozenAt: now, Table: s.Table.Name, AnalysisDate: b.AnalysisDate.Format(time.DateOnly),
		Customers: b.RFM.Thresholds.Customers, Thresholds: string(js)}
	if f.Version, err = s.DB.ws.FreezeRFM(ctx, f); err != nil {
		return f, err
	}
	saved, err := s.DB.BehaviourSettings(ctx)
	if err != nil {
		return f, err
	}
	saved.Frozen = f.Name
	return f, s.DB.SetBehaviourSettings(ctx, saved)
}

// agesAsOf recomputes the attributes derived from the customer table that
// depend on the date (age, generation, tenure_days) as of at, for data
// whose analysis date is in the past: a 2011 data set does not age its
// customers to today.
func agesAsOf(ds *model.Dataset, at time.Time) []model.Column {
	tmp := &model.Dataset{Table: ds.Table, RowIDs: ds.RowIDs}
	for _, c := range ds.Columns {
		if !c.Meta().Derived {
			tmp.Columns = append(tmp.Columns, c)
		}
	}
	analysis.Derive(tmp, at)
	var out []model.Column
	for _, name := range []string{"age", "generation", "tenure_days"} {
		if c := tmp.Column(name); c != nil {
			c.Meta().Note = fmt.Sprintf(NoteAgesAsOf, at.Format(time.DateOnly)) + c.Meta().Note
			out = append(out, c)
		}
	}
	return out
}

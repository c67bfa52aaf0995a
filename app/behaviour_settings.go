package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis/rfm"
	"github.com/pulpero/pulpero/model"
)

// BehaviourSettings returns the behaviour options saved for this database
// (the Behaviour screen saves them; Load uses them when a request leaves a
// field empty).
func (d *Database) BehaviourSettings(ctx context.Context) (BehaviourOptions, error) {
	var o BehaviourOptions
	if d == nil || d.ws == nil {
		return o, nil
	}
	if v, ok, err := d.ws.Setting(ctx, settingAsOf); err != nil {
		return o, err
	} else if ok {
		o.AnalysisDate, _ = ParseDay(v) // a bad saved value falls back to the default
	}
	if v, ok, err := d.ws.Setting(ctx, settingSegments); err != nil {
		return o, err
	} else if ok {
		o.Segments = v
	}
	if v, ok, err := d.ws.Setting(ctx, settingFrozen); err != nil {
		return o, err
	} else if ok {
		o.Frozen = v
	}
	return o, nil
}

// SetBehaviourSettings saves o for this database; empty fields remove the
// saved value (back to the default).
func (d *Database) SetBehaviourSettings(ctx context.Context, o BehaviourOptions) error {
	if d.ws == nil {
		return ErrNoWorkspace
	}
	if _, err := segmentTable(o.Segments); err != nil {
		return err
	}
	asOf := ""
	if !o.AnalysisDate.IsZero() {
		asOf = o.AnalysisDate.UTC().Format(time.DateOnly)
	}
	for _, kv := range [][2]string{{settingAsOf, asOf}, {settingSegments, o.Segments}, {settingFrozen, o.Frozen}} {
		if err := d.ws.SetSetting(ctx, kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// withSaved fills o's empty fields from the saved settings.
func (d *Database) withSaved(ctx context.Context, o BehaviourOptions) (BehaviourOptions, error) {
	saved, err := d.BehaviourSettings(ctx)
	if err != nil {
		return o, err
	}
	if o.AnalysisDate.IsZero() {
		o.AnalysisDate = saved.AnalysisDate
	}
	if o.Segments == "" {
		o.Segments = saved.Segments
	}
	if o.Frozen == "" {
		o.Frozen = saved.Frozen
	}
	return o, nil
}

// ParseDay reads a date typed as YYYY-MM-DD, or as DD/MM/YYYY (the way
// the Spanish screens show days: 31/12/2025, also 1/2/2025), as midnight
// UTC. A date with slashes is always read day first, whatever the
// language: pulpero never writes month-first dates.
func ParseDay(s string) (time.Time, error) {
	for _, layout := range dayLayouts {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, model.Say(errAsOfFormat, s)
}

// dayLayouts are the forms ParseDay reads: ISO, then day/month/year.
var dayLayouts = []string{time.DateOnly, "2/1/2006"}

// segmentTable returns the segment table a --segments value names.
func segmentTable(name string) (rfm.Table, error) {
	switch strings.TrimSpace(name) {
	case "", "0.3", "0.3.0", "default":
		return rfm.DefaultTable(), nil
	case "0.2", "classic", "vignette":
		return rfm.ClassicTable(), nil
	}
	return rfm.Table{}, model.Say(errSegmentsTable, name)
}

// frozenRef splits "NAME" or "NAME@V" (V = 0: the latest).
func frozenRef(ref string) (string, int, error) {
	name, v, found := strings.Cut(strings.TrimSpace(ref), "@")
	if strings.TrimSpace(name) == "" {
		return "", 0, model.Say(errFrozenRef, ref)
	}
	if !found {
		return name, 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return "", 0, model.Say(errFrozenRef, ref)
	}
	return name, n, nil
}

// dayOf is the day number (days since 1970-01-01) of t.
func dayOf(t time.Time) int32 { return int32(floorDays(t.Unix())) }

func floorDays(sec int64) int64 {
	d := sec / 86400
	if sec%86400 < 0 {
		d--
	}
	return d
}

// dateOf is midnight UTC of day d.
func dateOf(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

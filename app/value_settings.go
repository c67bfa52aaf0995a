package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model"
)

// Keys of the customer-value settings saved per database (pulpero_meta),
// so the Value screen, `pulpero value`, segment counts and exports mean
// the same clv.
const (
	settingValueHorizon  = "value.horizon_days"
	settingValueDiscount = "value.discount" // "RATE/DAYS"
	settingValueCalEnd   = "value.calibration_end"
)

// ValueSettings returns the customer-value options saved for this
// database (zero fields: the defaults).
func (d *Database) ValueSettings(ctx context.Context) (ValueOptions, error) {
	var o ValueOptions
	if d == nil || d.ws == nil {
		return o, nil
	}
	get := func(key string) (string, bool, error) { return d.ws.Setting(ctx, key) }
	if v, ok, err := get(settingValueHorizon); err != nil {
		return o, err
	} else if ok {
		o.HorizonDays, _ = strconv.Atoi(v) // a bad saved value falls back to the default
	}
	if v, ok, err := get(settingValueDiscount); err != nil {
		return o, err
	} else if ok {
		o.DiscountRate, o.DiscountPeriodDays, _ = ParseDiscount(v)
	}
	if v, ok, err := get(settingValueCalEnd); err != nil {
		return o, err
	} else if ok {
		o.CalibrationEnd, _ = ParseDay(v)
	}
	return o, nil
}

// SetValueSettings saves o's horizon, discount and calibration end for
// this database (zero fields remove the saved value: back to the
// default), after checking them.
func (d *Database) SetValueSettings(ctx context.Context, o ValueOptions) error {
	if d.ws == nil {
		return ErrNoWorkspace
	}
	if err := checkValueOptions(o.withDefaults()); err != nil {
		return fmt.Errorf("%s", ValueMessage(err))
	}
	horizon, discount, calEnd := "", "", ""
	if o.HorizonDays != 0 {
		horizon = strconv.Itoa(o.HorizonDays)
	}
	if o.DiscountPeriodDays != 0 {
		discount = strconv.FormatFloat(o.DiscountRate, 'g', -1, 64) + "/" + strconv.Itoa(o.DiscountPeriodDays)
	}
	if !o.CalibrationEnd.IsZero() {
		calEnd = o.CalibrationEnd.UTC().Format(time.DateOnly)
	}
	for _, kv := range [][2]string{{settingValueHorizon, horizon}, {settingValueDiscount, discount}, {settingValueCalEnd, calEnd}} {
		if err := d.ws.SetSetting(ctx, kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// withSavedValue fills o's zero fields from the saved settings.
func (d *Database) withSavedValue(ctx context.Context, o ValueOptions) (ValueOptions, error) {
	saved, err := d.ValueSettings(ctx)
	if err != nil {
		return o, err
	}
	if o.HorizonDays == 0 {
		o.HorizonDays = saved.HorizonDays
	}
	if o.DiscountPeriodDays == 0 {
		o.DiscountRate, o.DiscountPeriodDays = saved.DiscountRate, saved.DiscountPeriodDays
	}
	if o.CalibrationEnd.IsZero() {
		o.CalibrationEnd = saved.CalibrationEnd
	}
	return o, nil
}

// ParseHorizon reads a horizon: "180", "180d", "26w", "6m" (30-day
// months) or "1y" (365 days), in days; it must be at least one day. The
// units may be written out and in Spanish too: "26 semanas", "26s",
// "26 sem", "6 meses", "1a", "1 año", "180 días".
func ParseHorizon(s string) (int, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	digits := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' })
	if digits < 0 {
		digits = len(t)
	}
	mult, ok := unitDays(strings.TrimSpace(t[digits:]))
	n, err := strconv.Atoi(t[:digits])
	if !ok || err != nil || n < 1 || n > 100*365/mult {
		return 0, model.Say(errHorizonFormat, s)
	}
	return n * mult, nil
}

// unitDays is the number of days of a time unit as a user types it, in
// English or Spanish, short or written out ("" is days): d, day(s),
// día(s); w, wk, week(s), s, sem, semana(s); m, mo, month(s), mes(es);
// y, yr, year(s), a, año(s).
func unitDays(u string) (int, bool) {
	switch strings.TrimSuffix(u, ".") {
	case "", "d", "day", "days", "día", "días", "dia", "dias":
		return 1, true
	case "w", "wk", "week", "weeks", "s", "sem", "semana", "semanas":
		return 7, true
	case "m", "mo", "month", "months", "mes", "meses":
		return 30, true
	case "y", "yr", "year", "years", "a", "año", "años", "ano", "anos":
		return 365, true
	}
	return 0, false
}

// ParseDiscount reads a discount rate per period: "0.01/month" (30 days),
// "0.01/30d", "1%/month", "0.1/year" (365 days), "0.002/week" or "0"
// (none); a bare rate is per 30-day month. The Spanish forms read too: a
// decimal comma, a space before %, Spanish units and "cada" for the
// slash ("0,01/mes", "10 %/año", "1 % cada 30 días").
func ParseDiscount(s string) (rate float64, periodDays int, err error) {
	t := strings.ToLower(strings.TrimSpace(s))
	r, per, found := strings.Cut(t, "/")
	if !found {
		for _, sep := range []string{" cada ", " per "} {
			if r, per, found = strings.Cut(t, sep); found {
				break
			}
		}
	}
	periodDays = DefaultDiscountPeriodDays
	if found {
		p := strings.TrimSpace(per)
		digits := strings.IndexFunc(p, func(r rune) bool { return r < '0' || r > '9' })
		if digits < 0 {
			digits = len(p)
		}
		days, ok := unitDays(strings.TrimSpace(p[digits:]))
		n := 1
		if digits > 0 {
			n, err = strconv.Atoi(p[:digits])
		}
		if !ok || err != nil || n < 1 || p == "" {
			return 0, 0, model.Say(errDiscountFormat, s)
		}
		periodDays = n * days
	}
	r = strings.TrimSpace(r)
	pct := strings.HasSuffix(r, "%")
	r = strings.ReplaceAll(strings.TrimSpace(strings.TrimSuffix(r, "%")), ",", ".")
	rate, err = strconv.ParseFloat(r, 64)
	if err != nil {
		return 0, 0, model.Say(errDiscountFormat, s)
	}
	if pct {
		rate /= 100
	}
	if !(rate >= 0 && rate < 1) {
		return 0, 0, model.Say(errDiscountRange, s)
	}
	return rate, periodDays, nil
}

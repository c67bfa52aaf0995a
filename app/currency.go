package app

import (
	"context"

	"github.com/pulpero/pulpero/app/locale"
)

// settingCurrency is the per-database currency mark (locale.Currency).
const settingCurrency = "currency"

// Currency is how this database's money is marked on screen ("" unless a
// user set it: a column of numbers does not say its currency).
func (d *Database) Currency(ctx context.Context) (locale.Currency, error) {
	if d == nil || d.ws == nil {
		return "", nil
	}
	v, ok, err := d.ws.Setting(ctx, settingCurrency)
	if err != nil || !ok {
		return "", err
	}
	c, err := locale.ParseCurrency(v)
	if err != nil {
		return "", nil // a bad saved value (edited by hand) marks nothing
	}
	return c, nil
}

// SetCurrency saves the currency mark of this database for every user;
// "" or "none" removes it.
func (d *Database) SetCurrency(ctx context.Context, s string) (locale.Currency, error) {
	c, err := locale.ParseCurrency(s)
	if err != nil {
		return "", err
	}
	if d.ws == nil {
		return "", ErrNoWorkspace
	}
	return c, d.ws.SetSetting(ctx, settingCurrency, string(c))
}

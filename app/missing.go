package app

import (
	"context"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
)

// TreatAsMissing records that a value of a column (a placeholder such as
// "unknown" or 999) stands for a missing value, or with missing false that
// it does not any more. It changes the analysis of the next load only: the
// database keeps its values.
func (d *Database) TreatAsMissing(ctx context.Context, table, column, value string, missing bool) error {
	if d.ws == nil {
		return ErrNoWorkspace
	}
	return d.ws.SetMissingValue(ctx, table, column, value, missing)
}

// MissingValues lists a table's values treated as missing, by column.
func (d *Database) MissingValues(ctx context.Context, table string) (map[string][]string, error) {
	return d.ws.MissingValues(ctx, table)
}

// applyMissingValues makes the values the user treats as missing NULL in
// the loaded columns, before anything is derived from them.
func (d *Database) applyMissingValues(ctx context.Context, table string, ds *model.Dataset) error {
	if d.ws == nil {
		return nil
	}
	chosen, err := d.ws.MissingValues(ctx, table)
	if err != nil {
		return err
	}
	for col, vals := range chosen {
		c := ds.Column(col)
		if c == nil {
			continue
		}
		for _, v := range vals {
			analysis.TreatAsMissing(c, v)
		}
	}
	return nil
}

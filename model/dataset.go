package model

import (
	"strings"
	"time"
)

// Dataset is the in-memory columnar copy of the customer table that every
// interactive operation runs on. Row i of every column is the same customer,
// whose SQLite rowid is RowIDs[i] (used to read personal data for display).
type Dataset struct {
	Table   string
	RowIDs  []int64
	Columns []Column
	// AsOf is the day the derived attributes were computed for (ages,
	// tenure, opt-out dates); zero until they are.
	AsOf time.Time
}

// Rows returns the number of customers.
func (d *Dataset) Rows() int { return len(d.RowIDs) }

// Column finds a column by name, ignoring case; nil if there is none.
func (d *Dataset) Column(name string) Column {
	for _, c := range d.Columns {
		if strings.EqualFold(c.Meta().Name, name) {
			return c
		}
	}
	return nil
}

// ByRole returns the first column with the role, or nil.
func (d *Dataset) ByRole(r Role) Column {
	for _, c := range d.Columns {
		if c.Meta().Role == r {
			return c
		}
	}
	return nil
}

// AllByRole returns every column with the role, in order (several opt-out
// columns may each apply to a channel).
func (d *Dataset) AllByRole(r Role) []Column {
	var out []Column
	for _, c := range d.Columns {
		if c.Meta().Role == r {
			out = append(out, c)
		}
	}
	return out
}

// Names lists the column names in order.
func (d *Dataset) Names() []string {
	out := make([]string, len(d.Columns))
	for i, c := range d.Columns {
		out[i] = c.Meta().Name
	}
	return out
}

// Add appends a column, replacing one of the same name.
func (d *Dataset) Add(c Column) {
	for i, old := range d.Columns {
		if strings.EqualFold(old.Meta().Name, c.Meta().Name) {
			d.Columns[i] = c
			return
		}
	}
	d.Columns = append(d.Columns, c)
}

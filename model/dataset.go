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
	// Personal names the table's personal columns (name, e-mail, phone,
	// address) with their roles: they stay in the database and are not
	// here, but a rule naming one deserves an answer saying so.
	Personal map[string]Role
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

// Attribute finds what a rule calls name: a column of that name (ignoring
// case), else the column that has the role of that name, so a rule written
// with role names (income, birth_date, signup_date) travels between
// databases whose columns are called otherwise (ingresos, fecha_nacimiento).
func (d *Dataset) Attribute(name string) Column {
	if c := d.Column(name); c != nil {
		return c
	}
	if r, ok := ParseRole(strings.ToLower(strings.TrimSpace(name))); ok {
		return d.ByRole(r)
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

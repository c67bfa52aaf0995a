package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/pulpero/pulpero/store/snapshot"

	"github.com/pulpero/pulpero/model"
)

// Customers is the customer table of a database, as pulpero understands it:
// which table it is and why, what each column means, and the columnar copy.
type Customers struct {
	Table    TableInfo
	Why      string // why this table was taken as the customer table
	Profiles []ColumnProfile
	Data     *model.Dataset

	snap *snapshot.Snapshot // where the columns and contact checks are kept, if anywhere
	// writing, when not nil, writes the columns just read from SQLite into a
	// new snapshot (KeepSnapshot): it waits so that the first screen does not
	writing func() *snapshot.Snapshot
	wrote   sync.Once
}

// KeepSnapshot writes the columns read from SQLite into a snapshot for the
// next open, once; the columns are never changed, so this may come after
// the screens have opened on them (writing 200 MB at 1M customers took
// 70–180 ms of a cold open). Whatever keeps work in the snapshot (contact
// verdicts, behaviour) calls it first.
func (c *Customers) KeepSnapshot() {
	c.wrote.Do(func() {
		if c.writing != nil {
			c.snap, c.writing = c.writing(), nil
		}
	})
}

// LoadCustomers finds the customer table (table, or detected when ""),
// decides its columns' kinds and roles with the workspace's corrections, and
// loads the columnar copy. stage and progress (either may be nil) report what
// it is doing, for a status line or a progress bar.
func (d *DB) LoadCustomers(ctx context.Context, ws *Workspace, table string, stage func(string), progress func(LoadProgress)) (*Customers, error) {
	return d.LoadCustomersWith(ctx, ws, CustomersRequest{Table: table, Stage: stage, Progress: progress})
}

// ResolveCustomerTable finds the table a user named (ignoring case), or
// detects the customer table when name is "". It says why it chose it.
func (d *DB) ResolveCustomerTable(ctx context.Context, name string) (TableInfo, string, error) {
	tables, err := d.Tables(ctx)
	if err != nil {
		return TableInfo{}, "", err
	}
	if name != "" {
		t, ok := FindTable(tables, name)
		if !ok {
			names := make([]string, len(tables))
			for i, t := range tables {
				names[i] = t.Name
			}
			return t, "", fmt.Errorf("%s: %w", d.Name(), model.Say("no table named %q; the tables are: %s", name, strings.Join(names, ", ")))
		}
		return t, "chosen with --table", nil
	}
	choice, err := d.DetectCustomerTable(ctx, tables)
	if err != nil {
		return TableInfo{}, "", fmt.Errorf("%s: %w", d.Name(), err)
	}
	return choice.Table, choice.Why, nil
}

// checkKeyUnique takes the customer-id role back from a column whose values
// repeat or are missing somewhere past the sample: a list must name each
// customer once, so such a column cannot be the key (lists then name rows
// by rowid, and the manifest says so).
func (c *Customers) checkKeyUnique() {
	col := c.Data.ByRole(model.RoleCustomerID)
	if col == nil {
		return
	}
	why := ""
	if x, ok := col.(*model.NumberColumn); ok {
		why = numberKeyProblem(x) // sorted numbers: a tenth of a map of text
	}
	seen := make(map[string]struct{})
	for i := range col.Len() {
		if _, number := col.(*model.NumberColumn); number {
			break
		}
		if col.IsNull(i) {
			why = "some rows have no value"
			break
		}
		k := keyText(col, i)
		if _, dup := seen[k]; dup {
			why = fmt.Sprintf("the value %q repeats", k)
			break
		}
		seen[k] = struct{}{}
	}
	if why == "" {
		return
	}
	m := col.Meta()
	m.Role = model.RoleNone
	for i := range c.Profiles {
		if c.Profiles[i].Name == m.Name {
			c.Profiles[i].Role = model.RoleNone
			c.Profiles[i].RoleWhy = "named like the customer key, but " + why + "; lists name customers by row number"
		}
	}
}

func keyText(c model.Column, i int) string {
	switch x := c.(type) {
	case *model.NumberColumn:
		return strconv.FormatFloat(x.Values[i], 'f', -1, 64)
	case *model.TextColumn:
		return x.Values[i]
	case *model.CodedColumn:
		v, _ := x.Value(i)
		return v
	}
	return ""
}

// numberKeyProblem says why a numeric key is not one ("" when every row has
// a value and no two share it), by sorting a copy of its values.
func numberKeyProblem(x *model.NumberColumn) string {
	if x.Nulls.Count() > 0 {
		return "some rows have no value"
	}
	vals := slices.Clone(x.Values)
	slices.Sort(vals)
	for i := 1; i < len(vals); i++ {
		if vals[i] == vals[i-1] {
			return fmt.Sprintf("the value %q repeats", strconv.FormatFloat(vals[i], 'f', -1, 64))
		}
	}
	return ""
}

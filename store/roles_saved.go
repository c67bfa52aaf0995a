package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// RoleOverrides returns the roles a user set by hand for a table: role →
// column name ("" means "no column has this role").
func (w *Workspace) RoleOverrides(ctx context.Context, table string) (map[model.Role]string, error) {
	out := map[model.Role]string{}
	err := w.Query(ctx, "pulpero_roles", `SELECT role, column_name FROM pulpero_roles WHERE table_name=?`, []any{table},
		func(r *sql.Rows) error {
			var role, col string
			if err := r.Scan(&role, &col); err != nil {
				return err
			}
			out[model.Role(role)] = col
			return nil
		})
	return out, err
}

// SetRole records that column (or none, with "") has role in table.
func (w *Workspace) SetRole(ctx context.Context, table string, role model.Role, column string) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO pulpero_roles(table_name, role, column_name) VALUES(?,?,?)
			ON CONFLICT(table_name, role) DO UPDATE SET column_name=excluded.column_name`, table, string(role), column)
		return err
	})
}

// ApplyRoleOverrides sets the roles a user chose, taking them from whichever
// column detection had given them to. It fails on a column that does not
// exist, naming the columns that do.
func ApplyRoleOverrides(cols []ColumnProfile, overrides map[model.Role]string) error {
	for role, col := range overrides {
		for i := range cols {
			if cols[i].Role == role {
				cols[i].Role, cols[i].RoleWhy = model.RoleNone, "role moved by hand"
				cols[i].Personal = false
			}
		}
		if col == "" {
			continue
		}
		i := profileIndex(cols, col)
		if i < 0 {
			return fmt.Errorf("no column %q; columns are: %s", col, strings.Join(profileNames(cols), ", "))
		}
		cols[i].Role, cols[i].RoleWhy = role, "set by hand"
		cols[i].Personal = role.Personal()
	}
	return nil
}

func profileIndex(cols []ColumnProfile, name string) int {
	for i, c := range cols {
		if c.Name == name {
			return i
		}
	}
	for i, c := range cols {
		if strings.EqualFold(c.Name, name) {
			return i
		}
	}
	return -1
}

func profileNames(cols []ColumnProfile) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

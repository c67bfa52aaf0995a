package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
)

// roleSets collects repeated --set ROLE=COLUMN flags.
type roleSets []string

func (r *roleSets) String() string     { return strings.Join(*r, ",") }
func (r *roleSets) Set(s string) error { *r = append(*r, s); return nil }

func runRoles(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("roles", stderr)
	table := fs.String("table", "", tr.T("the customer table (default: detected)"))
	dataDir := fs.String("data-dir", "", tr.T("where workspaces of read-only databases live"))
	var sets, missing, notMissing roleSets
	fs.Var(&sets, "set", tr.T("ROLE=COLUMN: give ROLE to COLUMN (ROLE= clears it); repeatable"))
	fs.Var(&missing, "missing", tr.T("COLUMN=VALUE: treat VALUE of COLUMN as missing for analysis (\"unknown\", 999); the table keeps it; repeatable"))
	fs.Var(&notMissing, "not-missing", tr.T("COLUMN=VALUE: stop treating VALUE of COLUMN as missing; repeatable"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(stdout, "\n%s\n", tr.T("Roles: %s", roleList()))
		return exitOK
	}
	if err != nil || len(pos) != 1 {
		fmt.Fprintln(stderr, tr.T("usage: pulpero roles DB [--table NAME] [--set ROLE=COLUMN]..."))
		return exitUsage
	}
	ctx := context.Background()
	db, err := app.Open(pos[0], app.OpenOptions{DataDir: *dataDir})
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	defer db.Close()
	t, why, err := db.CustomerTable(ctx, *table)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	for _, s := range sets {
		if _, _, purchase := app.ParsePurchaseRoleSet(s); purchase {
			// purchase_date=orders.fecha: where the purchases are read from
			if code := applyPurchaseSets(ctx, db, roleSets{s}, stderr); code != exitOK {
				return code
			}
			continue
		}
		role, col, ok := strings.Cut(s, "=")
		r, known := model.ParseRole(strings.TrimSpace(role))
		if !ok || !known {
			fmt.Fprintln(stderr, tr.T("pulpero: --set %q: want ROLE=COLUMN with ROLE one of: %s (or PURCHASE_ROLE=TABLE.COLUMN with one of: %s)",
				s, roleList(), app.PurchaseRoleNames()))
			return exitUsage
		}
		col = strings.TrimSpace(col)
		if col != "" && !tableHas(t, col) {
			fmt.Fprintln(stderr, tr.T("pulpero: --set %s: table %q has no column %q", s, t.Name, col))
			return exitFail
		}
		if err := db.SetRole(ctx, t.Name, r, col); err != nil {
			fmt.Fprintln(stderr, tr.T("pulpero: saving role %s: %s", string(r), sayErr(err)))
			return exitFail
		}
	}
	for _, list := range []struct {
		sets    roleSets
		missing bool
	}{{missing, true}, {notMissing, false}} {
		for _, s := range list.sets {
			col, val, ok := strings.Cut(s, "=")
			if !ok || !tableHas(t, strings.TrimSpace(col)) {
				fmt.Fprintln(stderr, tr.T("pulpero: --missing %q: want COLUMN=VALUE with a column of table %q", s, t.Name))
				return exitUsage
			}
			if err := db.TreatAsMissing(ctx, t.Name, strings.TrimSpace(col), val, list.missing); err != nil {
				fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
				return exitFail
			}
		}
	}
	cols, err := db.Profile(ctx, t)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	fmt.Fprintln(stdout, tr.T("%s: customer table %q (%s), %d rows", db.Name(), t.Name, reason(why), t.Rows))
	if db.WorkspaceSeparate() {
		fmt.Fprintln(stdout, tr.T("workspace: %s (the database is read-only)", db.WorkspacePath()))
	}
	fmt.Fprintln(stdout)
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("COLUMN\tKIND\tROLE\tPERSONAL\tWHY"))
	for _, c := range cols {
		personal := ""
		if c.Personal {
			personal = tr.Lookup("yes")
		}
		why := c.RoleWhy
		if why == "" {
			why = c.KindWhy
		}
		// the role keeps its canonical name: it is what --set and rules take
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c.Name, tr.Lookup(c.Kind.String()), orDash(string(c.Role)), personal, reason(why))
	}
	tw.Flush()
	if chosen, err := db.MissingValues(ctx, t.Name); err == nil && len(chosen) > 0 {
		fmt.Fprintln(stdout)
		fmt.Fprintln(stdout, tr.T("Treated as missing for analysis (the table keeps these values):"))
		for _, c := range cols {
			for _, v := range chosen[c.Name] {
				fmt.Fprintf(stdout, "  %s = %q\n", c.Name, v)
			}
		}
	}
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, tr.T("Personal columns stay in the database: they are read only for the rows shown or exported."))
	fmt.Fprintln(stdout, tr.T("Correct a role with: pulpero roles %s --set ROLE=COLUMN", pos[0]))
	if err := printPurchaseRoles(ctx, db, t.Name, stdout); err != nil {
		fmt.Fprintln(stderr, tr.T("pulpero: purchases: %s", sayErr(err)))
		return exitFail
	}
	return exitOK
}

func tableHas(t app.TableInfo, col string) bool {
	for _, c := range t.Columns {
		if c.Name == col {
			return true
		}
	}
	return false
}

func roleList() string {
	var names []string
	for _, r := range model.AllRoles() {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

package cli

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/pulpero/pulpero/app"
)

// printPurchaseRoles prints where the purchases are and what each of their
// columns means, after `pulpero roles`' customer roles; its --set takes
// `purchase_date=orders.fecha` as well as customer roles.
func printPurchaseRoles(ctx context.Context, db *app.Database, table string, w io.Writer) error {
	src, err := db.PurchaseSource(ctx, table)
	if err != nil {
		return err
	}
	if src == nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, tr.T("Purchases: no table holds purchases (a customer key, a date and an amount)."))
		return nil
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("Purchases: %s (returns: %s)", tr.Lookup(src.Why), tr.Lookup(returnRuleTexts[src.Returns.Key()])))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("PURCHASE ROLE\tCOLUMN\tWHY"))
	for _, c := range src.Columns {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", c.Role, c.Ref(), tr.Lookup(c.Why))
	}
	tw.Flush()
	if err := src.MissingError(db.Path()); err != nil {
		fmt.Fprintln(w, tr.T("missing: %s", tr.Error(err)))
	}
	fmt.Fprintln(w, tr.T("Correct a purchase role with: pulpero roles %s --set PURCHASE_ROLE=TABLE.COLUMN", db.Path()))
	return nil
}

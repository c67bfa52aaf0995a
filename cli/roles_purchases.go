package cli

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"text/tabwriter"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
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
	fmt.Fprintln(w, tr.T("Purchases: %s (returns: %s)", purchasesWhy(src.Why), returnRuleText(src.Returns.Key())))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("PURCHASE ROLE\tCOLUMN\tWHY"))
	for _, c := range src.Columns {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", c.Role, c.Ref(), saidAll(c.Says, c.Why))
	}
	tw.Flush()
	if err := src.MissingError(db.Path()); err != nil {
		fmt.Fprintln(w, tr.T("missing: %s", sayErr(err)))
	}
	fmt.Fprintln(w, tr.T("Correct a purchase role with: pulpero roles %s --set PURCHASE_ROLE=TABLE.COLUMN", db.Path()))
	return nil
}

// purchasesWhy is why a table was taken for the purchases (store writes it
// as finished English with whyPurchases) in the run's language: the
// sentence is read back into its table and what holds the value.
func purchasesWhy(why string) string {
	m := purchasesWhyRE.FindStringSubmatch(why)
	if tr.Lang != locale.Spanish || m == nil {
		return tr.Lookup(why)
	}
	return tr.T("%s holds purchase lines: a customer key, a date and %s", m[1], tr.Lookup(m[2]))
}

// purchasesWhyRE reads store's whyPurchases back. i18n: a pattern of store's English sentence
var purchasesWhyRE = regexp.MustCompile(`^(.+) holds purchase lines: a customer key, a date and (an amount|quantity × unit price)$`)

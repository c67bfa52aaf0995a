package store

import (
	"strings"

	"github.com/pulpero/pulpero/model"
)

// Positions of the fields in a purchase-lines row, as the sink gets them.
const (
	qRowID = iota
	qCustomer
	qDate
	qInvoice
	qChannel
	qCategory // the category, or the product key when the category is in the products table
	qAmount   // the amount, or the quantity when the value is quantity × unit price
	qPrice    // the unit price (NULL when the value is an amount and there is no price)
	qQuantity // the quantity beside an amount (to price returned units), or NULL
	qReturn   // returned quantity, return flag, or NULL
	qLink     // the lines' column pointing at the header, or NULL
	qFields
)

// linesList is the list of expressions that reads one value per field
// from the lines table alone: fields held by the header (read apart, see
// headerTable) or missing are NULL; the products table is read apart too
// (productIndex). extra columns of the lines follow the fields.
func linesList(src *PurchaseSource, extra []ColumnProfile) string {
	expr := func(r model.PurchaseRole) string {
		c, ok := src.Column(r)
		if !ok || c.Table != src.Lines.Name {
			return "NULL"
		}
		return QuoteIdent(c.Column)
	}
	f := make([]string, qFields)
	f[qRowID] = "rowid"
	f[qCustomer] = expr(model.PurchaseCustomer)
	f[qDate] = expr(model.PurchaseDate)
	f[qInvoice] = expr(model.PurchaseInvoice)
	f[qChannel] = expr(model.PurchaseChannel)
	f[qCategory] = expr(model.PurchaseCategory)
	if c, ok := src.Column(model.PurchaseCategory); ok && c.Table == src.Product && src.Product != "" {
		f[qCategory] = QuoteIdent(src.ProductKey)
	}
	f[qPrice] = expr(model.PurchaseUnitPrice)
	f[qQuantity] = "NULL"
	if _, ok := src.Column(model.PurchaseAmount); ok {
		f[qAmount] = expr(model.PurchaseAmount)
		f[qQuantity] = expr(model.PurchaseQuantity)
	} else {
		f[qAmount] = expr(model.PurchaseQuantity)
	}
	switch src.Returns {
	case ReturnsQuantity:
		f[qReturn] = expr(model.PurchaseReturnedQuantity)
	case ReturnsFlag:
		f[qReturn] = expr(model.PurchaseReturnFlag)
	default:
		f[qReturn] = "NULL"
	}
	f[qLink] = "NULL"
	if src.Header != "" {
		f[qLink] = QuoteIdent(src.LinesKey)
	}
	for _, c := range extra {
		f = append(f, QuoteIdent(c.Name))
	}
	return strings.Join(f, ", ")
}

// quoteKey quotes a key column, leaving SQLite's rowid as the keyword.
func quoteKey(c string) string {
	if strings.EqualFold(c, "rowid") {
		return "rowid"
	}
	return QuoteIdent(c)
}

// touchList reads every touchpoint: rowid, customer key, date, kind,
// sentiment.
func touchList(t *TouchSource) string {
	col := func(c string) string {
		if c == "" {
			return "NULL"
		}
		return QuoteIdent(c)
	}
	return "rowid, " + col(t.Customer) + ", " + col(t.Date) + ", " + col(t.Kind) + ", " + col(t.Sentiment)
}

// rangeWhere is the WHERE clause and arguments of one rowid range.
func rangeWhere(r rowidRange) (string, []any) {
	if r.all {
		return "", nil
	}
	return "rowid BETWEEN ? AND ?", []any{r.lo, r.hi}
}

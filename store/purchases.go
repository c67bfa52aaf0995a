package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

// PurchaseColumn is a column that holds a purchase role, and the table it
// is in (the lines, their invoice header or the products table).
type PurchaseColumn struct {
	Role   model.PurchaseRole
	Table  string
	Column string
	Kind   model.Kind
	Why    string
	// Says is Why as sentences (joined with "; " they are Why), which
	// the screens translate.
	Says []model.Sentence

	order parse.DateOrder   // how text dates are read
	mark  parse.DecimalMark // the decimal mark of amounts written as text
}

// purchaseColumn describes column c of table p as holding role r, for
// the reasons why.
func purchaseColumn(r model.PurchaseRole, p *profiled, c *ColumnProfile, why ...model.Sentence) PurchaseColumn {
	pc := PurchaseColumn{Role: r, Table: p.t.Name, Column: c.Name, Kind: c.Kind, order: c.DateOrder}
	pc.because(why...)
	if c.sample.strs > 0 {
		pc.mark = moneyMark(c.sample.distinct)
	}
	return pc
}

// because puts reasons before the column's others.
func (c *PurchaseColumn) because(why ...model.Sentence) {
	c.Says = append(append([]model.Sentence(nil), why...), c.Says...)
	texts := make([]string, len(c.Says))
	for i, s := range c.Says {
		texts[i] = s.String()
	}
	c.Why = strings.Join(texts, "; ")
}

// Ref is the column as `pulpero rfm --set` takes it: TABLE.COLUMN.
func (c PurchaseColumn) Ref() string { return c.Table + "." + c.Column }

// ReturnRule says how returned goods are recognised in the lines.
type ReturnRule int

const (
	// ReturnsNegative: a line whose value is negative (a negative quantity
	// or amount), or whose invoice is a cancellation ("C536379", as in
	// Online Retail), is a return of its absolute value.
	ReturnsNegative ReturnRule = iota
	// ReturnsQuantity: a returned-quantity column; returned value =
	// returned quantity × unit price. Negative values are bad data.
	ReturnsQuantity
	// ReturnsFlag: a yes/no column marks whole lines that are returns.
	ReturnsFlag
)

// Key is the rule's stable identifier.
func (r ReturnRule) Key() string {
	switch r {
	case ReturnsQuantity:
		return "returned_quantity"
	case ReturnsFlag:
		return "return_flag"
	}
	return "negative_values"
}

// PurchaseSource is where the purchases of a database are and what each
// column means: one table of lines (or orders), possibly joined to the
// header (invoice or order) its rows point at, and to a products table
// for the category. It is decided by DetectPurchases and corrected by
// the user's saved purchase roles.
type PurchaseSource struct {
	Lines      TableInfo // one row per purchase line, order or transaction
	Header     string    // the invoices/orders table the lines point at ("" = none)
	HeaderInfo TableInfo // that table
	LinesKey   string    // the lines' column pointing at the header
	HeaderKey  string    // the header's column it points at
	Product    string    // the products table holding the category ("" = none)
	ProductKey string    // the lines' column pointing at it
	ProductTo  string    // the products table's key column
	Columns    []PurchaseColumn
	Returns    ReturnRule
	// Transactions: there is no customer table; the customers are the
	// distinct customer keys of the lines (Online Retail).
	Transactions bool
	Touch        *TouchSource // touchpoints (visits, calls, ...), nil when none
	Why          string       // why these tables were taken
	// Missing names what the source lacks to compute behaviour (a date, a
	// customer key, a value); "" when it is complete.
	Missing string
}

// Column returns the column holding role r.
func (s *PurchaseSource) Column(r model.PurchaseRole) (PurchaseColumn, bool) {
	if s == nil {
		return PurchaseColumn{}, false
	}
	for _, c := range s.Columns {
		if c.Role == r {
			return c, true
		}
	}
	return PurchaseColumn{}, false
}

func (s *PurchaseSource) set(c PurchaseColumn) {
	for i := range s.Columns {
		if s.Columns[i].Role == c.Role {
			s.Columns[i] = c
			return
		}
	}
	s.Columns = append(s.Columns, c)
}

func (s *PurchaseSource) clear(r model.PurchaseRole) {
	out := s.Columns[:0]
	for _, c := range s.Columns {
		if c.Role != r {
			out = append(out, c)
		}
	}
	s.Columns = out
}

// TouchSource is a table of contacts with customers: one row per visit,
// call, mention or review, with its day and optionally kind and sentiment.
type TouchSource struct {
	Table     TableInfo
	Customer  string
	Date      string
	Kind      string // "" = none
	Sentiment string // "" = none

	date PurchaseColumn // how the date is read
}

// purchaseRolesKey is the table name under which purchase role corrections
// are kept in pulpero_roles: they span several tables, so each value is
// TABLE.COLUMN, and they never mix with a customer table's roles.
const purchaseRolesKey = "(purchases)"

// PurchaseOverrides returns the purchase roles a user set by hand: role →
// "TABLE.COLUMN" ("" means no column has the role).
func (w *Workspace) PurchaseOverrides(ctx context.Context) (map[model.PurchaseRole]string, error) {
	if w == nil {
		return nil, nil
	}
	raw, err := w.RoleOverrides(ctx, purchaseRolesKey)
	if err != nil {
		return nil, err
	}
	out := make(map[model.PurchaseRole]string, len(raw))
	for r, col := range raw {
		out[model.PurchaseRole(r)] = col
	}
	return out, nil
}

// SetPurchaseRole records that TABLE.COLUMN ref (or none, with "") has
// purchase role r.
func (w *Workspace) SetPurchaseRole(ctx context.Context, r model.PurchaseRole, ref string) error {
	return w.SetRole(ctx, purchaseRolesKey, model.Role(r), ref)
}

// SplitColumnRef splits "TABLE.COLUMN" at its last dot (table names may
// hold dots; column names rarely do).
func SplitColumnRef(ref string) (table, column string, err error) {
	i := strings.LastIndexByte(ref, '.')
	if i <= 0 || i == len(ref)-1 {
		return "", "", fmt.Errorf("%q: want TABLE.COLUMN", ref)
	}
	return ref[:i], ref[i+1:], nil
}

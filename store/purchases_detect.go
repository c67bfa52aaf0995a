package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// DetectPurchases finds where the purchases are: a table of lines (or
// orders, or transactions) with a value (an amount, or quantity × unit
// price), a customer key and a date, the latter two on the lines or on the
// header (invoice, order) the lines point at; the category on the lines or
// on a products table they point at; and a touchpoints table. customer is
// the customer table ("" when the customers are built from the lines'
// keys). The user's corrections (overrides, role → TABLE.COLUMN) win over
// detection. It returns nil, nil when no table holds purchases.
func (d *DB) DetectPurchases(ctx context.Context, tables []TableInfo, customer string, overrides map[model.PurchaseRole]string) (*PurchaseSource, error) {
	pc := d.newProfileCache(ctx)
	forced, err := forcedLines(tables, overrides)
	if err != nil {
		return nil, err
	}
	var best *PurchaseSource
	bestScore := -1
	for _, t := range tables {
		if strings.EqualFold(t.Name, customer) && customer != "" {
			continue
		}
		if forced != "" && t.Name != forced {
			continue
		}
		if forced == "" && excludedFromPurchases(t.Name) {
			continue
		}
		src, score, err := d.purchasesIn(pc, tables, t, customer, forced != "")
		if err != nil {
			return nil, err
		}
		if src != nil && (score > bestScore || score == bestScore && src.Lines.Rows > best.Lines.Rows) {
			best, bestScore = src, score
		}
	}
	if best == nil {
		if forced != "" {
			return nil, missingError(forced, missingValue, d.Path)
		}
		return nil, nil
	}
	if err := applyPurchaseOverrides(pc, best, tables, overrides); err != nil {
		return nil, err
	}
	best.Transactions = customer == ""
	best.Returns = returnRule(best)
	best.Missing = missingRoles(best)
	if best.Touch, err = d.detectTouchpoints(pc, tables, customer, best); err != nil {
		return nil, err
	}
	return best, nil
}

// forcedLines is the table a user named for the line value (amount or
// quantity), which then must be the lines.
func forcedLines(tables []TableInfo, overrides map[model.PurchaseRole]string) (string, error) {
	for _, r := range []model.PurchaseRole{model.PurchaseAmount, model.PurchaseQuantity, model.PurchaseUnitPrice} {
		ref := overrides[r]
		if ref == "" {
			continue
		}
		table, _, err := SplitColumnRef(ref)
		if err != nil {
			return "", fmt.Errorf("purchase role %s: %w", r, err)
		}
		t, ok := FindTable(tables, table)
		if !ok {
			return "", fmt.Errorf(errRoleNoTable, r, table)
		}
		return t.Name, nil
	}
	return "", nil
}

// purchasesIn describes the purchases with t as the lines, or returns nil
// when t has no value or no customer key can be reached. The score ranks
// candidates: complete ones first, then tables named like purchases.
func (d *DB) purchasesIn(pc *profileCache, tables []TableInfo, t TableInfo, customer string, forced bool) (*PurchaseSource, int, error) {
	if !forced && !valueNames(t) {
		return nil, 0, nil // sampling a table costs a scan for its rowid range: look at names first
	}
	lines, err := pc.get(t)
	if err != nil {
		return nil, 0, err
	}
	roles := findPurchaseRoles(lines)
	if !hasValue(roles) && !forced {
		return nil, 0, nil
	}
	src := &PurchaseSource{Lines: t}
	if c := customerColumnTo(lines, customer); c != "" {
		if i := profileIndex(lines.cols, c); i >= 0 {
			roles[model.PurchaseCustomer] = purchaseColumn(model.PurchaseCustomer, lines, &lines.cols[i], model.Say(whyLink, customer, c))
		}
	}
	for _, c := range roles {
		src.Columns = append(src.Columns, c)
	}
	named := tableNamed(t.Name, purchaseTableWords)
	_, hasCust := roles[model.PurchaseCustomer]
	_, hasDate := roles[model.PurchaseDate]
	if !hasCust || !hasDate {
		h, lkey, hkey, err := d.headerOf(pc, tables, lines, customer)
		if err != nil {
			return nil, 0, err
		}
		if h != nil {
			src.Header, src.HeaderInfo, src.LinesKey, src.HeaderKey = h.t.Name, h.t, lkey, hkey
			named = named || tableNamed(h.t.Name, purchaseTableWords)
			hr := findPurchaseRoles(h)
			if c := customerColumnTo(h, customer); c != "" {
				if i := profileIndex(h.cols, c); i >= 0 {
					hr[model.PurchaseCustomer] = purchaseColumn(model.PurchaseCustomer, h, &h.cols[i], model.Say(whyLink, customer, c))
				}
			}
			for _, r := range []model.PurchaseRole{model.PurchaseCustomer, model.PurchaseDate, model.PurchaseChannel, model.PurchasePayment} {
				if _, ok := src.Column(r); !ok {
					if c, ok := hr[r]; ok {
						c.because(model.Say(whyHeaderOf, h.t.Name, lkey))
						src.set(c)
					}
				}
			}
			if i := profileIndex(lines.cols, lkey); i >= 0 {
				src.set(purchaseColumn(model.PurchaseInvoice, lines, &lines.cols[i], model.Say(whyLink, h.t.Name, hkey)))
			}
		}
	}
	if _, ok := src.Column(model.PurchaseCustomer); !ok && !forced {
		return nil, 0, nil
	}
	if _, ok := src.Column(model.PurchaseCategory); !ok {
		if err := d.productOf(pc, tables, lines, src); err != nil {
			return nil, 0, err
		}
	}
	_, hasDate = src.Column(model.PurchaseDate)
	if !hasDate && !named && !forced {
		return nil, 0, nil // a customer and a value without a date: not clearly purchases
	}
	value := valueAmount
	if _, ok := src.Column(model.PurchaseAmount); !ok {
		value = valueQtyPrice
	}
	src.Why = fmt.Sprintf(whyPurchases, t.Name, value)
	score := len(src.Columns)
	if hasDate {
		score += 100
	}
	if named {
		score += 20
	}
	sortPurchaseColumns(src)
	return src, score, nil
}

// valueNames reports whether t has columns named like a line value: an
// amount, or a quantity and a unit price.
func valueNames(t TableInfo) bool {
	var amount, qty, price bool
	for _, c := range t.Columns {
		amount = amount || purchaseNameMatches(model.PurchaseAmount, c.Name)
		qty = qty || purchaseNameMatches(model.PurchaseQuantity, c.Name)
		price = price || purchaseNameMatches(model.PurchaseUnitPrice, c.Name)
	}
	return amount || qty && price
}

// headerOf finds the table the lines point at that holds the customer or
// the date: through a declared foreign key, or a column named like an
// invoice id that is another table's primary key.
func (d *DB) headerOf(pc *profileCache, tables []TableInfo, lines *profiled, customer string) (*profiled, string, string, error) {
	try := func(table, lkey, hkey string, invoiceLike bool) (*profiled, string, error) {
		t, ok := FindTable(tables, table)
		if !ok || t.Name == lines.t.Name || strings.EqualFold(t.Name, customer) {
			return nil, "", nil
		}
		if !invoiceLike && !tableNamed(t.Name, purchaseTableWords) {
			return nil, "", nil // campaigns, products: not a purchase header
		}
		h, err := pc.get(t)
		if err != nil {
			return nil, "", err
		}
		hr := findPurchaseRoles(h)
		_, c := hr[model.PurchaseCustomer]
		_, dt := hr[model.PurchaseDate]
		if !c && customerColumnTo(h, customer) == "" && !dt {
			return nil, "", nil
		}
		if hkey == "" {
			hkey = primaryKey(t)
		}
		return h, hkey, nil
	}
	for _, fk := range lines.t.References {
		h, hkey, err := try(fk.Table, fk.From, fk.To, purchaseNameMatches(model.PurchaseInvoice, fk.From))
		if err != nil || h != nil {
			return h, fk.From, hkey, err
		}
	}
	for _, c := range lines.cols {
		if !purchaseNameMatches(model.PurchaseInvoice, c.Name) {
			continue
		}
		for _, t := range tables {
			if hasPK(t, c.Name) {
				h, hkey, err := try(t.Name, c.Name, c.Name, true)
				if err != nil || h != nil {
					return h, c.Name, hkey, err
				}
			}
		}
	}
	return nil, "", "", nil
}

// productOf finds a products table the lines point at that holds a
// category, and takes the category from it.
func (d *DB) productOf(pc *profileCache, tables []TableInfo, lines *profiled, src *PurchaseSource) error {
	try := func(table, lkey, pkey string) (bool, error) {
		t, ok := FindTable(tables, table)
		if !ok || t.Name == lines.t.Name || t.Name == src.Header {
			return false, nil
		}
		p, err := pc.get(t)
		if err != nil {
			return false, err
		}
		for i := range p.cols {
			c := &p.cols[i]
			if purchaseNameMatches(model.PurchaseCategory, c.Name) && purchaseRoleFitsKind(model.PurchaseCategory, c.Kind) {
				if pkey == "" {
					pkey = primaryKey(t)
				}
				src.Product, src.ProductKey, src.ProductTo = t.Name, lkey, pkey
				src.set(purchaseColumn(model.PurchaseCategory, p, c, model.Say(whyProductOf, t.Name, lkey), model.Say(whyName, c.Name)))
				if j := profileIndex(lines.cols, lkey); j >= 0 {
					src.set(purchaseColumn(model.PurchaseProduct, lines, &lines.cols[j], model.Say(whyLink, t.Name, pkey)))
				}
				return true, nil
			}
		}
		return false, nil
	}
	for _, fk := range lines.t.References {
		if ok, err := try(fk.Table, fk.From, fk.To); ok || err != nil {
			return err
		}
	}
	for _, c := range lines.cols {
		if !purchaseNameMatches(model.PurchaseProduct, c.Name) {
			continue
		}
		for _, t := range tables {
			if hasPK(t, c.Name) {
				if ok, err := try(t.Name, c.Name, c.Name); ok || err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// primaryKey names a table's (first) primary-key column, or "rowid".
func primaryKey(t TableInfo) string {
	for _, c := range t.Columns {
		if c.PK {
			return c.Name
		}
	}
	return "rowid"
}

// applyPurchaseOverrides puts the user's corrections over detection: each
// role to the named column of the lines, their header or their products
// table, or to none.
func applyPurchaseOverrides(pc *profileCache, src *PurchaseSource, tables []TableInfo, overrides map[model.PurchaseRole]string) error {
	roles := make([]model.PurchaseRole, 0, len(overrides))
	for r := range overrides {
		roles = append(roles, r)
	}
	sort.Slice(roles, func(i, j int) bool { return roles[i] < roles[j] })
	for _, r := range roles {
		ref := overrides[r]
		if ref == "" {
			src.clear(r)
			continue
		}
		table, column, err := SplitColumnRef(ref)
		if err != nil {
			return fmt.Errorf("purchase role %s: %w", r, err)
		}
		t, ok := FindTable(tables, table)
		if !ok {
			return fmt.Errorf(errRoleNoTable, r, table)
		}
		if t.Name != src.Lines.Name && t.Name != src.Header && t.Name != src.Product {
			return fmt.Errorf(errRoleTable, r, t.Name, src.Lines.Name)
		}
		p, err := pc.get(t)
		if err != nil {
			return err
		}
		i := profileIndex(p.cols, column)
		if i < 0 {
			names := make([]string, len(t.Columns))
			for i, c := range t.Columns {
				names[i] = c.Name
			}
			return fmt.Errorf(errRoleColumn, r, t.Name, column, strings.Join(names, ", "))
		}
		src.set(purchaseColumn(r, p, &p.cols[i], model.Say(whySetByHand)))
	}
	sortPurchaseColumns(src)
	return nil
}

func sortPurchaseColumns(src *PurchaseSource) {
	order := map[model.PurchaseRole]int{}
	for i, r := range model.AllPurchaseRoles() {
		order[r] = i
	}
	sort.SliceStable(src.Columns, func(i, j int) bool { return order[src.Columns[i].Role] < order[src.Columns[j].Role] })
}

// returnRule picks how returns are read: a returned-quantity column, else
// a return flag, else negative values.
func returnRule(src *PurchaseSource) ReturnRule {
	if _, ok := src.Column(model.PurchaseReturnedQuantity); ok {
		return ReturnsQuantity
	}
	if _, ok := src.Column(model.PurchaseReturnFlag); ok {
		return ReturnsFlag
	}
	return ReturnsNegative
}

// missingRoles names what the source lacks to compute behaviour.
func missingRoles(src *PurchaseSource) string {
	roles := map[model.PurchaseRole]PurchaseColumn{}
	for _, c := range src.Columns {
		roles[c.Role] = c
	}
	switch {
	case !hasValue(roles):
		return missingValue
	case roles[model.PurchaseCustomer].Column == "":
		return missingCustomer
	case roles[model.PurchaseDate].Column == "":
		return missingDate
	}
	return ""
}

// MissingRole is the role to set for what Missing names.
func (s *PurchaseSource) MissingRole() model.PurchaseRole {
	switch s.Missing {
	case missingDate:
		return model.PurchaseDate
	case missingCustomer:
		return model.PurchaseCustomer
	}
	return model.PurchaseAmount
}

// MissingError is the error for an incomplete source, naming the table
// and the role to set; nil when the source is complete.
func (s *PurchaseSource) MissingError(dbPath string) error {
	if s == nil || s.Missing == "" {
		return nil
	}
	return missingError(s.Lines.Name, s.Missing, dbPath)
}

// missingError says that table lacks what missing names and which role to
// set, as a model.Sentence (the faces translate it).
func missingError(table, missing, dbPath string) error {
	switch missing {
	case missingDate:
		return model.Say(errPurchaseMissingDate, table, dbPath, string(model.PurchaseDate), table)
	case missingCustomer:
		return model.Say(errPurchaseMissingCustomer, table, dbPath, string(model.PurchaseCustomer), table)
	}
	return model.Say(errPurchaseMissingValue, table, dbPath, string(model.PurchaseAmount), table)
}

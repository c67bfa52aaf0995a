package model

// PurchaseRole says what a column of a purchase table means (the table of
// invoices, orders or transaction lines from which behaviour attributes are
// computed), whatever it is called. It is apart from Role, which describes
// the customer table: a purchase table's columns live in other tables.
type PurchaseRole string

const (
	PurchaseCustomer         PurchaseRole = "purchase_customer"          // the customer's key
	PurchaseDate             PurchaseRole = "purchase_date"              // day or date-time of the purchase
	PurchaseAmount           PurchaseRole = "purchase_amount"            // the line's (or order's) value
	PurchaseQuantity         PurchaseRole = "purchase_quantity"          // units; value = quantity × unit price
	PurchaseUnitPrice        PurchaseRole = "purchase_unit_price"        // price of one unit
	PurchaseInvoice          PurchaseRole = "purchase_invoice"           // invoice, order or ticket id
	PurchaseReturnedQuantity PurchaseRole = "purchase_returned_quantity" // units given back on the line
	PurchaseReturnFlag       PurchaseRole = "purchase_return_flag"       // yes: the line is a return
	PurchaseChannel          PurchaseRole = "purchase_channel"           // store, online, ...
	PurchaseProduct          PurchaseRole = "purchase_product"           // product key (its table may hold the category)
	PurchaseCategory         PurchaseRole = "purchase_category"          // product category or family
	PurchasePayment          PurchaseRole = "purchase_payment"           // card, cash, ...
)

// AllPurchaseRoles lists the purchase roles in the order they are shown.
func AllPurchaseRoles() []PurchaseRole {
	return []PurchaseRole{PurchaseCustomer, PurchaseDate, PurchaseAmount, PurchaseQuantity, PurchaseUnitPrice,
		PurchaseInvoice, PurchaseReturnedQuantity, PurchaseReturnFlag, PurchaseChannel, PurchaseProduct,
		PurchaseCategory, PurchasePayment}
}

// ParsePurchaseRole accepts a purchase role's name as printed by
// `pulpero rfm` and `pulpero roles`.
func ParsePurchaseRole(s string) (PurchaseRole, bool) {
	for _, r := range AllPurchaseRoles() {
		if string(r) == s {
			return r, true
		}
	}
	return "", false
}

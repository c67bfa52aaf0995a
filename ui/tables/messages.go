package tables

// title is the screen's name: the key of its tab (translated where shown).
const title = "Tables"

// What the Tables screen says, in one place for the translation catalogue.
const (
	msgTable            = "table"
	msgRows             = "rows"
	msgColumns          = "columns"
	msgCustomerTable    = "* the customer table"
	msgCustomerTableWhy = "* the customer table: %s" // why it was chosen
	msgRowsOf           = "%s · rows %s–%s of %s"
)

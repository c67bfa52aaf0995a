package sample

import "github.com/pulpero/pulpero/model"

// Table schemas of the demo world. Column names of customers follow the names
// pulpero's role detection looks for; every foreign key is declared.

func col(name, typ string) model.ColumnSchema { return model.ColumnSchema{Name: name, SQLType: typ} }

func pk(name string) model.ColumnSchema {
	return model.ColumnSchema{Name: name, SQLType: "INTEGER", PrimaryKey: true, NotNull: true}
}

func fk(name, ref string) model.ColumnSchema {
	return model.ColumnSchema{Name: name, SQLType: "INTEGER", NotNull: true, References: ref}
}

var neighbourhoodsTable = model.TableSchema{Name: "neighbourhoods", Columns: []model.ColumnSchema{
	pk("neighbourhood_id"), col("name", "TEXT"), col("zone", "TEXT"), col("postcode", "TEXT"),
	col("avg_household_income", "REAL"), col("socioeconomic_band", "TEXT"),
}}

var productsTable = model.TableSchema{Name: "products", Columns: []model.ColumnSchema{
	pk("product_id"), col("name", "TEXT"), col("category", "TEXT"), col("brand", "TEXT"),
	col("price", "REAL"), col("luxury", "INTEGER"),
}}

var campaignsTable = model.TableSchema{Name: "campaigns", Columns: []model.ColumnSchema{
	pk("campaign_id"), col("name", "TEXT"), col("channel", "TEXT"), col("campaign_date", "TEXT"),
	col("cost_per_contact", "REAL"), col("goal", "TEXT"),
}}

var customersTable = model.TableSchema{Name: "customers", Columns: []model.ColumnSchema{
	pk("customer_id"), col("name", "TEXT"), col("gender", "TEXT"), col("birth_date", "TEXT"),
	col("marital_status", "TEXT"), col("children", "INTEGER"), col("monthly_income", "REAL"),
	col("zone", "TEXT"), fk("neighbourhood_id", "neighbourhoods(neighbourhood_id)"),
	col("email", "TEXT"), col("phone", "TEXT"), col("phone_type", "TEXT"),
	col("has_smartphone", "INTEGER"), col("internet_user", "INTEGER"),
	col("consent_email", "INTEGER"), col("consent_email_date", "TEXT"),
	col("consent_sms", "INTEGER"), col("consent_sms_date", "TEXT"),
	col("consent_phone", "INTEGER"), col("consent_phone_date", "TEXT"),
	col("consent_post", "INTEGER"), col("consent_post_date", "TEXT"),
	col("email_bounced", "INTEGER"), col("unsubscribed", "INTEGER"),
	col("address", "TEXT"), col("postcode", "TEXT"), col("signup_date", "TEXT"),
	col("acquisition_channel", "TEXT"), col("preferred_channel", "TEXT"),
	col("loyalty_member", "INTEGER"), col("household_id", "INTEGER"),
}}

var invoicesTable = model.TableSchema{Name: "invoices", Columns: []model.ColumnSchema{
	pk("invoice_id"), fk("customer_id", "customers(customer_id)"), col("invoice_datetime", "TEXT"),
	col("channel", "TEXT"), col("payment_method", "TEXT"),
}}

var invoiceLinesTable = model.TableSchema{Name: "invoice_lines", Columns: []model.ColumnSchema{
	pk("line_id"), fk("invoice_id", "invoices(invoice_id)"), fk("product_id", "products(product_id)"),
	col("quantity", "INTEGER"), col("unit_price", "REAL"), col("returned_quantity", "INTEGER"),
}}

var touchpointsTable = model.TableSchema{Name: "touchpoints", Columns: []model.ColumnSchema{
	pk("touchpoint_id"), fk("customer_id", "customers(customer_id)"), col("touch_date", "TEXT"),
	col("kind", "TEXT"), col("channel", "TEXT"), col("sentiment", "REAL"),
}}

var campaignContactsTable = model.TableSchema{Name: "campaign_contacts", Columns: []model.ColumnSchema{
	{Name: "campaign_id", SQLType: "INTEGER", PrimaryKey: true, NotNull: true, References: "campaigns(campaign_id)"},
	{Name: "customer_id", SQLType: "INTEGER", PrimaryKey: true, NotNull: true, References: "customers(customer_id)"},
	col("control_group", "INTEGER"), col("responded", "INTEGER"), col("revenue", "REAL"),
}}

// Tables lists every table the generator writes, in creation order.
func Tables() []model.TableSchema {
	return []model.TableSchema{neighbourhoodsTable, productsTable, campaignsTable, customersTable,
		invoicesTable, invoiceLinesTable, touchpointsTable, campaignContactsTable}
}

package store

import (
	"strings"

	"github.com/pulpero/pulpero/model"
)

// purchaseNames are the normalized column names (English and Spanish, with
// the spellings of common shop exports) that mean a purchase role; the
// patterns work as in roleNames ("x*" prefix, "*x" suffix, "~x" the word x
// anywhere). The customer key also matches roleNames[RoleCustomerID].
var purchaseNames = map[model.PurchaseRole][]string{
	model.PurchaseCustomer: {"customer", "cliente", "client", "comprador", "buyer", "customer_code", "codigo_cliente",
		"cod_cliente", "id_client", "socio", "member", "customer_ref", "cliente_ref"},
	model.PurchaseDate: {"purchase_date", "fecha", "date", "invoice_date", "order_date", "fecha_compra", "fecha_factura",
		"fecha_pedido", "fecha_venta", "fecha_ticket", "fecha_operacion", "transaction_date", "sale_date", "sales_date",
		"invoice_datetime", "order_datetime", "purchase_datetime", "fecha_hora", "timestamp", "datetime", "order_time",
		"purchase_time", "invoice_time", "dia", "day", "created_at", "ordered_at", "purchased_at"},
	model.PurchaseAmount: {"amount", "importe", "total", "monto", "importe_total", "total_amount", "order_total",
		"amount_total", "line_total", "total_line", "net_amount", "gross_amount", "sales", "sale_amount", "revenue",
		"value", "valor", "venta", "ventas", "total_venta", "precio_total", "total_price", "subtotal", "importe_neto",
		"price_total", "spend", "gasto", "line_amount", "total_factura", "total_pedido", "total_ticket", "importe_linea",
		"~importe", "~amount"},
	model.PurchaseQuantity: {"quantity", "qty", "cantidad", "units", "unidades", "cant", "uds", "qty_ordered",
		"quantity_ordered", "num_items", "items", "n_items", "unidad", "cantidad_vendida", "quantity_sold"},
	model.PurchaseUnitPrice: {"unit_price", "precio_unitario", "precio", "price", "pvp", "precio_unidad", "price_each",
		"item_price", "precio_venta", "sale_price", "unit_amount", "precio_unit"},
	model.PurchaseInvoice: {"invoice", "invoice_id", "invoice_no", "invoice_number", "invoice_num", "order_id", "order_no",
		"order_number", "order", "factura", "factura_id", "id_factura", "num_factura", "numero_factura", "n_factura",
		"ticket", "ticket_id", "id_ticket", "num_ticket", "numero_ticket", "pedido", "pedido_id", "id_pedido", "num_pedido",
		"numero_pedido", "transaction_id", "transaccion", "id_transaccion", "receipt", "receipt_id", "basket_id",
		"purchase_id", "sale_id", "venta_id", "id_venta", "albaran"},
	model.PurchaseReturnedQuantity: {"returned_quantity", "returned_qty", "qty_returned", "quantity_returned",
		"returned_units", "units_returned", "cantidad_devuelta", "unidades_devueltas", "devuelto", "devueltos",
		"devueltas", "returned", "returns", "devolucion", "devoluciones", "return_qty", "return_quantity"},
	model.PurchaseReturnFlag: {"is_return", "return", "return_flag", "returned", "es_devolucion", "devolucion", "is_refund",
		"refund", "reembolso", "anulada", "anulado", "cancelled", "canceled", "is_cancelled", "cancelada", "cancelado"},
	model.PurchaseChannel: {"channel", "canal", "sales_channel", "canal_venta", "canal_de_venta", "order_channel",
		"purchase_channel", "store_type", "tipo_tienda", "canal_compra"},
	model.PurchaseProduct: {"product_id", "product", "producto", "producto_id", "id_producto", "sku", "stock_code",
		"item_id", "articulo", "articulo_id", "id_articulo", "codigo_producto", "cod_producto", "referencia", "product_code"},
	model.PurchaseCategory: {"category", "categoria", "product_category", "categoria_producto", "familia", "family",
		"department", "departamento", "seccion", "section", "product_type", "tipo_producto", "rubro", "category_name"},
	model.PurchasePayment: {"payment_method", "payment", "payment_type", "metodo_pago", "metodo_de_pago", "forma_pago",
		"forma_de_pago", "medio_pago", "medio_de_pago", "tipo_pago", "pago", "tender"},
}

// purchaseTableWords are words of table names that hold purchases; a table
// so named is preferred when several could be.
var purchaseTableWords = []string{"invoice", "invoices", "invoice_lines", "order", "orders", "order_lines", "sales",
	"sale", "ventas", "venta", "facturas", "factura", "lineas", "tickets", "ticket", "pedidos", "pedido", "transactions",
	"transaction", "transacciones", "compras", "compra", "purchases", "purchase", "lines", "retail", "receipts"}

// touchTableWords name tables of contacts with customers (visits, calls,
// mentions); campaign contact lists are not touchpoints.
var touchTableWords = []string{"touchpoints", "touchpoint", "interactions", "interaction", "interacciones",
	"events", "eventos", "visits", "visitas", "contact_history", "contactos_historial", "activity", "actividad"}

// touchNames are the names of touchpoint columns (kind and sentiment; the
// customer and date use the purchase names).
var touchNames = map[string][]string{
	"kind":      {"kind", "type", "tipo", "event", "event_type", "tipo_evento", "touch_type", "interaction_type", "clase"},
	"sentiment": {"sentiment", "sentimiento", "score", "valoracion", "polarity"},
	"date": {"touch_date", "date", "fecha", "event_date", "fecha_evento", "timestamp", "datetime", "created_at",
		"occurred_at", "visit_date", "fecha_visita", "contact_date", "fecha_contacto"},
}

// purchaseRoleFitsKind says which kinds of column may take a purchase role.
func purchaseRoleFitsKind(r model.PurchaseRole, k model.Kind) bool {
	text := k == model.KindText || k == model.KindIdentifier || k == model.KindCategorical
	num := k == model.KindInteger || k == model.KindReal
	switch r {
	case model.PurchaseCustomer, model.PurchaseInvoice, model.PurchaseProduct:
		return text || k == model.KindInteger
	case model.PurchaseDate:
		return k == model.KindDate || k == model.KindDateTime
	case model.PurchaseAmount, model.PurchaseUnitPrice:
		return num || text // text: amounts written with a currency symbol, read at load
	case model.PurchaseQuantity, model.PurchaseReturnedQuantity:
		return num || text
	case model.PurchaseReturnFlag:
		return k == model.KindBoolean
	case model.PurchaseChannel, model.PurchaseCategory, model.PurchasePayment:
		return text || k == model.KindBoolean
	}
	return false
}

// purchaseNameMatches reports whether a column name means role r.
func purchaseNameMatches(r model.PurchaseRole, name string) bool {
	n := normalizeName(name)
	if r == model.PurchaseCustomer && nameMatches(n, roleNames[roleKeyCustomerID]) {
		return true
	}
	return nameMatchesRole(n, purchaseNames[r])
}

// tableNamed reports whether a table's name holds one of words, as a whole
// name or one of its "_" words.
func tableNamed(table string, words []string) bool {
	n := normalizeName(table)
	for _, w := range words {
		if n == w || containsWord(n, w) || strings.HasSuffix(n, "_"+w) {
			return true
		}
	}
	return false
}

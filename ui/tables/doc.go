// Package tables is the Tables screen: every table of the open database
// (invoices, products, campaigns, ...) with its size, and its rows page by
// page. Only the page on screen is read from SQLite, so a table of ten
// million invoice lines browses as fast as a small one.
package tables

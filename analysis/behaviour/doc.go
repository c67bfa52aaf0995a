// Package behaviour describes customers by what they bought and how they were
// contacted: per-customer attributes computed from purchase lines (invoices)
// and touchpoints held as columnar arrays, returned as derived model columns
// that segment rules can use like stored ones.
//
// The package is pure: no I/O, no clock. Dates are days since 1970-01-01 as
// int32 (NoDay marks a line without a date); the analysis date A is a
// parameter (Options.AnalysisDay) or, by default, DefaultAnalysisDay: the day
// after the last purchase in the data.
//
// # Which lines count
//
// A purchase line counts for customer c when Customer = c (0 ≤ c < customers),
// its day is known and its day ≤ A. Other lines are excluded and reported
// (Report), never dropped silently: lines with no known customer are also
// totalled in Summary (lines and share of sales). A line's sale value counts
// when it is finite and > 0; its returned value when finite and > 0; other
// values count as 0 and are reported.
//
// A purchase is one distinct invoice of the customer with at least one sale
// line; a line whose Invoice is -1 (or a nil Invoice slice) is a purchase of
// its own, as R's rfm counts transactions. A returns-only invoice (no line
// with a sale) is not a purchase: its returned value still lowers monetary
// and raises returns_value. A purchase's day is the earliest day of its sale
// lines.
//
// # Attributes (column names in catalogue.go)
//
//	first_purchase, last_purchase   earliest and latest purchase day (dates)
//	recency_days                     A − last_purchase
//	tenure_days                      A − first_purchase
//	frequency                        number of purchases
//	monetary                         net value: Σ sales − Σ returned
//	avg_ticket                       gross value per purchase: Σ sales / frequency
//	returns_value                    Σ returned
//	return_rate                      Σ returned / Σ sales (may exceed 1 when
//	                                 earlier purchases are returned)
//	mean_days_between                (last − first distinct purchase day) /
//	                                 (distinct purchase days − 1): the mean gap
//	                                 between consecutive purchase days
//	purchases_90d, purchases_365d    purchases with A − day ≤ 90 (≤ 365), i.e.
//	                                 the same rule as recency_days ≤ 90
//	share_<channel>                  Σ sales on that channel / Σ sales (gross;
//	                                 shares add to less than 1 when some sale
//	                                 lines have no channel)
//	top_category                     category with the largest Σ sales; ties go
//	                                 to the lower dictionary code
//	contacts_<kind>                  touchpoints of that kind with day ≤ A
//	last_contact                     latest touchpoint day
//	mean_sentiment                   mean of the sentiments present (NaN = none)
//	contacts_before_purchase_30d     touchpoints on a day t with a purchase day p
//	                                 such that 1 ≤ p − t ≤ 30 (strictly before a
//	                                 purchase day, at most 30 days before it);
//	                                 each touchpoint counts once
//
// A customer without purchases has frequency, monetary (net of any returns),
// returns_value, purchases_* and contacts_* as numbers (0 when there is
// nothing) and NULL for every date, rate, mean and share. Nothing returned is
// NaN or infinite.
//
// # Line columns as customer attributes
//
// For a transactions-only file (Online Retail: invoice lines carrying
// CustomerID and Country), CustomerAttributes tells which descriptive line
// columns never vary within a customer and returns their per-customer
// values, so they can become customer attributes.
//
// # Speed
//
// Lines and touchpoints are grouped by customer with a counting sort (one
// pass to count, one to place line indexes), split across cores by line range;
// the per-customer pass then runs over customer ranges of 4,096 rows (whole
// bitset words, so workers never share a NULL-mask word), first copying the
// range's line fields into contiguous buffers. Loading lines in customer
// order (as the demo world stores them) makes every pass sequential; lines in
// time order cost about twice as much (see bench_test.go).
package behaviour

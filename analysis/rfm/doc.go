// Package rfm scores customers on recency, frequency and monetary value and
// names their segments, as the R package rfm does, with thresholds that can
// be frozen and applied again to new data.
//
// # Scores (rfm 0.3.0, rfm_table_order)
//
// Followed from the source of rsquaredacademy/rfm 0.3.0: R/utils.R (bins,
// bins_lower, bins_upper) and rfm_prep_bins in R/rfm-table-transaction.R.
// For a measure with values x over the scored customers and k bins:
//
//	edges  e_j = quantile(x, p_j, type 7) + 1,  p_j = j·(1/k), j = 1..k−1
//	               (R's seq(0, 1, length.out = k+1) without its ends)
//	lower  = (min x, e_1, ..., e_{k−1});  upper = (e_1, ..., e_{k−1}, max x + 1)
//	bin i  holds lower_i ≤ v < upper_i
//	score  frequency and monetary: i; recency: k + 1 − i (recent is high)
//
// The type 7 quantile is computed as R 4.x's quantile.default does, to the
// last bit: h = 1 + (n−1)p, lo = ⌊h⌋, hi = ⌈h⌉ over the sorted values, and
// (1 − (h−lo))·x_lo + (h−lo)·x_hi only when h > lo and x_hi ≠ x_lo.
//
// What follows from R's rule, kept on purpose: the "+ 1" assumes whole
// numbers (days, counts, currency units), so ties at a quantile land below
// the edge, bins can be empty (frequency data with many 1s goes 1, 3, 4, 5
// with no 2), and data spread over less than 1 unit all scores 1. Equal
// values always share a score. Every value gets exactly one score because
// the edges never decrease.
//
// One deliberate difference: the outer ends are open (bin 1 is v < e_1, bin
// k is v ≥ e_{k−1}). On the data the edges were fitted on this is R's rule
// exactly (min ≤ v < max + 1 always holds); on new data scored with frozen
// Thresholds it is what R does with custom bins (rfm_table_order given a
// vector of thresholds takes min and max from the new data); and it gives a
// score where max + 1 rounds back to max (values ≥ 2^53).
//
// # Segments
//
// A Table lists named segments as ranges of the three scores; the first
// matching rule wins and unmatched customers are "Others", as
// rfm_segment (≥ 0.2.2) does. DefaultTable is the ten-segment table of the
// rfm 0.3.0 documentation; ClassicTable the eleven segments of the older
// vignette. Table.Definitions writes them as pulpero segment rules.
//
// Customers with any measure NULL or not finite (no purchases) are not
// scored: their scores and segment are NULL and they take no part in the
// quantiles.
package rfm

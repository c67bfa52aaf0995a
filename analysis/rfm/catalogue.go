package rfm

// Column names of the results (stable identifiers used in segment rules).
const (
	ColR       = "r_score"
	ColF       = "f_score"
	ColM       = "m_score"
	ColScore   = "rfm_score"   // 100·r + 10·f + m, as R's rfm_score
	ColCell    = "rfm_cell"    // the three digits as text, "543"
	ColSegment = "rfm_segment" // the segment's name
)

// Others names the customers no segment rule matches (rfm_segment's "Others").
const Others = "Others"

// Method identifies the scoring rule in saved Thresholds.
const Method = "rfm 0.3.0 rfm_table_order: type 7 quantiles + 1"

// Notes of the result columns.
const (
	NoteR       = "recency score 1–%d: bins of recency_days at quantiles + 1 (R rfm 0.3.0), recent = high"
	NoteF       = "frequency score 1–%d: bins of frequency at quantiles + 1 (R rfm 0.3.0)"
	NoteM       = "monetary score 1–%d: bins of monetary at quantiles + 1 (R rfm 0.3.0)"
	NoteScore   = "100 × r_score + 10 × f_score + m_score"
	NoteCell    = "r_score, f_score and m_score as three digits"
	NoteSegment = "RFM segment of table %q: first matching rule, otherwise Others"
)

// Error texts.
const (
	errBins       = "rfm: %s bins must be between 1 and 9, not %d"
	errEdges      = "rfm: %s needs %d edges for %d bins, not %d"
	errEdgeOrder  = "rfm: %s edges must be finite and never decrease: %v"
	errLengths    = "rfm: recency, frequency and monetary have %d, %d and %d values: they must have one per customer"
	errMissingLen = "rfm: the missing-rows set is for %d rows, not %d"
	errNoneScored = "rfm: no customer has recency, frequency and monetary: there is nothing to score (customers without purchases are not scored)"
	errRuleRange  = "rfm: segment %q: %s range %d–%d must be within 1–9 with min ≤ max"
	errRuleName   = "rfm: segment %d has no name, or the reserved name Others"
	errRuleDup    = "rfm: two segments are named %q"
	errColumn     = "rfm: %s must be a number column"
	errScores     = "rfm: the scores are for %d customers but the measures have %d"
	errNoRevenue  = "rfm: the scored customers' total monetary value is %v: revenue shares need a positive total"
	errCurvePts   = "rfm: the concentration curve needs at least 2 points, not %d"
)

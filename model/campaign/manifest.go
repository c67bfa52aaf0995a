package campaign

import "github.com/pulpero/pulpero/model"

// Manifest is written beside every exported list (LIST.manifest.json): what
// was asked, what each step of the funnel kept, and which database file the
// list came from, so a list can be audited and reproduced later.
type Manifest struct {
	Tool     string     `json:"tool"`
	Created  string     `json:"created"` // RFC 3339, UTC
	Campaign string     `json:"campaign"`
	Database Source     `json:"database"`
	Segments []SegRef   `json:"segments"`
	Exclude  []SegRef   `json:"exclude,omitempty"`
	Params   Parameters `json:"parameters"`
	Model    []string   `json:"response_model"`
	// ModelSaid is Model in parts, per channel, for a person to read in
	// their language (not written: the manifest is a stable English record).
	ModelSaid [][]model.Sentence `json:"-"`
	Reach     []string           `json:"reachability"`
	// ReachSaid is Reach as sentences (not written, as ModelSaid).
	ReachSaid []model.Sentence `json:"-"`
	// ReachOf is, per offered channel, how many matching customers can be
	// contacted and why the others cannot.
	ReachOf []ChannelCounts `json:"reachability_of_matching"`
	Steps   []Step          `json:"steps"`
	Reasons map[string]int  `json:"excluded_by_reason"`
	Summary Summary         `json:"expected"`
	Curve   []CurvePoint    `json:"profit_curve"`
	Files   Files           `json:"files"`
	// Seconds each stage took (load, contacts, plan, write), for the
	// benchmarks and for a user wondering where the time went.
	Seconds map[string]float64 `json:"seconds"`
}

// Parameters are the request's settings as the plan used them.
type Parameters struct {
	Channels       []ChannelCost `json:"channels"`
	Value          float64       `json:"value"`
	Budget         float64       `json:"budget"`
	ControlPercent float64       `json:"control_percent"`
	DefaultRate    float64       `json:"default_rate"`
	Model          string        `json:"model"`
	RatesBy        string        `json:"rates_by"`
	PriorContacts  float64       `json:"prior_contacts"`
	HistorySince   string        `json:"history_since"`
	FatigueDays    int           `json:"fatigue_days"`
	Uplift         bool          `json:"uplift"`
	Format         string        `json:"format"`
	Excel          bool          `json:"excel"`
	// Headers is the language of the CSV header line: "en" (the stable
	// column names) or "es" (--headers es); "" for JSON lines.
	Headers string `json:"headers,omitempty"`
	// ValueFrom is the attribute a response's value came from per
	// customer (clv); Value is then for customers without one.
	ValueFrom string `json:"value_from,omitempty"`
}

// Source identifies the database file a list came from.
type Source struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"` // of the file as it was when the export started
	Table  string `json:"table"`
	Rows   int    `json:"customers"`
	// Key is the column lists name customers by; "" when the table has
	// none, and KeyNote then says lists use row numbers.
	Key     string `json:"customer_key"`
	KeyNote string `json:"customer_key_note,omitempty"`
	// AtWrite is the file's state in the read transaction the list's
	// contacts, consent and opt-outs were read in.
	AtWrite *Fingerprint `json:"at_write,omitempty"`
}

// SegRef is a segment as used: its name (or "where" for an inline rule),
// its canonical definition and hash, and how many matched.
type SegRef struct {
	Name       string `json:"name"`
	Definition string `json:"definition"`
	Hash       string `json:"hash,omitempty"`
	Matching   int    `json:"matching"`
}

// Files lists the files written and the rows in them.
type Files struct {
	List            string `json:"list"`
	Format          string `json:"format"`
	Rows            int    `json:"rows"`
	Target          int    `json:"target_rows"`
	Control         int    `json:"control_rows"`
	SkippedAtExport int    `json:"skipped_at_export"` // contact failed the final check
	Rejected        string `json:"rejected,omitempty"`
	RejectedRows    int    `json:"rejected_rows,omitempty"`
	// SpreadsheetSafety says how CSV cells were kept from running as
	// formulas, and Neutralised how many were changed ("" and 0 for JSON
	// lines, written raw).
	SpreadsheetSafety string `json:"spreadsheet_safety,omitempty"`
	Neutralised       int    `json:"neutralised_cells,omitempty"`
}

// Fingerprint identifies the state of a database file cheaply: its size and
// modification time, SQLite's file change counter and schema cookie (header
// bytes 24 and 40, which every committed write transaction in rollback mode
// bumps) and the size of its write-ahead log.
type Fingerprint struct {
	Size          int64  `json:"size"`
	Modified      string `json:"modified"` // RFC 3339 with nanoseconds
	ChangeCounter uint32 `json:"change_counter"`
	SchemaCookie  uint32 `json:"schema_cookie"`
	WALSize       int64  `json:"wal_size"`
}

package store

import (
	"encoding/json"
	"fmt"
)

// Manifest is written beside every exported list (LIST.manifest.json): what
// was asked, what each step of the funnel kept, and which database file the
// list came from, so a list can be audited and reproduced later.
type Manifest struct {
	Tool     string   `json:"tool"`
	Created  string   `json:"created"` // RFC 3339, UTC
	Campaign string   `json:"campaign"`
	Database Database `json:"database"`
	Segments []SegRef `json:"segments"`
	Exclude  []SegRef `json:"exclude,omitempty"`
	Params   any      `json:"parameters"`
	Model    []string `json:"response_model"`
	Reach    []string `json:"reachability"`
	// ReachOf is, per offered channel, how many matching customers can be
	// contacted and why the others cannot.
	ReachOf any       `json:"reachability_of_matching"`
	Steps   any       `json:"steps"`
	Reasons any       `json:"excluded_by_reason"`
	Summary any       `json:"expected"`
	Curve   any       `json:"profit_curve"`
	Files   FilesMeta `json:"files"`
	// Seconds each stage took (load, contacts, plan, write), for the
	// benchmarks and for a user wondering where the time went.
	Seconds map[string]float64 `json:"seconds"`
}

// Database identifies the source file.
type Database struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Table  string `json:"table"`
	Rows   int    `json:"customers"`
}

// SegRef is a segment as used: its name (or "where" for an inline rule),
// its canonical definition and hash, and how many matched.
type SegRef struct {
	Name       string `json:"name"`
	Definition string `json:"definition"`
	Hash       string `json:"hash,omitempty"`
	Matching   int    `json:"matching"`
}

// FilesMeta lists the files written and the rows in them.
type FilesMeta struct {
	List            string `json:"list"`
	Format          string `json:"format"`
	Rows            int    `json:"rows"`
	Target          int    `json:"target_rows"`
	Control         int    `json:"control_rows"`
	SkippedAtExport int    `json:"skipped_at_export"` // contact failed the final check
	Rejected        string `json:"rejected,omitempty"`
	RejectedRows    int    `json:"rejected_rows,omitempty"`
}

// WriteManifest writes m atomically to path.
func WriteManifest(path string, m *Manifest, force bool) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	f, err := CreateAtomic(path, force)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return f.Commit()
}

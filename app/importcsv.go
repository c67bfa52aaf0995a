package app

import (
	"context"

	"github.com/pulpero/pulpero/store/csvimport"
)

// CSV import, as the faces see it (store/csvimport does the work).
type (
	ImportOptions  = csvimport.Options
	ImportResult   = csvimport.Result
	ImportProgress = csvimport.Progress
	ImportPhase    = csvimport.Phase
	ImportError    = csvimport.ImportError
	HeaderMode     = csvimport.HeaderMode
)

// Import phases, header modes and the space-runs delimiter (see csvimport).
const (
	PhaseScan   = csvimport.PhaseScan
	PhaseTypes  = csvimport.PhaseTypes
	PhaseInsert = csvimport.PhaseInsert
	PhaseIndex  = csvimport.PhaseIndex

	HeaderDetect = csvimport.HeaderDetect
	HeaderYes    = csvimport.HeaderYes
	HeaderNo     = csvimport.HeaderNo

	SpaceRuns = csvimport.SpaceRuns
)

// Errors an import reports; test with errors.Is.
var (
	ErrImportOption      = csvimport.ErrBadOption
	ErrImportTableExists = csvimport.ErrTableExists
)

// ImportCSV imports a CSV/TSV file into a table of the database at dbPath
// (created when missing), in one transaction.
func ImportCSV(ctx context.Context, dbPath, csvPath string, opt ImportOptions) (*ImportResult, error) {
	return csvimport.Import(ctx, dbPath, csvPath, opt)
}

// DelimiterName names a delimiter for people ("comma", "tab", ...).
func DelimiterName(d rune) string { return csvimport.DelimiterName(d) }

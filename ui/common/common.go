package common

import (
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// Session is the open database and what was loaded from it. Screens read it;
// only the root model replaces it.
type Session struct {
	DB        *store.DB
	Workspace *store.Workspace
	Table     store.TableInfo
	TableWhy  string // why this table was taken as the customer table
	Profiles  []store.ColumnProfile
	Data      *model.Dataset
	Reach     *analysis.Reach // who can be contacted on which channel, and why not
	AsOf      time.Time       // the reference date for ages and tenure
}

// Common is the shared state passed to every screen's constructor.
type Common struct {
	Width, Height int
	Styles        *Styles
	Session       *Session
	// Export runs `pulpero export`'s pipeline (main passes it; nil: the
	// Campaign screen plans but cannot write).
	Export ExportFunc
}

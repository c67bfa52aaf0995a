package app

import (
	"context"

	"github.com/pulpero/pulpero/store"
)

// Contact columns and the verdicts on their values (see store).
type (
	ContactColumns  = store.ContactColumns
	ContactValidity = store.ContactValidity
)

// ContactColumns names the personal columns holding each channel's address.
func (s *Session) ContactColumns() ContactColumns { return store.FindContactColumns(s.Profiles) }

// ReadContactValidity judges every customer's addresses and numbers in
// SQLite's rows; only the verdicts (bitsets) come back.
func (s *Session) ReadContactValidity(ctx context.Context) (ContactValidity, error) {
	return s.DB.db.ReadContactValidity(ctx, s.Table, s.ContactColumns(), s.Data.RowIDs)
}

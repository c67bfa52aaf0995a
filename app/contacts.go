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

// UnmappedConsent names yes/no columns that look like consent (their names
// say acepta, permiso, consent, newsletter, ...) but have no role because
// another column has it: worth a word wherever reachability is shown, since
// consent is never assumed from a column pulpero does not read as consent.
func (s *Session) UnmappedConsent() []string {
	var out []string
	for _, p := range s.Profiles {
		if p.ConsentLike && p.Role == "" {
			out = append(out, p.Name)
		}
	}
	return out
}

package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// UserRole is what a user of `pulpero serve` may do. A local user has no
// role and no Policy: everything is offered.
type UserRole string

const (
	RoleViewer  UserRole = "viewer"  // explore, segments and counts; personal values masked
	RoleAnalyst UserRole = "analyst" // as a local user, exports into their own folder
	RoleAdmin   UserRole = "admin"   // as an analyst, plus role corrections and imports
)

// ParseUserRole accepts viewer, analyst or admin (any case).
func ParseUserRole(s string) (UserRole, error) {
	switch r := UserRole(strings.ToLower(strings.TrimSpace(s))); r {
	case RoleViewer, RoleAnalyst, RoleAdmin:
		return r, nil
	}
	return "", fmt.Errorf("role %q: use viewer, analyst or admin", s)
}

// Action is something a role is or is not offered.
type Action string

const (
	ActSaveSegment Action = "save_segment" // save (a version of) a segment
	ActExport      Action = "export"       // write a campaign list
	ActTables      Action = "tables"       // browse the raw tables, personal columns unmasked
	ActImport      Action = "import"       // import a file into the database
	ActRoles       Action = "roles"        // correct what a column means
	// ActManage changes what others share: rename or delete a saved segment
	// (with its history), the analysis date and value settings, frozen
	// cut-offs. Saving or copying a segment only adds a version.
	ActManage Action = "manage"
)

// Allows reports whether the role may do a. An unknown role may do
// nothing that writes or shows personal data (fail closed).
func (r UserRole) Allows(a Action) bool {
	switch a {
	case ActSaveSegment:
		return r == RoleViewer || r == RoleAnalyst || r == RoleAdmin
	case ActExport, ActTables, ActManage:
		return r == RoleAnalyst || r == RoleAdmin
	case ActImport, ActRoles:
		return r == RoleAdmin
	}
	return false
}

// Masked reports whether personal values are masked for the role.
func (r UserRole) Masked() bool { return r != RoleAnalyst && r != RoleAdmin }

// Policy is one remote user's session: who they are, what they may do,
// where their exports go, and where what they did is reported. The faces
// call its methods instead of the Session's; a nil *Policy is a local user
// and every method does just what the Session's does.
type Policy struct {
	User      string   // names the saver of a segment version and the audit lines
	Role      UserRole //
	ExportDir string   // the user's own export folder: every list lands inside it
	// Context is the remote session's: when it ends (the client is gone)
	// an export in flight is cancelled, leaving no file and no record.
	// nil: never cancelled from outside.
	Context context.Context
	// BeginWrite, when set, is asked before a save or an export starts; it
	// refuses when the server is stopping, and end tells it the write is
	// over, so a stopping server lets writes in flight finish first.
	BeginWrite func() (end func(), err error)
	// Audit, when set, receives what the user did (never a personal value).
	Audit func(AuditEvent)
}

// AuditEvent is one line of the audit log about what a user did.
type AuditEvent struct {
	Event    string `json:"event"` // one of the Event* constants
	User     string `json:"user"`
	Segment  string `json:"segment,omitempty"`
	Version  int    `json:"version,omitempty"`
	Hash     string `json:"definition_hash,omitempty"`
	Size     int    `json:"size,omitempty"`
	Campaign string `json:"campaign,omitempty"`
	File     string `json:"file,omitempty"` // relative to the user's export folder
	Rows     int    `json:"rows,omitempty"`
	SHA256   string `json:"sha256,omitempty"`
	Action   Action `json:"action,omitempty"` // what was refused
	Reason   string `json:"reason,omitempty"` // a stable key, never free text from the data
	Change   Change `json:"change,omitempty"` // what a "changed" event changed
}

// Change names a change to pulpero's saved work other than saving a
// segment (Policy.Change).
type Change string

const (
	ChangeSegmentRenamed    Change = "segment_renamed"
	ChangeSegmentDeleted    Change = "segment_deleted"
	ChangeSegmentCopied     Change = "segment_copied"
	ChangeRFMFrozen         Change = "rfm_frozen"
	ChangeBehaviourSettings Change = "behaviour_settings"
	ChangeValueSettings     Change = "value_settings"
)

// Audit events of the application layer; the server adds its own.
const (
	EventSegmentSaved  = "segment_saved"
	EventExported      = "exported"
	EventRefused       = "refused"
	EventExportFailed  = "export_failed"
	EventChanged       = "changed" // saved work renamed, deleted or copied; settings or cut-offs saved
	ReasonNotAllowed   = "not_allowed"
	ReasonPath         = "path_outside_exports"
	ReasonStopping     = "server_stopping"
	ReasonCancelled    = "cancelled"
	ReasonExportFailed = "failed"
)

// NotAllowedError is an action the user's role is not offered.
type NotAllowedError struct {
	Role   UserRole
	Action Action
}

func (e *NotAllowedError) Error() string {
	return fmt.Sprintf(msgNotAllowed, e.Role, e.Action)
}

// ErrNotAllowed matches every NotAllowedError with errors.Is.
var ErrNotAllowed = errors.New("not allowed")

func (e *NotAllowedError) Is(target error) bool { return target == ErrNotAllowed }

// Allows reports whether the session may do a (a local user may do all).
func (p *Policy) Allows(a Action) bool { return p == nil || p.Role.Allows(a) }

// Masked reports whether personal values are masked in this session.
func (p *Policy) Masked() bool { return p != nil && p.Role.Masked() }

// Saver names who saves in this session ("" for a local user).
func (p *Policy) Saver() string {
	if p == nil {
		return ""
	}
	return p.User
}

// check refuses a (and says so in the audit log) when the role lacks it.
func (p *Policy) check(a Action) error {
	if p.Allows(a) {
		return nil
	}
	p.audit(AuditEvent{Event: EventRefused, Action: a, Reason: ReasonNotAllowed})
	return &NotAllowedError{Role: p.Role, Action: a}
}

// begin asks the server's write gate (if any) before a write.
func (p *Policy) begin(a Action) (func(), error) {
	if p == nil || p.BeginWrite == nil {
		return func() {}, nil
	}
	end, err := p.BeginWrite()
	if err != nil {
		p.audit(AuditEvent{Event: EventRefused, Action: a, Reason: ReasonStopping})
		return nil, err
	}
	return end, nil
}

func (p *Policy) audit(e AuditEvent) {
	if p == nil || p.Audit == nil {
		return
	}
	e.User = p.User
	p.Audit(e)
}

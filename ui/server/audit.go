package server

import (
	"encoding/json"
	"io"
	"sync"
	"time"

	"github.com/pulpero/pulpero/app"
)

// Audit events the server adds to app's.
const (
	eventConnected     = "connected"
	eventDisconnected  = "disconnected"
	eventKeyRefused    = "key_refused"
	eventSessionDenied = "session_refused"
)

// auditLine is one JSON line: when, the session's who and from where, and
// what (app's event). Nothing in it is a customer's personal value.
type auditLine struct {
	Time    string  `json:"time"`
	Remote  string  `json:"remote,omitempty"`
	Key     string  `json:"key,omitempty"` // the key's SHA256 fingerprint
	Role    string  `json:"role,omitempty"`
	Session string  `json:"session,omitempty"`
	Term    string  `json:"term,omitempty"`
	Seconds float64 `json:"seconds,omitempty"`
	app.AuditEvent
}

// auditLog writes lines one at a time (sessions write concurrently).
type auditLog struct {
	mu  sync.Mutex
	enc *json.Encoder // nil: no audit log
}

func newAuditLog(w io.Writer) *auditLog {
	a := &auditLog{}
	if w != nil {
		a.enc = json.NewEncoder(w)
	}
	return a
}

// write adds a line; a failure is for the server log: it must not stop
// the user's work.
func (a *auditLog) write(l auditLine) error {
	if a == nil || a.enc == nil {
		return nil
	}
	l.Time = time.Now().UTC().Format(time.RFC3339Nano)
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.enc.Encode(l)
}

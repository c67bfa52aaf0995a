package model

import "strings"

// ParseYesNo reads a yes/no value as shops write it, in English and
// Spanish: yes, y, true, t, 1, sí, si, s, verdadero, v and no, n, false, f,
// 0, falso (any case, surrounding spaces ignored). ok is false for anything
// else: such a value is never taken as either.
func ParseYesNo(s string) (yes, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "t", "1", "si", "sí", "s", "verdadero", "v":
		return true, true
	case "no", "n", "false", "f", "0", "falso":
		return false, true
	}
	return false, false
}

// ConsentGiven applies consent's rule to a value: only a clear yes
// consents. Empty, no, and anything unclear ("unknown", "2", a date) do not:
// consent is never assumed.
func ConsentGiven(s string) bool {
	yes, ok := ParseYesNo(s)
	return ok && yes
}

// OptedOut applies the opposite rule to an opt-out or bounce value (an
// unsubscribed, do-not-contact or bounced column): only a clear no (empty,
// 0, no, false, n and their Spanish forms) leaves the customer reachable;
// yes, any other number, "unknown", a date or any other text counts as
// opted out. A date column is judged by OptedOutOn instead.
func OptedOut(s string) bool {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "" || t == "0.0" || t == "-" {
		return false
	}
	yes, ok := ParseYesNo(t)
	return !ok || yes
}

// OptedOutOn is the rule for an opt-out date (unsubscribed_at, fecha_baja):
// the customer is opted out from that day on, so on asOfDay (days since
// 1970-01-01) when day ≤ asOfDay.
func OptedOutOn(day, asOfDay int64) bool { return day <= asOfDay }

// OptOutScope says which channels an opt-out column applies to, from its
// name: one naming a channel applies to it alone (email_unsubscribed, baja_sms,
// no_llamar), any other to every channel. Bounces are about e-mail only and
// are not scoped here.
type OptOutScope int

const (
	ScopeAll OptOutScope = iota
	ScopeEmail
	ScopeSMS
	ScopePhone
	ScopePost
)

// ScopeOfName reads the channel a column's name is about.
func ScopeOfName(name string) OptOutScope {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "postal") || strings.Contains(n, "post") || strings.Contains(n, "carta") || strings.Contains(n, "correspondencia"):
		return ScopePost
	case strings.Contains(n, "mail") || strings.Contains(n, "correo") || strings.Contains(n, "newsletter"):
		return ScopeEmail
	case strings.Contains(n, "sms") || strings.Contains(n, "whatsapp"):
		return ScopeSMS
	case strings.Contains(n, "phone") || strings.Contains(n, "call") || strings.Contains(n, "telef") || strings.Contains(n, "llamad") || strings.Contains(n, "llamar"):
		return ScopePhone
	}
	return ScopeAll
}

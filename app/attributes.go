package app

import (
	"errors"
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
)

// RuleAttributes lists the attributes a rule reads, following `in segment`
// into the library's saved segments (each once).
func RuleAttributes(tree segment.Node, lib *Library) []string {
	var out []string
	seen := map[string]bool{}
	var walk func(n segment.Node)
	walk = func(n segment.Node) {
		for _, c := range segment.Conditions(n) {
			if c.Op == segment.OpInSegment {
				if len(c.Values) > 0 && !seen["segment:"+strings.ToLower(c.Values[0].Text)] {
					seen["segment:"+strings.ToLower(c.Values[0].Text)] = true
					if t, ok := lib.Resolve(c.Values[0].Text); ok {
						walk(t)
					}
				}
				continue
			}
			out = append(out, c.Attribute)
		}
	}
	walk(tree)
	if out == nil {
		out = []string{} // a rule that reads nothing still asks for nothing
	}
	return out
}

// derivedFrom names the roles a derived attribute is computed from.
var derivedFrom = map[string][]model.Role{
	"age":          {model.RoleBirthDate, model.RoleBirthYear},
	"generation":   {model.RoleBirthDate, model.RoleBirthYear},
	"income_band":  {model.RoleIncome},
	"has_children": {model.RoleChildren},
	"tenure_days":  {model.RoleSignupDate},
}

// derivedNames lists the derived attributes among attrs (nil: all; an
// empty list: none).
func derivedNames(attrs []string) []string {
	if attrs == nil {
		return nil
	}
	out := []string{}
	for _, a := range attrs {
		if low := strings.ToLower(strings.TrimSpace(a)); derivedFrom[low] != nil {
			out = append(out, low)
		}
	}
	return out
}

// reachRoles are the columns reachability reads.
var reachRoles = []model.Role{model.RoleConsentEmail, model.RoleConsentSMS, model.RoleConsentPhone, model.RoleConsentPost,
	model.RoleConsentAny, model.RoleUnsubscribed, model.RoleEmailBounced, model.RoleHousehold, model.RolePostcode}

// isReachAttribute reports whether an attribute is one of reachability's.
func isReachAttribute(a string) bool {
	a = strings.ToLower(a)
	return strings.HasPrefix(a, "reachable_") || a == "digitally_valid" || a == "bridge"
}

// needsReach reports whether attributes (nil: everything) need the contact
// checks and reachability.
func needsReach(attrs []string) bool {
	if attrs == nil {
		return true
	}
	for _, a := range attrs {
		if isReachAttribute(a) {
			return true
		}
	}
	return false
}

// columnsFor maps attributes to the stored columns that give them: a
// column by name, a role's column, a derived attribute's sources, and
// reachability's columns. nil attributes: every column.
func columnsFor(attrs []string) func([]store.ColumnProfile) []string {
	if attrs == nil {
		return nil
	}
	return func(profiles []store.ColumnProfile) []string {
		byRole := func(roles ...model.Role) []string {
			var out []string
			for _, p := range profiles {
				for _, r := range roles {
					if p.Role == r {
						out = append(out, p.Name)
					}
				}
			}
			return out
		}
		var out []string
		for _, a := range attrs {
			low := strings.ToLower(strings.TrimSpace(a))
			out = append(out, a)
			if r, ok := model.ParseRole(low); ok {
				out = append(out, byRole(r)...)
			}
			if roles, ok := derivedFrom[low]; ok {
				out = append(out, byRole(roles...)...)
			}
			if isReachAttribute(low) {
				out = append(out, byRole(reachRoles...)...)
			}
		}
		return out
	}
}

// ErrBehaviourLoading is the Behaviour of LoadInStages's first session:
// the purchases are being read.
var ErrBehaviourLoading = errors.New("the purchases are still being read")

// errBehaviourNotLoaded is the Behaviour of a load that did not need it.
var errBehaviourNotLoaded = errors.New("behaviour was not loaded: the request did not need it")

// needsBehaviour reports whether attributes (nil: everything) need the
// behaviour read from the purchases: some attribute the customers' own
// columns, roles and derived attributes do not give. Behaviour names depend
// on the data (a column per channel), so the test is by absence.
func needsBehaviour(attrs []string, data *model.Dataset) bool {
	if attrs == nil {
		return true
	}
	for _, a := range attrs {
		if isReachAttribute(a) || isValueAttribute(a) { // value reads the purchases itself (value_load.go)
			continue
		}
		if data.Attribute(a) == nil {
			return true
		}
	}
	return false
}

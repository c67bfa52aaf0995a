package explore

import (
	"github.com/pulpero/pulpero/model"
)

// firstAttribute is the attribute Explore opens on: the first category,
// yes/no, number or date that is not an identifier nor a key, and that has
// a role (gender, income, ...) or values that vary. Opening on customer_id
// showed a flat histogram of ids, which says nothing. 0 when none qualifies.
func firstAttribute(ds *model.Dataset) int {
	for i, c := range ds.Columns {
		meta := c.Meta()
		switch {
		case meta.Kind == model.KindIdentifier || meta.Kind == model.KindText:
		case meta.Role == model.RoleCustomerID || meta.Role.Personal():
		case meta.Role != model.RoleNone || varies(c):
			return i
		}
	}
	return 0
}

// varies reports whether a column holds two different non-null values; it
// stops at the second, so it is quick on a big column too.
func varies(c model.Column) bool {
	switch x := c.(type) {
	case *model.CodedColumn:
		seen := int32(-1)
		for i, code := range x.Codes {
			if x.IsNull(i) {
				continue
			}
			if seen >= 0 && code != seen {
				return true
			}
			seen = code
		}
	case *model.NumberColumn:
		first, have := 0.0, false
		for i, v := range x.Values {
			if x.IsNull(i) {
				continue
			}
			if have && v != first {
				return true
			}
			first, have = v, true
		}
	}
	return false
}

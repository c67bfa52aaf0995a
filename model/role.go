package model

// Role says what a column means to a shop, whatever it is called. Every feature
// after the foundation finds columns by role, never by name.
type Role string

const (
	RoleNone          Role = ""
	RoleCustomerID    Role = "customer_id"
	RoleName          Role = "name"
	RoleEmail         Role = "email"
	RolePhone         Role = "phone"
	RoleMobile        Role = "mobile"
	RoleAddress       Role = "address"
	RolePostcode      Role = "postcode"
	RoleBirthDate     Role = "birth_date"
	RoleBirthYear     Role = "birth_year"
	RoleGender        Role = "gender"
	RoleIncome        Role = "income"
	RoleSignupDate    Role = "signup_date"
	RoleHousehold     Role = "household"
	RoleConsentEmail  Role = "consent_email"
	RoleConsentSMS    Role = "consent_sms"
	RoleConsentPhone  Role = "consent_phone"
	RoleConsentPost   Role = "consent_post"
	RoleConsentAny    Role = "consent" // general marketing consent, for channels without their own
	RoleUnsubscribed  Role = "unsubscribed"
	RoleEmailBounced  Role = "email_bounced"
	RoleMaritalStatus Role = "marital_status"
	RoleChildren      Role = "children"
)

// AllRoles lists the roles in the order they are shown.
func AllRoles() []Role {
	return []Role{
		RoleCustomerID, RoleName, RoleEmail, RolePhone, RoleMobile, RoleAddress, RolePostcode,
		RoleBirthDate, RoleBirthYear, RoleGender, RoleMaritalStatus, RoleChildren, RoleIncome,
		RoleSignupDate, RoleHousehold, RoleConsentEmail, RoleConsentSMS, RoleConsentPhone,
		RoleConsentPost, RoleConsentAny, RoleUnsubscribed, RoleEmailBounced,
	}
}

// ParseRole accepts a role's name as printed by `pulpero roles`.
func ParseRole(s string) (Role, bool) {
	for _, r := range AllRoles() {
		if string(r) == s {
			return r, true
		}
	}
	return RoleNone, false
}

// Personal reports whether a column with this role holds personal data that
// must stay in SQLite: it is read row by row for display and export, and never
// loaded into the analysis copy.
func (r Role) Personal() bool {
	switch r {
	case RoleName, RoleEmail, RolePhone, RoleMobile, RoleAddress:
		return true
	}
	return false
}

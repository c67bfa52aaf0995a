package store

import (
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// roleKey indexes roleNames; the customer id has its own key because table
// detection uses its names too.
const roleKeyCustomerID = model.RoleCustomerID

// roleNames are the normalized column names (English and Spanish, with a few
// Portuguese and common export spellings) that mean a role. "x*" matches x
// and x_..., "*x" matches x and ..._x, "~x" matches any name with the word x.
var roleNames = map[model.Role][]string{
	model.RoleCustomerID: {"customer_id", "customerid", "cust_id", "client_id", "clientid", "id_cliente", "cliente_id",
		"idcliente", "id_customer", "customer_number", "customer_no", "numero_cliente", "id_socio", "member_id", "customer_key"},
	model.RoleName: {"name", "full_name", "fullname", "customer_name", "client_name", "nombre", "nombre_completo",
		"nombre_cliente", "first_name", "firstname", "last_name", "lastname", "surname", "apellido", "apellidos", "nome"},
	model.RoleEmail: {"email", "e_mail", "mail", "email_address", "e_mail_address", "correo", "correo_electronico",
		"email_addr", "*email", "*e_mail", "*correo_electronico"},
	model.RoleMobile: {"mobile", "mobile_phone", "mobile_number", "movil", "telefono_movil", "celular", "cell", "cellphone",
		"cell_phone", "*mobile", "*movil", "*celular"},
	model.RolePhone: {"phone", "telephone", "telefono", "tel", "phone_number", "telephone_number", "telefono_fijo",
		"landline", "numero_telefono", "*phone", "*telefono"},
	model.RoleAddress: {"address", "street", "street_address", "direccion", "calle", "domicilio", "address_line_1",
		"address1", "address_1", "*address", "*direccion", "morada"},
	model.RolePostcode: {"postcode", "post_code", "postal_code", "zip", "zipcode", "zip_code", "codigo_postal", "cp", "cod_postal"},
	model.RoleBirthDate: {"birth_date", "birthdate", "date_of_birth", "dob", "fecha_nacimiento", "fecha_de_nacimiento",
		"nacimiento", "birthday", "data_nascimento"},
	model.RoleBirthYear: {"birth_year", "year_birth", "year_of_birth", "ano_nacimiento", "anio_nacimiento",
		"ano_de_nacimiento", "birthyear", "yob"},
	model.RoleGender:        {"gender", "sex", "sexo", "genero", "genre", "sexe"},
	model.RoleMaritalStatus: {"marital_status", "marital", "estado_civil", "civil_status", "marital_state"},
	model.RoleChildren: {"children", "kids", "num_children", "number_of_children", "n_children", "hijos", "num_hijos",
		"n_hijos", "numero_hijos", "kidhome", "childs"},
	model.RoleIncome: {"~income", "~ingresos", "~ingreso", "~renta", "~salary", "~salario", "~sueldo"},
	model.RoleSignupDate: {"signup_date", "sign_up_date", "signup", "registration_date", "registered_at", "created_at",
		"date_joined", "join_date", "joined", "customer_since", "fecha_alta", "alta", "fecha_registro", "dt_customer",
		"fecha_de_alta", "member_since", "signup_at"},
	model.RoleHousehold: {"household_id", "household", "hogar", "hogar_id", "id_hogar", "family_id", "familia_id", "id_familia"},
	model.RoleConsentEmail: {"consent_email", "email_consent", "email_opt_in", "email_optin", "optin_email", "opt_in_email",
		"acepta_email", "acepta_correo", "accepts_email", "newsletter", "consentimiento_email", "permiso_email",
		"email_permission", "email_ok", "acepta_mail"},
	model.RoleConsentSMS: {"consent_sms", "sms_consent", "sms_opt_in", "sms_optin", "acepta_sms", "optin_sms",
		"opt_in_sms", "accepts_sms", "consentimiento_sms", "permiso_sms", "sms_ok"},
	model.RoleConsentPhone: {"consent_phone", "phone_consent", "consent_call", "call_consent", "consent_calls",
		"acepta_llamadas", "acepta_telefono", "phone_opt_in", "optin_phone", "accepts_calls", "consentimiento_telefono",
		"permiso_llamadas", "phone_ok"},
	model.RoleConsentPost: {"consent_post", "post_consent", "consent_mail", "mail_consent", "consent_postal",
		"acepta_correo_postal", "acepta_correspondencia", "postal_opt_in", "direct_mail_opt_in", "optin_post",
		"consentimiento_postal", "post_ok"},
	model.RoleUnsubscribed: {"unsubscribed", "unsubscribe", "opted_out", "opt_out", "optout", "baja", "dado_de_baja",
		"email_unsubscribed", "is_unsubscribed"},
	model.RoleEmailBounced: {"email_bounced", "bounced", "bounce", "rebotado", "email_rebotado", "hard_bounce", "is_bounced"},
	model.RoleConsentAny: {"consent", "consentimiento", "acepta_publicidad", "acepta_comunicaciones", "marketing_consent",
		"consent_marketing", "opt_in", "optin", "permiso_publicidad", "autoriza_publicidad"},
}

// Words that make a column an opt-out, a bounce or a consent whatever else
// its name says ("Fecha de baja", "Lista Robinson", "No molestar", "Acepta
// publicidad", "autoriza_comunicaciones_sms"). Opt-out words are checked
// first: "no_acepta_publicidad" is an opt-out, not a consent.
var (
	optOutWords = []string{"unsubscribed", "unsubscribe", "unsub", "unsubscribed_at", "opted_out", "opt_out", "optout",
		"baja", "robinson", "no_molestar", "no_contactar", "no_llamar", "do_not_contact", "do_not_call", "do_not_email",
		"dnc", "no_publicidad", "no_acepta", "rechaza", "revoca", "revocado", "blacklist", "lista_negra", "suppressed",
		"suppression"}
	bounceWords  = []string{"bounced", "bounce", "bounces", "rebotado", "rebote", "rebota", "hard_bounce", "undeliverable"}
	consentWords = []string{"consent", "consentimiento", "acepta", "accepts", "autoriza", "authorizes", "permiso",
		"permission", "opt_in", "optin", "opted_in", "newsletter", "publicidad", "comunicaciones", "marketing", "suscrito"}
)

// roleByWords classifies a normalized column name by the words above:
// an opt-out or bounce role (for any kind of column), a consent role for
// the channel the name names (the general consent when it names none), or
// none.
func roleByWords(n string) model.Role {
	has := func(words []string) bool {
		for _, w := range words {
			if strings.Contains(w, "_") {
				if n == w || strings.HasPrefix(n, w+"_") || strings.HasSuffix(n, "_"+w) || strings.Contains(n, "_"+w+"_") {
					return true
				}
			} else if containsWord(n, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has(bounceWords):
		return model.RoleEmailBounced
	case has(optOutWords):
		return model.RoleUnsubscribed
	case has(consentWords):
		switch model.ScopeOfName(n) {
		case model.ScopeEmail:
			return model.RoleConsentEmail
		case model.ScopeSMS:
			return model.RoleConsentSMS
		case model.ScopePhone:
			return model.RoleConsentPhone
		case model.ScopePost:
			return model.RoleConsentPost
		}
		return model.RoleConsentAny
	}
	return model.RoleNone
}

// multiColumn reports whether several columns may hold a role at once: a
// customer may be unsubscribed in one column and on the do-not-call list in
// another, and every one of them is honoured.
func multiColumn(r model.Role) bool {
	return r == model.RoleUnsubscribed || r == model.RoleEmailBounced
}

// roleKinds says which kinds a column may have to take a role, so that
// "consent_email_date" never becomes the e-mail address or the consent flag.
func roleFitsKind(r model.Role, k model.Kind) bool {
	text := k == model.KindText || k == model.KindIdentifier || k == model.KindCategorical
	switch r {
	case model.RoleName, model.RoleEmail, model.RoleAddress:
		return text
	case model.RolePhone, model.RoleMobile, model.RolePostcode:
		return text || k == model.KindInteger
	case model.RoleCustomerID, model.RoleHousehold:
		return k == model.KindIdentifier || k == model.KindInteger || text
	case model.RoleBirthDate, model.RoleSignupDate:
		return k == model.KindDate || k == model.KindDateTime
	case model.RoleBirthYear, model.RoleChildren:
		return k == model.KindInteger || k == model.KindBoolean
	case model.RoleIncome:
		return k == model.KindInteger || k == model.KindReal
	case model.RoleGender, model.RoleMaritalStatus:
		return k == model.KindCategorical || k == model.KindBoolean
	case model.RoleConsentEmail, model.RoleConsentSMS, model.RoleConsentPhone, model.RoleConsentPost, model.RoleConsentAny:
		return k == model.KindBoolean
	case model.RoleUnsubscribed, model.RoleEmailBounced:
		// an opt-out is honoured whatever it holds: flags, codes, text or
		// the date it took effect (see model.OptedOut)
		return true
	}
	return false
}

// detectRoles gives each column at most one role and each role (but the
// consent family, which is per channel anyway) at most one column: by name
// first, then by content for the personal roles, so a column of e-mail
// addresses called "contacto" is still kept out of memory.
func detectRoles(cols []ColumnProfile) {
	taken := map[model.Role]bool{}
	for _, r := range model.AllRoles() {
		for i := range cols {
			c := &cols[i]
			if c.Role != model.RoleNone || taken[r] || !roleFitsKind(r, c.Kind) {
				continue
			}
			n := normalizeName(c.Name)
			if (nameMatchesRole(n, roleNames[r]) || roleByWords(n) == r) && contentFitsRole(r, &c.sample) {
				c.Role, c.RoleWhy = r, fmt.Sprintf("name %q", c.Name)
				taken[r] = !multiColumn(r)
			}
		}
	}
	if !taken[model.RoleCustomerID] {
		detectKey(cols)
	}
	for i := range cols {
		c := &cols[i]
		textual := c.Kind == model.KindText || c.Kind == model.KindIdentifier || c.Kind == model.KindCategorical
		if c.Role != model.RoleNone || c.sample.strs == 0 || !textual {
			continue // dates and numbers written as text are not contact data
		}
		s := &c.sample
		switch {
		case !taken[model.RoleEmail] && s.share(s.emailLike) >= 0.5:
			c.Role, c.RoleWhy = model.RoleEmail, fmt.Sprintf("%.0f%% of values look like e-mail addresses", 100*s.share(s.emailLike))
			taken[model.RoleEmail] = true
		case s.share(s.emailLike) >= 0.5:
			c.RoleWhy = "values look like e-mail addresses"
		case s.share(s.phoneLike) >= 0.8 && c.Kind != model.KindInteger:
			if !taken[model.RolePhone] {
				c.Role, c.RoleWhy = model.RolePhone, fmt.Sprintf("%.0f%% of values look like phone numbers", 100*s.share(s.phoneLike))
				taken[model.RolePhone] = true
			} else {
				c.RoleWhy = "values look like phone numbers"
			}
		case s.share(s.personName) >= 0.8 && len(s.distinct) > 20:
			if !taken[model.RoleName] {
				c.Role, c.RoleWhy = model.RoleName, fmt.Sprintf("%.0f%% of values look like people's names", 100*s.share(s.personName))
				taken[model.RoleName] = true
			} else {
				c.RoleWhy = "values look like people's names"
			}
		}
	}
	for i := range cols {
		c := &cols[i]
		w := roleByWords(normalizeName(c.Name))
		c.OptOutName = multiColumn(w)
		if c.Role == model.RoleNone && c.Kind == model.KindBoolean && w != model.RoleNone && !multiColumn(w) {
			c.RoleWhy = fmt.Sprintf("looks like consent (%s) but another column has that role; if it is the consent, say so with --set %s=%s", w, w, c.Name)
			c.ConsentLike = true
		}
	}
	for i := range cols {
		c := &cols[i]
		c.Personal = c.Role.Personal() || (c.Role == model.RoleNone && c.RoleWhy != "" && !c.ConsentLike)
		if c.Role == model.RolePostcode && c.Kind == model.KindInteger {
			// a postcode is a code: its histogram or mean means nothing
			c.Kind, c.KindWhy = model.KindIdentifier, "postcodes are codes, not quantities"
		}
	}
}

// contentFitsRole vetoes a name match the values contradict: a column named
// "phone" holding "mobile"/"landline" is a phone type, not phone numbers.
func contentFitsRole(r model.Role, s *sampleStats) bool {
	if s.strs == 0 {
		return true
	}
	switch r {
	case model.RoleEmail:
		return s.share(s.emailLike) >= 0.3 || s.strs > 0 && len(s.distinct) > 50
	case model.RolePhone, model.RoleMobile:
		return s.share(s.phoneLike) >= 0.3
	}
	return true
}

func nameMatchesRole(n string, patterns []string) bool {
	for _, p := range patterns {
		if len(p) > 1 && p[0] == '~' {
			if containsWord(n, p[1:]) {
				return true
			}
		} else if nameMatches(n, []string{p}) {
			return true
		}
	}
	return false
}

func containsWord(n, w string) bool {
	for start := 0; start <= len(n)-len(w); {
		i := indexFrom(n, w, start)
		if i < 0 {
			return false
		}
		before := i == 0 || n[i-1] == '_'
		after := i+len(w) == len(n) || n[i+len(w)] == '_'
		if before && after {
			return true
		}
		start = i + 1
	}
	return false
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// keyNames are names a shop's own customer number goes by when it is not
// called customer_id: id, código, Nº cliente, num_socio, ref.
var keyNames = []string{"id", "codigo", "cod", "code", "codigo_cliente", "cod_cliente", "customer_code", "client_code",
	"n_cliente", "no_cliente", "nro_cliente", "num_cliente", "n_socio", "num_socio", "numero_socio", "numero", "number",
	"ref", "referencia", "reference", "client_number", "account", "account_id", "cuenta", "n_cuenta"}

// detectKey gives the customer-id role to the table's own key when no
// column is named like one: a declared primary key, else a column named
// like a key whose sampled values are all present and all different. The
// loader checks the whole column and takes the role back if values repeat.
func detectKey(cols []ColumnProfile) {
	keyKind := func(k model.Kind) bool {
		return k == model.KindIdentifier || k == model.KindInteger || k == model.KindText || k == model.KindCategorical
	}
	pks := 0
	for _, c := range cols {
		if c.PK {
			pks++
		}
	}
	for i := range cols {
		c := &cols[i]
		if pks == 1 && c.PK && c.Role == model.RoleNone && keyKind(c.Kind) {
			c.Role, c.RoleWhy = model.RoleCustomerID, fmt.Sprintf("%q is the table's declared primary key", c.Name)
			return
		}
	}
	for i := range cols {
		c := &cols[i]
		s := &c.sample
		if c.Role == model.RoleNone && keyKind(c.Kind) && nameMatches(normalizeName(c.Name), keyNames) &&
			s.nulls == 0 && s.repeats == 0 && s.n > 0 {
			c.Role, c.RoleWhy = model.RoleCustomerID, fmt.Sprintf("name %q, and every value is present and different", c.Name)
			return
		}
	}
}

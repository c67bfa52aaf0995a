package sample

// person is one generated customer. Everything here is derived from the
// household's stream, so any pass over the customers regenerates exactly the
// same people.
type person struct {
	id, household int64
	nb            int // index into world.neighbourhoods
	street        int // address, shared within a household
	number, floor int
	door          byte

	gender       gender
	first        string
	last1, last2 string

	birth    int // day
	age      int // at ReferenceDate
	marital  marital
	children int

	income      float64
	incomeKnown bool

	smartphone, internet bool
	email                emailKind
	emailStyle           int // how the address is spelt
	emailDomain          int
	emailNum             int
	bounced              bool
	unsubscribed         bool
	phone                phoneKind
	phoneNum             int // the 8 digits after the leading 6 or 9
	consent              [numContactChannels]bool
	consentDay           [numContactChannels]int

	signup           int
	acquisition      int // index into acquisitionChannels
	preferred        int // index into contactChannels, or -1
	loyalty          bool
	btype            BuyerType
	livesWithParents bool
}

type gender int

const (
	female gender = iota
	male
	otherGender
	unknownGender
)

var genderValues = [...]any{"female", "male", "other", nil}

type marital int

const (
	single marital = iota
	married
	cohabiting
	divorced
	widowed
)

var maritalNames = [...]string{"single", "married", "cohabiting", "divorced", "widowed"}

type emailKind int

const (
	noEmail emailKind = iota
	validEmail
	malformedEmail   // typed wrongly at the till: 'ana.gomez@@mail', 'ana gomez@gmail.com'
	placeholderEmail // 'no-email', 'none', '-': the field was filled to get past a form
)

type phoneKind int

const (
	noPhone phoneKind = iota
	mobilePhone
	landlinePhone
)

// Contact channels with consent flags, in column order.
const (
	chEmail = iota
	chSMS
	chPhone
	chPost
	numContactChannels
)

var contactChannels = [numContactChannels]string{"email", "sms", "phone", "post"}

// reachable reports whether a campaign on channel ch can legally and
// practically reach the person.
func (p *person) reachable(ch int) bool {
	if !p.consent[ch] {
		return false
	}
	switch ch {
	case chEmail:
		return p.email == validEmail && !p.bounced && !p.unsubscribed
	case chSMS:
		return p.phone == mobilePhone
	case chPhone:
		return p.phone != noPhone
	}
	return true
}

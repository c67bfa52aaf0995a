package campaign

import "strings"

// Channel is a way of contacting a customer.
type Channel int

const (
	ChannelEmail Channel = iota
	ChannelSMS
	ChannelPhone
	ChannelPost
	NumChannels
)

var channelNames = [NumChannels]string{"email", "sms", "phone", "post"}

func (c Channel) String() string {
	if c < 0 || c >= NumChannels {
		return "unknown"
	}
	return channelNames[c]
}

// MarshalText writes the channel's name (in manifests).
func (c Channel) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a channel's name, so a manifest reads back.
func (c *Channel) UnmarshalText(b []byte) error {
	ch, ok := ParseChannel(string(b))
	if !ok {
		return &UnknownChannelError{Name: string(b)}
	}
	*c = ch
	return nil
}

// UnknownChannelError names a channel that is not one of pulpero's.
type UnknownChannelError struct{ Name string }

func (e *UnknownChannelError) Error() string {
	return "unknown channel " + `"` + e.Name + `"` + ": use email, sms, phone or post"
}

// Digital reports whether the channel is a digital one (e-mail, SMS).
func (c Channel) Digital() bool { return c == ChannelEmail || c == ChannelSMS }

// ParseChannel reads a channel's name ("email", "sms", "phone", "post", and
// the usual synonyms in English and Spanish).
func ParseChannel(s string) (Channel, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "email", "e-mail", "mail", "correo":
		return ChannelEmail, true
	case "sms", "text", "mobile":
		return ChannelSMS, true
	case "phone", "call", "telephone", "telefono", "teléfono", "llamada":
		return ChannelPhone, true
	case "post", "postal", "letter", "catalogue", "direct mail", "correo postal", "carta":
		return ChannelPost, true
	}
	return 0, false
}

// ChannelCost is a channel offered in a campaign and the cost of one contact.
type ChannelCost struct {
	Channel Channel `json:"channel"`
	Cost    float64 `json:"cost_per_contact"`
}

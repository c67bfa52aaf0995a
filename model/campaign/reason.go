package campaign

// Reason says why a customer is not in a campaign's list. The reachability
// reasons come first, in the order they are checked, so each excluded
// customer has exactly one reason and the breakdown adds up.
type Reason int

const (
	ReasonNone           Reason = iota
	ReasonNoConsent             // no consent for the channel, or it was withdrawn
	ReasonUnsubscribed          // the data marks the customer unsubscribed
	ReasonInvalidAddress        // the address or number for the channel is missing or malformed
	ReasonBounced               // e-mail bounced
	ReasonExcluded              // in an excluded segment
	ReasonFatigue               // contacted within the fatigue window
	ReasonControl               // held out as the control group
	ReasonUnprofitable          // expected profit not above zero
	ReasonBudget                // the budget ran out before this customer
	NumReasons
)

// NumReachReasons is how many reasons come from reachability (no consent …
// bounced), the first ones after ReasonNone.
const NumReachReasons = ReasonBounced + 1

var reasonNames = [NumReasons]string{"", "no consent", "unsubscribed", "invalid or missing address", "bounced",
	"excluded segment", "contacted recently", "control group", "not profitable", "over budget"}

func (r Reason) String() string {
	if r < 0 || r >= NumReasons {
		return "unknown"
	}
	return reasonNames[r]
}

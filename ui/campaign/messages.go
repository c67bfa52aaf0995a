package campaign

// Sentences of the Campaign screen, in one place for the translation
// catalogue (app/locale/spanish_campaign.go). The screen says each with
// T or Lookup; the English is the key.
const (
	msgTitle          = "Campaign" // the screen's name: the root matches it, and says it translated
	msgTypingReplaces = "typing replaces this value · ←/→ or backspace edit it · enter applies · esc keeps the old one"
	msgFixField       = "This plan is for the last valid setup; fix %s."
	msgFixForm        = "This plan is for the last valid setup; fix the form."
	msgMoreFields     = "[↑↓ all %d fields]"

	// the views
	msgViewPlan    = "Plan"
	msgViewReach   = "Reachability"
	msgViewResults = "Results"

	// the form: each field's label and hint
	lblInclude  = "Include"
	hintInclude = "segments to target (none: every customer)"
	lblExclude  = "Exclude"
	hintExclude = "segments to leave out"
	lblEmail    = "E-mail cost"
	hintContact = "cost of one contact; empty: not offered"
	lblSMS      = "SMS cost"
	lblPhone    = "Phone cost"
	hintPhone   = "cost of one call; empty: not offered"
	lblPost     = "Post cost"
	hintPost    = "cost of one letter; empty: not offered"
	lblValue    = "Value"
	hintValue   = "value of one response, e.g. the average ticket; or clv: each customer's own (Value screen)"
	lblBudget   = "Budget"
	hintBudget  = "total to spend; 0: no limit"
	lblControl  = "Control %"
	hintControl = "share of the chosen held out to measure the effect"
	lblFatigue  = "Fatigue days"
	hintFatigue = "leave out customers contacted in the last N days"
	lblModel    = "Model"
	hintModel   = "response model: rates (by generation) or logistic"
	lblBy       = "Rates by"
	hintBy      = "rates model: the attribute response rates are estimated by (enter: next)"
	lblUplift   = "Count"
	hintUplift  = "all responses, or only the extra ones contact causes (uplift: treated − control)"
	lblRate     = "Default rate %"
	hintRate    = "assumed response rate of a channel with no history"
	lblSince    = "History since"
	hintSince   = "learn only from campaigns on or after (YYYY-MM-DD)"
	lblName     = "Name"
	hintName    = "campaign name, the control group's seed (empty: the file's name)"
	lblFile     = "List file"
	hintFile    = "the list to write; its manifest goes beside it"
	lblFormat   = "Format"
	hintFormat  = "csv (UTF-8), excel (BOM, ';' and decimal commas) or jsonl"
	lblRejected = "Rejected file"
	hintReject  = "also write who was left out and why (empty: no)"

	// what the screen writes where nothing is set
	msgEveryCustomer = "every customer"
	msgFileName      = "(the file's name)"

	msgChecking        = "checking contact details and consent" // app's stage, while a load in stages reads it
	msgWaitReach       = "contact details and consent are still being checked: export when they are"
	msgNoReach         = "Contact details and consent were not checked for this table."
	msgNoReachLong     = "Contact details and consent were not checked for this table, so nobody can be planned for a campaign."
	msgNoConsentColumn = "no column holds consent for %s, and consent is never assumed; if one does, say so on the Roles screen"
	msgUnmappedConsent = "%s looks like consent but is not read as consent (another column has the role); if it is, say so on the Roles screen"
	msgNoSegments      = "  no saved segments yet: build one on the Segments screen and save it with s"
	msgBridge          = "digital: reachable by e-mail or SMS. bridge: not digital, but shares a household or address with someone who is, so a campaign can reach them through that person."
	msgNoCampaigns     = "No campaigns yet: the data has no campaign history, and no list was exported. Export one (e in the Plan view), then import who responded with `pulpero campaign responses`."
	msgNoReplies       = "Exported by pulpero; who responded is not known yet. Import it with `pulpero campaign responses DB --campaign \"%s\" --in responses.csv`, then press r."
	msgNoControl       = "  no control group: the lift cannot be measured, only the treated response rate"
	msgNoneTreated     = "  nobody was treated: there is nothing to measure"
)

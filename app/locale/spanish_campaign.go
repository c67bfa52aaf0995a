package locale

// spanishCampaign: the Campaign screen.
var spanishCampaign = map[string]string{}

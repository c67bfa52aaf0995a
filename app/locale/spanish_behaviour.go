package locale

// spanishBehaviour: the Behaviour screen, RFM segment names.
var spanishBehaviour = map[string]string{}

package locale

// spanishValue: the Value screen.
var spanishValue = map[string]string{}

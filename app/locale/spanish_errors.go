package locale

// spanishErrors: errors from opening, loading and saving that users meet.
var spanishErrors = map[string]string{}

package locale

// spanishServer: pulpero serve: its screens and messages.
var spanishServer = map[string]string{}

package locale

// spanishExport: exported lists: --headers es, export messages.
var spanishExport = map[string]string{}

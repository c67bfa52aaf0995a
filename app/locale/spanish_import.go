package locale

// spanishImport: the Import screen.
var spanishImport = map[string]string{}

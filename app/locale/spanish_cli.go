package locale

// spanishCLI: the commands' help and output.
var spanishCLI = map[string]string{}

package locale

// spanishCLI: the help and output of pulpero, describe, segment, roles, import, campaign, sample and demo.
var spanishCLI = map[string]string{}

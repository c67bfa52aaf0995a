package locale

// spanishExport: exported lists (--headers es) and the export, rfm, value and cluster commands.
var spanishExport = map[string]string{}

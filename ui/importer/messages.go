package importer

// Sentences of the Import screen, in one place for the translation
// catalogue.
const (
	msgTitle        = "Import a CSV/TSV file into %s"
	msgNoFiles      = "no CSV, TSV or TXT files here (also .gz): enter a folder, or ← for the one above"
	msgReading      = "Reading %s to show how it would be imported…"
	msgReadingPhase = "%s: %s rows, %.1f%%"
	msgEscBack      = "esc goes back; nothing is written to %s"
	msgPreviewHead  = "%s → table %q in %s"
	msgReadAs       = "read as"
	msgRowsCols     = "%s rows · %d columns"
	msgExists       = "%s already has a table %q: importing would stop. Rename the file (the table takes its name) or run: pulpero import %s --db %s --replace"
	msgConfirm      = "enter imports it into %s · esc goes back to the files"
	msgNotRead      = "Cannot read this file"
	msgMoreColumns  = "… and %d more columns"
	msgWarning      = "warning: "
)

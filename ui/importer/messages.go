package importer

// Sentences of the Import screen; the screen says them with T, in the
// user's language (app/locale/spanish_import.go).
const (
	Title = "Import"

	msgTitle        = "Import a CSV/TSV file into %s"
	msgNoFiles      = "no CSV, TSV or TXT files here (also .gz): enter a folder, or ← for the one above"
	msgReadFolder   = "read the folder: %s"
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
	msgTheDatabase  = "the database"

	// how the file reads
	msgDelimiter = "delimiter %s"
	msgHeader    = "a header line"
	msgNoHeader  = "no header line"
	msgWithBOM   = "%s with BOM"
	msgDecimal   = "decimal %q"
	msgLineEnds  = "line ends %s"
	msgTab       = "tab"
	msgSpaces    = "spaces"

	// the import's phases (csvimport.Phase)
	msgPhaseScan   = "scan"
	msgPhaseTypes  = "types"
	msgPhaseInsert = "insert"
	msgPhaseIndex  = "index"

	// the import and its outcome
	msgImporting     = "Importing"
	msgImportCancels = "esc cancels; the database is left as it was"
	msgCancelled     = "cancelled: the database is as it was"
	msgReplaceHint   = "; to replace it run: pulpero import %s --db %s --replace"
	msgNotImported   = "Not imported"
	msgChooseAnother = "n: choose another file"
	msgImported      = "Imported"
	msgImportedRows  = "%s rows into table %q"
	msgRejected      = " (%s rejected, see %s)"
	msgReloadNote    = "L reloads the data; the new table is in the database for pulpero and any SQLite tool"
	msgErrColumn     = "column %s %q: "
	msgErrColumnNo   = "column %s: "
)

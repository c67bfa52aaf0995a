package app

// What a remote session's policy says, in one place for the translation
// catalogue.
const (
	msgNotAllowed     = "a %s may not %s here; ask an admin of this server"
	msgPathEmpty      = "give the list a file name inside your export folder"
	msgPathAbsolute   = "%s: give a name inside your export folder, not an absolute path"
	msgPathOutside    = "%s: leads out of your export folder; give a name inside it"
	msgPathLink       = "%s: is a link; give a name inside your export folder"
	msgPathNoFolder   = "%s: no such folder inside your export folder"
	msgNoExportFolder = "this session has no export folder"
)

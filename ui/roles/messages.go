package roles

// title is the screen's name: the key of its tab (translated where shown).
const title = "Roles"

// What the Roles screen says, in one place for the translation catalogue.
const (
	msgColumn       = "column"
	msgKind         = "kind"
	msgRole         = "role"
	msgPersonal     = "personal"
	msgPers         = "pers" // personal, in four cells
	msgID           = "id"   // identifier, short
	msgWhy          = "why"
	msgYes          = "yes"
	msgNote         = "Personal columns stay in the database; corrections are saved in pulpero's workspace."
	msgNoteChanged  = "Corrections saved. Press L to reload the data with them."
	msgRoleOf       = "Role of %s"
	msgChooserHint  = "  (enter to save, esc to go back)"
	msgNoRole       = "(no role)"
	msgKeptOut      = "  · personal: kept out of memory"
	msgHasNoRole    = "%s has no role"
	msgSavedNone    = "saved: no column is %s"
	msgSaved        = "saved: %s is %s"
	msgReloadWithIt = "%s; press L to reload the data with it"
)

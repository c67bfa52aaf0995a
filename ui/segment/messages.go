package segment

// Sentences of the Segments screen, in one place for the translation
// catalogue (app/locale/spanish_segment.go); the screen says them with
// m.common.T.
const (
	msgNoRulesYet    = "no rules yet: a adds one (or f, from a form)"
	msgGroupLast     = "o joins a rule with the one below it by or: this is the last rule"
	msgFirstRule     = "this is already the first rule"
	msgLastRule      = "this is already the last rule"
	msgSaveNeedsRule = "save needs at least one rule: press a to add one"
	msgAlreadyNew    = "this is already a new, empty segment"
	msgWaterfallKey  = "█ kept ░ cut"
	msgNothingUndo   = "nothing to undo"
	msgNothingRedo   = "nothing to redo"
	msgNeedsName     = "a segment needs a name"
	msgCannotAdd     = "cannot add %s: %s"
	msgAdded         = "added to the segment: %s"
	msgPlaceholder   = `e.g. income > 20000 and zone in ("north", "south")`

	// the prompts of the line input
	msgPromptRule  = "rule> "
	msgPromptSave  = "save as> "
	msgPromptValue = "value> "

	// the segment: its head, the rules and what follows them
	msgNewSegment    = "new segment (unsaved)"
	msgSegment       = "Segment"
	msgSizeOf        = "%s of %s customers (%s)"
	msgCounting      = "counting…"
	msgContacted     = "can be contacted: "
	msgChecking      = "checking contact details and consent" // app\'s stage, while a load in stages reads it
	msgRuleHead      = "RULE (all must hold)"
	msgRuleHeadShort = "RULE (all hold)"
	msgRemaining     = "REMAINING"
	msgRemoved       = "REMOVED"
	msgEveryone      = "everyone"
	msgSetsApart     = "What sets it apart"
	msgSetsApartKey  = "  distance · most over-represented value: segment vs everyone (index)"
	msgSomeCustomers = "Some of its customers"
	msgPreview       = "with this rule: %s of %s customers (%s); enter keeps it"

	// the form
	msgAddARule     = "Add a rule"
	msgFormKeys     = "  · enter chooses · esc goes back"
	msgFormPick     = " · space picks several"
	msgAttribute    = "attribute"
	msgOperator     = "operator"
	msgValue        = "value"
	msgIsYes        = "is yes"
	msgIsNo         = "is no"
	msgIsEmpty      = "is empty"
	msgIsNotEmpty   = "is not empty"
	msgIsOneOf      = "is one of"
	msgIsNoneOf     = "is none of"
	msgContains     = "contains"
	msgStartsWith   = "starts with"
	msgBefore       = "before"
	msgAfter        = "after"
	msgDateBetween  = "between (type: 2024-01-01 and 2024-06-30)"
	msgNumBetween   = "between (type: 10 and 20)"
	msgInTheLast    = "in the last (type: 90 days)"
	msgThisYear     = "this year"
	msgThisMonth    = "this month"
	msgKindInParens = "%s  (%s)"

	// the profile
	msgProfile      = "Profile"
	msgProfileKey   = "  segment share vs everyone's · index = segment ÷ everyone · attributes by total-variation distance · esc back"
	msgProfileBusy  = "  the profile is being computed…"
	msgProfileEmpty = "  the segment is empty: nothing to profile"
	msgKindDistance = "  %s · distance %s"

	// the saved segments: list, management, history, overlap
	msgSaved          = "Saved segments"
	msgSavedKeys      = "  enter opens · R rename · D duplicate · x delete · h history · v overlap · esc back"
	msgNoneSaved      = "  none yet: build a segment and press s to save it"
	msgColName        = "NAME"
	msgColVersion     = "VER"
	msgColSize        = "SIZE"
	msgColSaved       = "SAVED"
	msgColDefinition  = "DEFINITION"
	msgDeleteAgain    = "press x again to delete %s and its history"
	msgDeleted        = "deleted %s"
	msgRenamed        = "renamed %s to %s"
	msgCopied         = "saved a copy of %s as %s"
	msgCopyName       = "%s copy"
	msgSaving         = "saving %s: %s"
	msgSavedVersion   = "saved %s version %s: %s customers"
	msgHistoryOf      = "History of %s"
	msgGoesBack       = "  esc goes back"
	msgVersionLine    = "v%d  %s  %s customers  %s"
	msgOverlap        = "Overlap of saved segments"
	msgOverlapKey     = "of the row's segment also in the column's · esc goes back" // after "  % "
	msgNoSavedYet     = "  no saved segments yet"
	msgOverlapSize    = "size"
	msgOverlapCommand = " counts: pulpero segment overlap DB"
)

// msgFirstRuleHint is what the empty rule list says.
const msgFirstRuleHint = "no rules yet: a types one (income > 20000), f builds one from a form"

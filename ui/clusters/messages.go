package clusters

// Every user-facing text of the screen, to move into the translation
// catalogue. %s/%d verbs take names, counts and figures.
const (
	Title = "Clusters"

	msgPickTitle    = "Cluster on %d: %s · missing numbers: %s"
	msgPickNone     = "Cluster on: (space chooses) · missing numbers: %s"
	msgMedian       = "median"
	msgLeftOut      = "left out"
	msgReading      = "Reading the attributes…"
	msgNoUsable     = "No attribute can be clustered on."
	msgChosenMark   = "[x]"
	msgFreeMark     = "[ ]"
	msgLogOn        = "log(1+x)"
	msgLogSuggested = "skew %.1f: log suggested (l)"
	msgSkew         = "skew %.1f"
	msgMissing      = "%s missing"
	msgCategories   = "%d categories"
	msgNotUsable    = "not usable: %s"
	msgInertiaBar   = "inertia (elbow)"
	msgNoFeatures   = "choose at least one attribute (space)"
	msgCantLog      = "%s: log(1 + x) only for numbers that are never negative"

	msgRunning    = "Clustering %s customers on %d attributes…"
	msgStage      = "%s · %d of %d k-means runs"
	msgEscCancels = "esc cancels"
	msgCancelled  = "clustering cancelled; nothing changed"

	msgTableTitle  = "k table · silhouette on %s"
	msgSilAll      = "all %s customers"
	msgSilSample   = "a random sample of %s customers"
	msgTableHead   = "   k      inertia  silhouette"
	msgSuggested   = "suggested"
	msgChosen      = "k = %d · %s clustered%s · rules fit %s (←/→ another k)"
	msgLeftOutNote = ", %s left out"
	msgNoTable     = "no k table"
	msgStopped     = "stops at k = %d: %s"
	msgMiniBatch   = "mini-batch k-means: gap ≤ %.2f%%"

	msgProfTitle = "Profiles at k = %d"
	msgProfHead  = "%d · %s customers (%s) · %s"
	msgProfNum   = "   %s  %s (%s) · %s (%s)"
	msgProfCols  = "   %s  mean (everyone) · median (everyone)"
	msgProfCat   = "   %s = %s: %s (%s)"

	msgRulesTitle = "Rules at k = %d (tree depth %d): %s of customers fall in their own cluster's rule"
	msgRuleHead   = "%d · precision %s · recall %s · coverage %s"
	msgRuleNone   = "no rule: the tree gives this cluster no leaf"
	msgRuleAll    = "no rule: the tree could not split"

	msgArchTitle   = "Clusters × archetypes · agreement (adjusted Rand) %.3f · A saves the rules"
	msgArchPending = "Comparing with the archetypes…"
	msgArchSaved   = " (saved)"
	msgArchCluster = "cl."
	msgArchNone    = "none"

	msgNoResult     = "No clusters yet: pick attributes and press enter."
	msgPrefixPrompt = "save the rules as segments named: "
	msgLabelPrompt  = "save the labels as attribute: "
	msgLabelDefault = "cluster"
	msgRulesSaved   = "saved %d segments %q…%q%s"
	msgRulesSkipped = " (%d clusters without a rule)"
	msgLabelsSaved  = "labels saved as attribute %s for %s customers; it loads with the data next time (Roles: L reloads)"
	msgArchDone     = "saved %d archetype segments (already saved ones kept): edit them on the Segments screen"
	msgMore         = "… %d more"
)

// whyShort says briefly why an attribute cannot be clustered on, by app's
// Why* key.
var whyShort = map[string]string{
	"text":                "free text",
	"identifier":          "an identifier",
	"date":                "a date (use age, tenure or recency)",
	"all_missing":         "always empty",
	"constant":            "one value for everyone",
	"too_many_categories": "over 50 categories",
}

// stageText names the stages of a clustering job.
var stageText = map[string]string{
	"prepare":    "preparing the features",
	"kmeans":     "k-means",
	"silhouette": "silhouette",
	"profiles":   "profiles",
	"rules":      "rules",
}

// archShort are the archetypes' short column heads, by key.
var archShort = map[string]string{
	"researcher":     "research",
	"luxury_social":  "luxury",
	"frequent_value": "frequent",
	"traditional":    "tradit.",
}

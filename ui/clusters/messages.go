package clusters

import "github.com/pulpero/pulpero/app"

// Every user-facing text of the screen; the screen says them with T, in
// the user's language (app/locale/spanish_clusters.go). %s/%d verbs take
// names, counts and figures.
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

	msgKTable = "k table" // what the k table is called (the title says it)

	// the suggested names of clusters (analysis/cluster.English's words)
	msgNameHigh    = "high %s"
	msgNameLow     = "low %s"
	msgNameNo      = "no %s"
	msgNameEmpty   = "%s empty"
	msgNameTypical = "typical"
)

// Why an attribute cannot be clustered on, briefly; the stages of a
// clustering job; the archetypes' short column heads.
const (
	msgWhyText        = "free text"
	msgWhyIdentifier  = "an identifier"
	msgWhyDate        = "a date (use age, tenure or recency)"
	msgWhyAllMissing  = "always empty"
	msgWhyConstant    = "one value for everyone"
	msgWhyTooManyCats = "over 50 categories"

	msgStagePrepare    = "preparing the features"
	msgStageKMeans     = "k-means"
	msgStageSilhouette = "silhouette"
	msgStageProfiles   = "profiles"
	msgStageRules      = "rules"

	msgArchResearcher    = "research"
	msgArchLuxurySocial  = "luxury"
	msgArchFrequentValue = "frequent"
	msgArchTraditional   = "tradit."
)

// whyShort says briefly why an attribute cannot be clustered on, by app's
// Why* key.
var whyShort = map[string]string{
	app.WhyText:        msgWhyText,
	app.WhyIdentifier:  msgWhyIdentifier,
	app.WhyDate:        msgWhyDate,
	app.WhyAllMissing:  msgWhyAllMissing,
	app.WhyConstant:    msgWhyConstant,
	app.WhyTooManyCats: msgWhyTooManyCats,
}

// stageText names the stages of a clustering job.
var stageText = map[string]string{
	app.ClusterStagePrepare:    msgStagePrepare,
	app.ClusterStageKMeans:     msgStageKMeans,
	app.ClusterStageSilhouette: msgStageSilhouette,
	app.ClusterStageProfiles:   msgStageProfiles,
	app.ClusterStageRules:      msgStageRules,
}

// archShort are the archetypes' short column heads, by key.
var archShort = map[string]string{
	app.ArchResearcher:    msgArchResearcher,
	app.ArchLuxurySocial:  msgArchLuxurySocial,
	app.ArchFrequentValue: msgArchFrequentValue,
	app.ArchTraditional:   msgArchTraditional,
}

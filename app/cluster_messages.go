package app

// Texts of clustering (issue #17), in one place for the translation
// catalogue. The engine's own problems (a constant feature, too many
// categories, too few customers for k) are analysis/cluster's messages.
const (
	msgClusterNoFeatures    = "choose at least one attribute to cluster on (--features a,b,c)"
	msgClusterK             = "k = %d is not possible; choose between 2 and %d clusters"
	msgClusterNoK           = "without the k table, give the number of clusters"
	msgClusterRestarts      = "restarts = %d: choose between 1 and 1000"
	msgClusterRange         = "the k table's range %d…%d is not possible; it must lie within 2…%d"
	msgClusterDepth         = "rule depth %d: choose between 1 and %d"
	msgClusterUnknown       = "no attribute %q"
	msgClusterUnknownNear   = "no attribute %q; did you mean %s?"
	msgClusterLogNotFeature = "log(1 + x) is asked for %s, which is not one of the features"

	msgLabelsTaken   = "%s is already an attribute of the customers; choose another name for the labels"
	msgLabelsNone    = "there are no cluster labels to save"
	msgRuleNone      = "no rule describes this cluster (the tree gave it no leaf)"
	msgRuleEveryone  = "the tree could not split, so the rule would select everyone"
	msgLabelNote     = "cluster labels saved %s: k = %d on %s (seed %d)"
	msgLabelColumn   = "cluster of each customer (saved labels: %s); empty for customers not clustered"
	msgArchMissing   = "the archetypes need the behaviour attributes %s, which this database does not have (no purchases or touchpoints were found)"
	msgArchNoneLabel = "none"
)

// Reasons a candidate attribute cannot be clustered on, as stable keys
// (ClusterCandidate.Why); screens translate them.
const (
	WhyText        = "text"        // free text
	WhyIdentifier  = "identifier"  // a code or key: its numbers mean nothing
	WhyDate        = "date"        // a date: use a derived number (age, tenure_days, recency_days)
	WhyAllMissing  = "all_missing" // no value at all
	WhyConstant    = "constant"    // one value for everyone
	WhyTooManyCats = "too_many_categories"
)

// WhyText explains a reason key in English.
var WhyEnglish = map[string]string{
	WhyText:        "free text",
	WhyIdentifier:  "an identifier: its numbers mean nothing",
	WhyDate:        "a date: use a number derived from it (age, tenure_days, recency_days)",
	WhyAllMissing:  "empty for every customer",
	WhyConstant:    "the same for every customer",
	WhyTooManyCats: "more than 50 categories: group them first",
}

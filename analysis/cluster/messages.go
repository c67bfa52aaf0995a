package cluster

// English text of the package, in one place so that it can move to the
// translation catalogue. Templates take {attribute} the attribute, {count} the count
// and {limit} the limit of an Error.
var messages = map[Problem]string{
	ProblemNoFeatures:      "choose at least one attribute to cluster on",
	ProblemLengthMismatch:  "{attribute} has {count} rows where {limit} were expected",
	ProblemUnsupported:     "{attribute} is free text; choose numbers or categories",
	ProblemAllMissing:      "{attribute} is empty for every customer; leave it out",
	ProblemConstant:        "{attribute} has the same value for every customer, so it cannot separate groups; leave it out",
	ProblemTooManyLevels:   "{attribute} has {count} categories, more than {limit}; group them first (e.g. a derived attribute) or leave it out",
	ProblemLogNegative:     "{attribute} has negative values, so log(1 + x) is impossible; use plain standardisation",
	ProblemNonFinite:       "{attribute} holds {count} values that are not finite numbers",
	ProblemTooFewRows:      "{count} customers are too few for {limit} clusters",
	ProblemTooFewDistinct:  "only {count} distinct customers for {limit} clusters; choose fewer clusters",
	ProblemKOutOfRange:     "k = {count} is not possible; choose between 2 and {limit} clusters",
	ProblemBadLabels:       "cluster label {count} is outside 0…{limit}",
	ProblemOneCluster:      "the silhouette needs at least 2 clusters and fewer clusters than customers ({count} clusters, {limit} customers)",
	ProblemBadOption:       "option {attribute} is out of range ({count})",
	ProblemTooManyFeatures: "{count} attributes are too many to cluster on; choose at most {limit}",
}

// Words for the English rendering of a cluster's name.
const (
	WordHigh    = "high"
	WordLow     = "low"
	WordNo      = "no"      // "no newsletter" for a yes/no attribute that is no
	WordEmpty   = "empty"   // "channel empty" for the empty category
	WordTypical = "typical" // a cluster with nothing that stands out
	NameJoin    = ", "
)

// Stated decisions, for screens that explain the method.
const (
	NoteScaling     = "numbers are standardised (z-scores, population standard deviation)"
	NoteLog         = "log(1 + x) taken before standardising"
	NoteSuggestLog  = "skewed (skewness > 1): log(1 + x) is suggested"
	NoteImputed     = "missing values replaced by the median"
	NoteLeftOut     = "customers with a missing value are left out"
	NoteCategorical = "categories are one-hot coded with weight 1/√2: a different category counts as one standard deviation"
	NoteSampled     = "silhouette computed on a random sample"
	NoteMiniBatch   = "mini-batch k-means; one more full pass would lower the inertia by the stated gap"
	NoteIndex       = "index = cluster mean / overall mean × 100; attributes are ranked by the standardised difference"
)

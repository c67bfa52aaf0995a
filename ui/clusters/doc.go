// Package clusters is the Clusters screen (issue #17): the data proposes
// customer segments. The user picks the attributes to cluster on (the
// customer columns and the behaviour attributes; a skewed number gets a
// log(1 + x) hint), runs the k table and k-means in the background with a
// progress bar (esc cancels), and reads the k table with its chart, the
// clusters' profiles and suggested names, and one rule per cluster in the
// segment language with its precision, recall and coverage. s saves the
// rules as ordinary segments, w saves the labels as an attribute, and the
// archetypes view compares the clusters with the four buyer archetypes.
//
// The work is app's (Session.Cluster, Clustering.At, SaveClusterRules,
// SaveClusterLabels, CompareArchetypes); the screen only starts it in Cmds
// that capture values and renders the typed results.
//
// It speaks the user's language (issue 19): its sentences, the clusters'
// suggested names (from analysis/cluster's name parts), the archetypes'
// names and descriptions and the errors from below (model.Sentence) go
// through the catalogue, rules are printed with the Spanish keywords for a
// Spanish reader, and numbers follow the locale. What is saved — segment
// names and rules, label attributes — keeps its canonical English form.
package clusters

package locale

// spanishClusters: the Clusters screen and archetype names.
var spanishClusters = map[string]string{}

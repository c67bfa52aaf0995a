// Package cluster lets the data propose customer segments and explains them
// as rules of the segment language (issue #17). It is pure: plain functions
// over model columns, explicit seeds, no I/O, no clock.
//
// The road, in order:
//
//	m, _ := Prepare(features, PrepareOptions{})        // standardise, one-hot, impute (counted)
//	tab, _ := ChooseK(ctx, m, ChooseOptions{})         // k = 2…10: inertia and silhouette
//	res := tab.Rows[i].Result                          // or KMeans(ctx, m, k, Options{})
//	labels := m.DatasetLabels(res.Labels)              // one label per customer, -1 left out
//	prof, _ := Profile(columns, labels, k)             // sizes, means, medians, names
//	rs, _ := Rules(ctx, columns, labels, k, TreeOptions{}) // one segment rule per cluster
//
// Decisions, stated so that screens can repeat them:
//
//   - Numbers are z-scores with the population standard deviation; a feature
//     may ask for log(1+x) first (suggested when skewness > 1; impossible with
//     negative values). Missing numbers get the column median, or their rows
//     are left out; either way they are counted in FeatureInfo.
//   - Categoricals are one-hot coded with weight DefaultCategoryWeight = 1/√2
//     per indicator, so two customers who differ in one category are at
//     squared distance 1, what one standard deviation costs on a number.
//     One-hot rather than k-prototypes (Huang 1998) keeps a single Euclidean
//     space: the centroids are means (category shares), Hamerly's bounds and
//     the silhouette stay valid, and inertia means the same thing for every k.
//     An empty category is a level of its own.
//   - k-means is Lloyd's algorithm accelerated by Hamerly's (2010) bounds,
//     seeded by greedy k-means++ (Arthur & Vassilvitskii 2007; 2+⌊ln k⌋
//     candidates per centre, as scikit-learn), best of NInit restarts by
//     inertia, iterated until no label changes or the centres move less than
//     scikit-learn's tolerance (Options.Tol). Above MiniBatchFrom rows it is
//     mini-batch k-means (Sculley 2010) started from k-means on a sample; the
//     result then carries a stated gap. Work is split into fixed chunks that
//     are summed in order, so results do not depend on GOMAXPROCS.
//   - Profiles rank attributes by the standardised difference
//     (cluster mean − overall mean) / overall SD (for a category, its share's
//     difference over √(p(1−p))); the index cluster mean / overall mean × 100
//     is also given where it means something (non-negative attributes).
//   - Rules come from a CART tree (Gini) on the original values. A number's
//     split sends NULLs to the side that fits best and says so
//     (`x <= 5 or x is empty`), because in the language a NULL satisfies no
//     comparison. Thresholds are the roundest numbers that leave every row of
//     the node on the same side.
package cluster

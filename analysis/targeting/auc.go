package targeting

import "math"

// z95 is the standard normal quantile of 0.975.
const z95 = 1.959964

// AUCInterval is the 95% interval A ± 1.96·SE of an area under the ROC curve
// measured on pos positives and neg negatives, with Hanley and McNeil's
// standard error (Radiology 143:29–36, 1982, their equation 2):
//
//	SE² = [A(1−A) + (pos−1)(Q1−A²) + (neg−1)(Q2−A²)] / (pos·neg)
//	Q1 = A/(2−A), Q2 = 2A²/(1+A)
//
// clipped to [0, 1]. ok is false when the AUC is not a number in [0, 1] or
// a class is empty: then nothing is known of the model's ranking.
func AUCInterval(auc float64, pos, neg int) (lo, hi float64, ok bool) {
	if pos < 1 || neg < 1 || !(auc >= 0 && auc <= 1) {
		return 0, 0, false
	}
	q1, q2 := auc/(2-auc), 2*auc*auc/(1+auc)
	a2 := auc * auc
	v := (auc*(1-auc) + float64(pos-1)*(q1-a2) + float64(neg-1)*(q2-a2)) / (float64(pos) * float64(neg))
	se := math.Sqrt(max(0, v))
	return max(0, auc-z95*se), min(1, auc+z95*se), true
}

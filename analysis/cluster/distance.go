package cluster

import "math"

// sqDist is the squared Euclidean distance of two points of equal length.
// It is kept small enough for the compiler to inline it into the hot loops.
func sqDist(a, b []float64) float64 {
	b = b[:len(a)]
	var s float64
	for i, x := range a {
		d := x - b[i]
		s += d * d
	}
	return s
}

// nearest2 returns the closest of the k centres c (k×d, row-major) to x, its
// distance and the distance of the second closest. Ties go to the lower
// index, so assignments are reproducible.
func nearest2(x, c []float64, k, d int) (best int32, d1, d2 float64) {
	b1, b2 := math.Inf(1), math.Inf(1)
	for j := 0; j < k; j++ {
		s := sqDist(x, c[j*d:(j+1)*d])
		if s < b1 {
			b2, b1, best = b1, s, int32(j)
		} else if s < b2 {
			b2 = s
		}
	}
	return best, math.Sqrt(b1), math.Sqrt(b2)
}

// nearest returns the closest centre to x and the squared distance.
func nearest(x, c []float64, k, d int) (int32, float64) {
	best, b := int32(0), math.Inf(1)
	for j := 0; j < k; j++ {
		if s := sqDist(x, c[j*d:(j+1)*d]); s < b {
			best, b = int32(j), s
		}
	}
	return best, b
}

package cluster

import (
	"encoding/csv"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/sample/publicdata"
)

// numberColumn builds a number column; NaN stands for NULL.
func numberColumn(name string, kind model.Kind, vals []float64) *model.NumberColumn {
	c := model.NewNumberColumn(model.ColumnMeta{Name: name, Kind: kind}, len(vals))
	for i, v := range vals {
		if !math.IsNaN(v) {
			c.SetValue(i, v)
		}
	}
	return c
}

// codedColumn builds a categorical column; "" stands for NULL.
func codedColumn(name string, vals []string) *model.CodedColumn {
	c := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: name, Kind: model.KindCategorical}, Codes: make([]int32, len(vals))}
	for i, v := range vals {
		if v == "" {
			c.Codes[i] = -1
			continue
		}
		code := c.Code(v)
		if code < 0 {
			code = int32(len(c.Dict))
			c.Dict = append(c.Dict, v)
		}
		c.Codes[i] = code
	}
	return c
}

// mallColumns reads Mall Customers' income and spending score.
func mallColumns(t testing.TB) (income, score *model.NumberColumn) {
	f, err := os.Open(publicdata.Path(t, publicdata.MallCustomers))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var inc, sc []float64
	for _, r := range recs[1:] {
		a, err1 := strconv.ParseFloat(r[3], 64)
		b, err2 := strconv.ParseFloat(r[4], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad row %v", r)
		}
		inc = append(inc, a)
		sc = append(sc, b)
	}
	if recs[0][3] != "Annual Income (k$)" || recs[0][4] != "Spending Score (1-100)" {
		t.Fatalf("unexpected header %v", recs[0])
	}
	return numberColumn(recs[0][3], model.KindInteger, inc), numberColumn(recs[0][4], model.KindInteger, sc)
}

// blobs generates n points in d dimensions around k centres at least 8
// standard deviations apart.
func blobs(n, d, k int, seed uint64) (x []float64, truth []int32) {
	rng := rand.New(rand.NewPCG(seed, 99))
	centres := make([]float64, k*d)
	for j := 0; j < k; j++ {
		for far := false; !far; {
			for t := 0; t < d; t++ {
				centres[j*d+t] = rng.Float64() * 30
			}
			far = true
			for o := 0; o < j; o++ {
				if sqDistRef(centres[j*d:(j+1)*d], centres[o*d:(o+1)*d]) < 64 {
					far = false
				}
			}
		}
	}
	x = make([]float64, n*d)
	truth = make([]int32, n)
	for i := 0; i < n; i++ {
		j := rng.IntN(k)
		truth[i] = int32(j)
		for t := 0; t < d; t++ {
			x[i*d+t] = centres[j*d+t] + rng.NormFloat64()
		}
	}
	return x, truth
}

// Independent oracles, written plainly and without the package's helpers.

// refInertia is Σ‖x − mean of its cluster‖², with the means computed here.
func refInertia(x []float64, d int, labels []int32, k int) float64 {
	n := len(labels)
	means := make([]float64, k*d)
	cnt := make([]float64, k)
	for i := 0; i < n; i++ {
		cnt[labels[i]]++
		for t := 0; t < d; t++ {
			means[int(labels[i])*d+t] += x[i*d+t]
		}
	}
	for j := 0; j < k; j++ {
		for t := 0; t < d; t++ {
			means[j*d+t] /= cnt[j]
		}
	}
	s := 0.0
	for i := 0; i < n; i++ {
		for t := 0; t < d; t++ {
			dd := x[i*d+t] - means[int(labels[i])*d+t]
			s += dd * dd
		}
	}
	return s
}

// refSilhouette is the textbook O(n²) silhouette (Rousseeuw 1987).
func refSilhouette(x []float64, d int, labels []int32) float64 {
	n := len(labels)
	dist := func(i, j int) float64 {
		s := 0.0
		for t := 0; t < d; t++ {
			dd := x[i*d+t] - x[j*d+t]
			s += dd * dd
		}
		return math.Sqrt(s)
	}
	total := 0.0
	for i := 0; i < n; i++ {
		sum := map[int32]float64{}
		cnt := map[int32]int{}
		for j := 0; j < n; j++ {
			if j != i {
				sum[labels[j]] += dist(i, j)
				cnt[labels[j]]++
			}
		}
		if cnt[labels[i]] == 0 {
			continue
		}
		a := sum[labels[i]] / float64(cnt[labels[i]])
		b := math.Inf(1)
		for c, s := range sum {
			if c != labels[i] {
				b = math.Min(b, s/float64(cnt[c]))
			}
		}
		total += (b - a) / math.Max(a, b)
	}
	return total / float64(n)
}

// refKMeans is plain Lloyd from many random starts (k distinct random
// points), the best inertia kept: a brute-force estimate of the optimum.
func refKMeans(x []float64, d, k, starts int, seed uint64) (labels []int32, inertia float64) {
	n := len(x) / d
	rng := rand.New(rand.NewPCG(seed, 7))
	inertia = math.Inf(1)
	for s := 0; s < starts; s++ {
		perm := rng.Perm(n)
		c := make([]float64, k*d)
		for j := 0; j < k; j++ {
			copy(c[j*d:(j+1)*d], x[perm[j]*d:(perm[j]+1)*d])
		}
		lab := make([]int32, n)
		for it := 0; it < 1000; it++ {
			changed := false
			for i := 0; i < n; i++ {
				best, bd := int32(0), math.Inf(1)
				for j := 0; j < k; j++ {
					s := 0.0
					for t := 0; t < d; t++ {
						dd := x[i*d+t] - c[j*d+t]
						s += dd * dd
					}
					if s < bd {
						best, bd = int32(j), s
					}
				}
				if lab[i] != best || it == 0 {
					changed = changed || lab[i] != best
					lab[i] = best
				}
			}
			cnt := make([]float64, k)
			clear(c)
			for i := 0; i < n; i++ {
				cnt[lab[i]]++
				for t := 0; t < d; t++ {
					c[int(lab[i])*d+t] += x[i*d+t]
				}
			}
			empty := false
			for j := 0; j < k; j++ {
				if cnt[j] == 0 {
					empty = true
				}
				for t := 0; t < d; t++ {
					c[j*d+t] /= cnt[j]
				}
			}
			if empty {
				break
			}
			if !changed && it > 0 {
				break
			}
		}
		if in := refInertia(x, d, lab, k); in < inertia && !math.IsNaN(in) {
			inertia, labels = in, lab
		}
	}
	return labels, inertia
}

func sqDistRef(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += (a[i] - b[i]) * (a[i] - b[i])
	}
	return s
}

package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model"
)

func shopFixture() ([]model.Column, []int32) {
	rng := rand.New(rand.NewPCG(8, 9))
	n := 400
	money, freq := make([]float64, n), make([]float64, n)
	channel, news := make([]string, n), make([]string, n)
	labels := make([]int32, n)
	for i := 0; i < n; i++ {
		g := []int32{0, 1, 1, 2}[i%4]
		labels[i] = g
		switch g {
		case 0: // big, rare, online
			money[i], freq[i] = 900+rng.Float64()*200, float64(1+rng.IntN(2))
			channel[i] = []string{"online", "online", "online", "store"}[rng.IntN(4)]
		case 1:
			money[i], freq[i] = 50+rng.Float64()*100, float64(8+rng.IntN(5))
			channel[i] = []string{"store", "phone"}[rng.IntN(2)]
		case 2:
			money[i], freq[i] = 300+rng.Float64()*100, float64(4+rng.IntN(3))
			channel[i] = []string{"store", "online", "phone"}[rng.IntN(3)]
		}
		news[i] = []string{"no", "yes"}[rng.IntN(2)]
		if i%37 == 0 {
			money[i] = math.NaN()
		}
	}
	nc := codedColumn("newsletter", news)
	nc.Kind = model.KindBoolean
	labels[5] = -1 // a customer left out
	return []model.Column{numberColumn("monetary", model.KindReal, money), numberColumn("frequency", model.KindInteger, freq),
		codedColumn("channel", channel), nc}, labels
}

// Means, medians, index and standardised differences against plain
// computations in the test; the name of the big, rare, online cluster.
func TestProfile(t *testing.T) {
	cols, labels := shopFixture()
	p, err := Profile(cols, labels, 3)
	if err != nil {
		t.Fatal(err)
	}
	if p.Rows != 399 {
		t.Errorf("rows %d", p.Rows)
	}
	money := cols[0].(*model.NumberColumn)
	var all []float64
	for i, a := range labels {
		if a >= 0 && !money.Nulls.Has(i) {
			all = append(all, money.Values[i])
		}
	}
	mean, sd := plainMeanSD(all)
	for j, cp := range p.Clusters {
		var in []float64
		missing, size := 0, 0
		for i, a := range labels {
			if int(a) != j {
				continue
			}
			size++
			if money.Nulls.Has(i) {
				missing++
			} else {
				in = append(in, money.Values[i])
			}
		}
		np := cp.Numbers[0]
		cm, _ := plainMeanSD(in)
		if cp.Size != size || math.Abs(cp.Share-float64(size)/399) > 1e-12 || np.Missing != missing || np.Count != len(in) {
			t.Errorf("cluster %d: size %d share %v missing %d", j, cp.Size, cp.Share, np.Missing)
		}
		if math.Abs(np.Mean-cm) > 1e-9 || math.Abs(np.Median-plainMedian(in)) > 1e-9 || math.Abs(np.OverallMedian-plainMedian(all)) > 1e-9 {
			t.Errorf("cluster %d: mean %v median %v, want %v %v", j, np.Mean, np.Median, cm, plainMedian(in))
		}
		if !np.HasIndex || math.Abs(np.Index-cm/mean*100) > 1e-9 || math.Abs(np.StdDiff-(cm-mean)/sd) > 1e-9 {
			t.Errorf("cluster %d: index %v stddiff %v", j, np.Index, np.StdDiff)
		}
		shares := 0.0
		for _, c := range cp.Categories {
			if c.Attribute == "channel" {
				shares += c.Share
			}
		}
		if math.Abs(shares-1) > 1e-12 {
			t.Errorf("cluster %d: channel shares sum to %v", j, shares)
		}
	}
	name := p.Clusters[0]
	t.Logf("cluster 0: %s; cluster 1: %s; cluster 2: %s", name.English, p.Clusters[1].English, p.Clusters[2].English)
	want := []string{"high monetary", "low frequency", "online"}
	for _, w := range want {
		if !strings.Contains(name.English, w) {
			t.Errorf("name %q lacks %q", name.English, w)
		}
	}
	if len(name.Name) != 3 || name.Name[0].Direction == "" {
		t.Errorf("name parts %+v", name.Name)
	}
	if len(name.Distinguishing) != 2+3+2 {
		t.Errorf("%d distinguishing parts, want 7 (2 numbers, 3 channels, 2 newsletter values)", len(name.Distinguishing))
	}
	if !slices.IsSortedFunc(name.Distinguishing, func(a, b NamePart) int {
		return int(math.Copysign(1, math.Abs(b.StdDiff)-math.Abs(a.StdDiff)))
	}) {
		t.Error("distinguishing parts not by decreasing |StdDiff|")
	}
}

func TestEnglishNames(t *testing.T) {
	parts := []NamePart{{Attribute: "monetary", Direction: High, IsNumber: true}, {Attribute: "club", Category: "no", Boolean: true, Direction: High},
		{Attribute: "zone", Empty: true, Direction: High}, {Attribute: "channel", Category: "online", Direction: High}}
	if got := English(parts); got != "high monetary, no club, zone empty, online" {
		t.Errorf("English %q", got)
	}
	if English(nil) != WordTypical {
		t.Error("no parts")
	}
}

func plainMeanSD(v []float64) (mean, sd float64) {
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	for _, x := range v {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(v)))
}

func plainMedian(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

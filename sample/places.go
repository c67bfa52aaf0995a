package sample

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// Zones of the city, and how affluent each tends to be (in band steps; the
// north-west and north are the wealthy suburbs, the south and south-east the
// old working-class districts).
var zones = []string{"centre", "north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"}
var zoneAffluence = []float64{0.6, 0.8, 0.2, -0.3, -0.9, -1.0, -0.6, 0.0, 1.0}

// Socio-economic bands, A the most affluent. bandCount says how many of the 64
// neighbourhoods fall in each band (by rank of an affluence score).
var bands = []string{"A", "B", "C", "D", "E"}
var bandCount = []int{8, 13, 21, 14, 8}

// Average monthly household income of a neighbourhood by band, and the median
// individual monthly income of its residents (before the age effect).
var bandHouseholdIncome = []float64{7400, 5200, 3700, 2700, 1900}
var bandMedianIncome = []float64{3300, 2450, 1850, 1450, 1120}

type neighbourhood struct {
	id       int64
	name     string
	zone     int
	band     int
	income   float64 // avg_household_income
	postcode string
	weight   float64 // share of the shop's customers living there
}

// makeNeighbourhoods builds the 64 neighbourhoods: the first 7 in the centre,
// then 7 per outer zone, with bands assigned by rank of zone affluence plus
// noise so every band exists whatever the seed.
func makeNeighbourhoods(r *rand.Rand) []neighbourhood {
	nbs := make([]neighbourhood, len(neighbourhoodNames))
	score := make([]float64, len(nbs))
	for i := range nbs {
		z := 0
		if i >= 7 {
			z = 1 + (i-7)/7
		}
		if z >= len(zones) {
			z = 1
		}
		nbs[i] = neighbourhood{id: int64(i + 1), name: neighbourhoodNames[i], zone: z,
			postcode: fmt.Sprintf("28%03d", i+1)}
		score[i] = zoneAffluence[z] + 0.7*r.NormFloat64()
	}
	order := make([]int, len(nbs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return score[order[a]] > score[order[b]] })
	rank := 0
	for b, n := range bandCount {
		for range n {
			nbs[order[rank]].band = b
			rank++
		}
	}
	for i := range nbs {
		nb := &nbs[i]
		nb.income = math.Round(bandHouseholdIncome[nb.band]*math.Exp(0.08*r.NormFloat64())/10) * 10
		// Denser, poorer districts hold more customers per neighbourhood.
		nb.weight = math.Exp(0.35*r.NormFloat64()) * []float64{0.8, 0.9, 1.0, 1.15, 1.2}[nb.band]
	}
	return nbs
}

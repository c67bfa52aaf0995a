package sample

// world holds the small reference tables every pass needs: neighbourhoods,
// the product catalogue and the past campaigns. It is drawn from the world
// stream of the seed, so it is the same in every pass.
type world struct {
	neighbourhoods []neighbourhood
	nbCum          []float64 // cumulative neighbourhood weights
	cat            *catalogue
	campaigns      []campaign
}

func newWorld(seed uint64) *world {
	s := newStreams(seed)
	w := &world{}
	w.neighbourhoods = makeNeighbourhoods(s.at(streamWorld, 1))
	total := 0.0
	for _, nb := range w.neighbourhoods {
		total += nb.weight
		w.nbCum = append(w.nbCum, total)
	}
	w.cat = makeCatalogue(s.at(streamWorld, 2))
	w.campaigns = campaigns
	return w
}

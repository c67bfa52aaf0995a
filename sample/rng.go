package sample

import "math/rand/v2"

// Stream kinds: each entity draws from its own stream, keyed by (seed, kind,
// id), so a pass over one table can regenerate a customer's purchases without
// replaying anything else, and changing one table's model leaves the others'
// numbers alone.
const (
	streamWorld uint64 = iota + 1
	streamHousehold
	streamInvoices
	streamLines
	streamTouch
	streamCampaign
)

// streams hands out reseeded generators; one PCG is reused to avoid an
// allocation per customer. Not safe for concurrent use.
type streams struct {
	seed uint64
	pcg  rand.PCG
	r    *rand.Rand
}

func newStreams(seed uint64) *streams {
	s := &streams{seed: seed}
	s.r = rand.New(&s.pcg)
	return s
}

// at reseeds and returns the generator for (kind, id). Seeds are passed
// through splitmix64 because PCG states that differ in a few bits start out
// correlated.
func (s *streams) at(kind, id uint64) *rand.Rand {
	s.pcg.Seed(splitmix(s.seed^splitmix(kind)), splitmix(id+splitmix(kind<<32^s.seed)))
	return s.r
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

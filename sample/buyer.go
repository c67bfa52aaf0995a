package sample

import "math/rand/v2"

// BuyerType is a customer's true buying behaviour. It is fixed by
// construction and deliberately not stored in the database: analyses have to
// recover it from purchases and touchpoints. BuyerTypes tells tests the truth.
type BuyerType int

const (
	// FrequentValue buyers come often for small baskets of cheap everyday
	// goods, mostly the same familiar-brand products, mostly in store; they
	// like promotions and respond to e-mail and SMS offers.
	FrequentValue BuyerType = iota
	// Researchers browse the website for weeks before each purchase (many web
	// visits), then buy few, higher-priced items (electronics, home, sports),
	// mostly online; they seldom respond to campaigns.
	Researcher
	// LuxurySocial buyers are moved by word of mouth: social mentions and
	// reviews come shortly before their purchases of luxury products; they
	// have higher incomes and respond to catalogues by post and personal calls.
	LuxurySocial
	// Traditional buyers go to the store step by step, pay more often in
	// cash, seldom use digital channels, call the call centre, and respond to
	// post and phone campaigns.
	Traditional
	numBuyerTypes
)

var buyerTypeNames = [numBuyerTypes]string{"frequent_value", "researcher", "luxury_social", "traditional"}

func (t BuyerType) String() string {
	if t < 0 || t >= numBuyerTypes {
		return "unknown"
	}
	return buyerTypeNames[t]
}

// behaviour holds the parameters of one buyer type.
type behaviour struct {
	invoicesPerYear float64   // mean, before individual heterogeneity
	extraLines      float64   // lines per invoice = 1 + Poisson(extraLines)
	online          float64   // share of invoices online, for internet users
	seasonality     float64   // strength of the monthly pattern
	catWeights      []float64 // which categories their lines come from
	luxury          float64   // share of lines that are luxury products
	favourite       float64   // share of lines from their own favourite products
	discount        float64   // share of lines bought on promotion
	returns         float64   // base probability a line is returned
	loyalty         float64   // probability of loyalty club membership
	acquisition     []float64 // weights over acquisitionChannels
}

var acquisitionChannels = []string{"store", "website", "social_media", "referral", "marketplace", "campaign"}

// Category order: grocery, household, personal care, baby & kids, clothing,
// footwear, electronics, home & garden, sports, books & media, beauty,
// jewellery & watches.
var behaviours = [numBuyerTypes]behaviour{
	FrequentValue: {invoicesPerYear: 4.4, extraLines: 1.2, online: 0.18, seasonality: 0.5,
		catWeights: []float64{0.36, 0.2, 0.18, 0.08, 0.05, 0.02, 0.01, 0.03, 0.02, 0.03, 0.02, 0},
		luxury:     0, favourite: 0.75, discount: 0.28, returns: 0.01, loyalty: 0.65,
		acquisition: []float64{0.55, 0.15, 0.05, 0.1, 0.05, 0.1}},
	Researcher: {invoicesPerYear: 1.0, extraLines: 0.4, online: 0.8, seasonality: 0.8,
		catWeights: []float64{0, 0, 0, 0.02, 0.06, 0.04, 0.38, 0.24, 0.18, 0.08, 0, 0},
		luxury:     0.05, favourite: 0, discount: 0.15, returns: 0.03, loyalty: 0.25,
		acquisition: []float64{0.12, 0.45, 0.1, 0.05, 0.25, 0.03}},
	LuxurySocial: {invoicesPerYear: 1.5, extraLines: 0.8, online: 0.5, seasonality: 1.6,
		catWeights: []float64{0, 0, 0, 0, 0.26, 0.14, 0.08, 0.04, 0, 0, 0.24, 0.24},
		luxury:     0.8, favourite: 0, discount: 0.03, returns: 0.06, loyalty: 0.35,
		acquisition: []float64{0.2, 0.12, 0.35, 0.3, 0, 0.03}},
	Traditional: {invoicesPerYear: 1.8, extraLines: 1.8, online: 0.03, seasonality: 1.0,
		catWeights: []float64{0.2, 0.14, 0.1, 0.04, 0.14, 0.1, 0.02, 0.1, 0.02, 0.1, 0.04, 0},
		luxury:     0.02, favourite: 0.2, discount: 0.1, returns: 0.02, loyalty: 0.45,
		acquisition: []float64{0.75, 0.04, 0, 0.11, 0, 0.1}},
}

// chooseBuyerType draws the type from the person's age, income, family and
// internet use: luxury buyers are richer, researchers younger and online,
// traditional buyers older, frequent value buyers often have children.
func chooseBuyerType(r *rand.Rand, p *person) BuyerType {
	var w [numBuyerTypes]float64
	inc := p.income
	if !p.incomeKnown {
		inc = bandMedianIncome[2]
	}
	w[FrequentValue] = 0.88
	if p.children > 0 {
		w[FrequentValue] *= 1.3
	}
	if inc < 1800 {
		w[FrequentValue] *= 1.2
	}
	w[Researcher] = 0.6
	switch {
	case p.age < 45:
		w[Researcher] *= 1.45
	case p.age < 65:
		w[Researcher] *= 0.8
	default:
		w[Researcher] *= 0.3
	}
	if !p.internet {
		w[Researcher] *= 0.03
	}
	w[LuxurySocial] = 0.34 * clamp(inc/2200, 0.3, 3) * clamp(inc/2200, 0.3, 3)
	if p.age < 25 || p.age > 70 {
		w[LuxurySocial] *= 0.6
	}
	w[Traditional] = 0.77
	switch {
	case p.age >= 65:
		w[Traditional] *= 2.2
	case p.age >= 45:
		w[Traditional] *= 1.15
	default:
		w[Traditional] *= 0.5
	}
	if !p.internet {
		w[Traditional] *= 2
	}
	return BuyerType(pick(r, w[:]))
}

package sample

import (
	"math"
	"math/rand/v2"
)

// category of the shop's catalogue. The first two brands of each category are
// the familiar house brands that frequent buyers stick to; premium brands make
// the luxury lines.
type category struct {
	name    string
	median  float64 // typical price of a non-luxury item
	items   []string
	brands  []string // mass-market brands, familiar ones first
	premium []string // luxury brands; none for everyday categories
	bulk    bool     // bought several at a time
}

var categories = []category{
	{"grocery", 3.5, []string{"Olive oil 1 L", "Ground coffee 250 g", "Breakfast cereal", "Pasta 1 kg", "Tomato sauce", "Biscuits", "Dark chocolate", "Orange juice 1 L", "Rice 1 kg", "Tinned tuna"},
		[]string{"La Huerta", "Doña Clara", "Sol de Oro", "Marbella", "Bonvida"}, nil, true},
	{"household", 5, []string{"Laundry detergent", "Washing-up liquid", "Kitchen roll", "Toilet paper 12", "Bin bags", "All-purpose cleaner", "Sponges", "Fabric softener"},
		[]string{"Limpia", "Casa Brillo", "Blancanieve", "Hogarín", "Fresco"}, nil, true},
	{"personal care", 5, []string{"Shampoo", "Toothpaste", "Shower gel", "Deodorant", "Razor blades", "Hand cream", "Sun cream"},
		[]string{"Natura", "Dentis", "Aloe Vital", "Frescor", "Piel Sana"}, nil, true},
	{"baby & kids", 14, []string{"Nappies", "Baby wipes", "Baby food", "Kids' T-shirt", "School backpack", "Crayon set"},
		[]string{"Peque", "Chiquitín", "Bebé Feliz", "Pasitos", "Cole"}, nil, true},
	{"clothing", 28, []string{"T-shirt", "Jeans", "Dress", "Jumper", "Coat", "Shirt", "Skirt", "Jacket"},
		[]string{"Basics", "Urbano", "Lino", "Tejido", "Mística"}, []string{"Valentini", "Maison Aurel"}, false},
	{"footwear", 45, []string{"Trainers", "Boots", "Sandals", "Loafers", "Heels", "Slippers"},
		[]string{"Paso Firme", "Caminante", "Suela", "Andar", "Tacón"}, []string{"Ferrante", "Louboux"}, false},
	{"electronics", 110, []string{"Headphones", "Smartphone", "Tablet", "Smartwatch", "Bluetooth speaker", "Laptop", "Camera", "E-reader"},
		[]string{"Voltix", "Nexo", "Pulsar", "Kron", "Lumo"}, []string{"Aurum Audio", "Leika"}, false},
	{"home & garden", 35, []string{"Bedding set", "Towel set", "Frying pan", "Table lamp", "Garden chair", "Plant pot", "Cushion", "Coffee maker"},
		[]string{"Hogar", "Jardín Vivo", "Cocina Fácil", "Nido", "Terraza"}, []string{"Casa Noble"}, false},
	{"sports", 32, []string{"Running shoes", "Yoga mat", "Football", "Bicycle helmet", "Dumbbells", "Swimsuit", "Tennis racket"},
		[]string{"Atleta", "Meta", "Ola", "Cumbre", "Ritmo"}, nil, false},
	{"books & media", 14, []string{"Novel", "Cookbook", "Children's book", "Board game", "Vinyl record", "Travel guide"},
		[]string{"Editorial Sur", "Páginas", "Ludo", "Sonora", "Mapa"}, nil, false},
	{"beauty", 22, []string{"Perfume", "Face cream", "Lipstick", "Mascara", "Serum", "Eau de toilette"},
		[]string{"Bella", "Rostro", "Esencia", "Glow", "Pétalo"}, []string{"Chanelle", "Diora"}, false},
	{"jewellery & watches", 70, []string{"Watch", "Necklace", "Earrings", "Bracelet", "Ring", "Sunglasses"},
		[]string{"Brillo", "Plata Viva", "Hora", "Destello", "Gema"}, []string{"Cartello", "Rolexa"}, false},
}

type product struct {
	id       int64
	name     string
	cat      int
	brand    string
	price    float64
	luxury   bool
	familiar bool // one of the category's two house brands
}

// catalogue is the product list plus indexes the buyers draw from.
type catalogue struct {
	products []product
	byCat    [][]int // product indexes per category, non-luxury
	luxury   [][]int // luxury product indexes per category
	familiar [][]int // familiar-brand product indexes per category
}

// makeCatalogue gives each item three mass-market products (one familiar
// brand among them) and, in categories with premium brands, one or two luxury
// products priced several times higher.
func makeCatalogue(r *rand.Rand) *catalogue {
	c := &catalogue{byCat: make([][]int, len(categories)), luxury: make([][]int, len(categories)), familiar: make([][]int, len(categories))}
	add := func(ci int, item, brand string, price float64, lux, fam bool) {
		i := len(c.products)
		c.products = append(c.products, product{id: int64(i + 1), name: item + " " + brand, cat: ci, brand: brand,
			price: shopPrice(price), luxury: lux, familiar: fam})
		switch {
		case lux:
			c.luxury[ci] = append(c.luxury[ci], i)
		default:
			c.byCat[ci] = append(c.byCat[ci], i)
			if fam {
				c.familiar[ci] = append(c.familiar[ci], i)
			}
		}
	}
	for ci, cat := range categories {
		for _, item := range cat.items {
			base := cat.median * math.Exp(0.45*r.NormFloat64())
			fam := r.IntN(2)
			add(ci, item, cat.brands[fam], base*0.85, false, true)
			others := r.Perm(3)
			for _, k := range others[:2] {
				add(ci, item, cat.brands[2+k], base*(1+0.25*r.Float64()), false, false)
			}
			for k, brand := range cat.premium {
				if k == 0 || chance(r, 0.5) {
					add(ci, item, brand, base*4.5*math.Exp(0.3*r.NormFloat64()), true, false)
				}
			}
		}
	}
	return c
}

// shopPrice rounds like a shop: x.99 above 10, to 5 cents below.
func shopPrice(p float64) float64 {
	if p >= 10 {
		return math.Floor(p) + 0.99
	}
	return math.Max(0.5, math.Round(p*20)/20)
}

package store

// Finding keys: data problems met while reading purchases, beside those
// analysis/behaviour reports on the lines it is given. Stable English
// identifiers; the sentences are in purchases_messages.go.
const (
	FindValueText       = "value_text"             // the value was text with a currency sign or a decimal comma: read
	FindValueUnreadable = "value_unreadable"       // the value was text that is no amount: counted as no sale
	FindValueMissing    = "value_missing"          // no value: counted as no sale
	FindDateUnreadable  = "date_unreadable"        // the date was not a date: the line is left out
	FindDateFuture      = "date_in_future"         // dated after today: after the analysis date, left out
	FindKeyMissing      = "customer_key_missing"   // no customer key on the line
	FindKeyUnknown      = "customer_key_unknown"   // a key no customer has
	FindNegativeReturn  = "negative_as_return"     // a negative value, read as a return
	FindCancellation    = "cancellation_invoice"   // a line of a cancellation invoice ("C…"), read as a return
	FindHeaderMissing   = "header_missing"         // the line points at no invoice/order
	FindTouchKeyUnknown = "touch_customer_unknown" // a touchpoint of no known customer
	FindTouchDateBad    = "touch_date_unreadable"  // a touchpoint whose date is not a date
)

// findingOrder is the order findings are reported in.
var findingOrder = []string{FindValueText, FindValueUnreadable, FindValueMissing, FindDateUnreadable, FindDateFuture,
	FindKeyMissing, FindKeyUnknown, FindHeaderMissing, FindNegativeReturn, FindCancellation, FindTouchKeyUnknown,
	FindTouchDateBad}

// PurchaseFinding is how many lines (or touchpoints) showed one problem,
// with the rowids of the first few in Table so they can be opened.
type PurchaseFinding struct {
	Key      string
	Table    string
	Column   string
	Count    int
	Examples []int64
}

// findingTally counts findings over one range of rows.
type findingTally struct {
	counts   map[string]int
	examples map[string][]int64
}

const findingExamples = 5

func (f *findingTally) add(key string, rowid int64) {
	if f.counts == nil {
		f.counts, f.examples = map[string]int{}, map[string][]int64{}
	}
	f.counts[key]++
	if len(f.examples[key]) < findingExamples {
		f.examples[key] = append(f.examples[key], rowid)
	}
}

// merge adds o's counts and examples (o's rows come after f's).
func (f *findingTally) merge(o *findingTally) {
	for k, n := range o.counts {
		if f.counts == nil {
			f.counts, f.examples = map[string]int{}, map[string][]int64{}
		}
		f.counts[k] += n
		for _, e := range o.examples[k] {
			if len(f.examples[k]) < findingExamples {
				f.examples[k] = append(f.examples[k], e)
			}
		}
	}
}

// mergeFindings adds the parts' tallies in rowid order; where names the
// table and column of each key.
func mergeFindings(parts []*findingTally, where func(key string) (table, column string)) []PurchaseFinding {
	var out []PurchaseFinding
	for _, k := range findingOrder {
		f := PurchaseFinding{Key: k}
		for _, p := range parts {
			f.Count += p.counts[k]
			for _, e := range p.examples[k] {
				if len(f.Examples) < findingExamples {
					f.Examples = append(f.Examples, e)
				}
			}
		}
		if f.Count > 0 {
			f.Table, f.Column = where(k)
			out = append(out, f)
		}
	}
	return out
}

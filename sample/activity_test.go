package sample

import "testing"

// TestActivities checks the replayed draws against the invoices Generate
// writes: dormant customers have none, lapsed ones none after their day,
// and about 6% and 12% of customers are each (sample/doc.go).
func TestActivities(t *testing.T) {
	const n = 3000
	m := generateMem(t, n, 5)
	acts, err := Activities(Options{Customers: n, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	last := map[int64]string{}
	count := map[int64]int{}
	for _, row := range m.rows["invoices"] {
		c, day := row[1].(int64), row[2].(string)[:10]
		count[c]++
		if day > last[c] {
			last[c] = day
		}
	}
	dormant, lapsed, lapsedBuying := 0, 0, 0
	for i, a := range acts {
		id := int64(i + 1)
		if a.Dormant {
			dormant++
			if count[id] > 0 {
				t.Fatalf("customer %d is dormant but has %d invoices", id, count[id])
			}
		}
		if a.Lapsed {
			lapsed++
			if count[id] > 0 {
				lapsedBuying++
			}
			if count[id] > 0 && last[id] > a.Until {
				t.Fatalf("customer %d lapsed on %s but bought on %s", id, a.Until, last[id])
			}
		}
	}
	if lapsedBuying < lapsed/2 {
		t.Errorf("only %d of %d lapsed customers bought at all: the check above proves little", lapsedBuying, lapsed)
	}
	if d, l := float64(dormant)/n, float64(lapsed)/n; d < 0.045 || d > 0.075 || l < 0.09 || l > 0.14 {
		t.Errorf("dormant %.3f, lapsed %.3f; want about 0.06 and 0.113 (12%% of the 94%% not dormant)", d, l)
	}
}

package store

import (
	"slices"
	"testing"
)

// TestJoinSharesOnlyNeighbouringWindows: parts that filled their windows
// join without a copy; a part that read more rows than counted, or slices
// of different arrays, are copied; and a joined slice never writes into
// the window after it.
func TestJoinSharesOnlyNeighbouringWindows(t *testing.T) {
	ws, wins := windows[int](([]int{2, 3, 2}))
	for k, n := range []int{2, 3, 2} {
		for i := range n {
			ws[k] = append(ws[k], 10*k+i)
		}
	}
	ab, wab := join(ws[0], wins[0], ws[1], wins[1])
	if &ab[0] != &wins[0].all[0] || !slices.Equal(ab, []int{0, 1, 10, 11, 12}) {
		t.Fatalf("neighbours were copied or misjoined: %v", ab)
	}
	if cap(ab) != len(ab) {
		t.Fatalf("joined slice has room (cap %d) reaching into the next window", cap(ab))
	}
	all, _ := join(ab, wab, ws[2], wins[2])
	if &all[0] != &wins[0].all[0] || !slices.Equal(all, []int{0, 1, 10, 11, 12, 20, 21}) {
		t.Fatalf("three windows: %v", all)
	}

	// the middle part read one row more than counted: it reallocated
	ws, wins = windows[int]([]int{1, 1, 1})
	ws[0] = append(ws[0], 1)
	ws[1] = append(ws[1], 2, 3)
	ws[2] = append(ws[2], 4)
	ab, wab = join(ws[0], wins[0], ws[1], wins[1])
	all, _ = join(ab, wab, ws[2], wins[2])
	if !slices.Equal(all, []int{1, 2, 3, 4}) {
		t.Fatalf("an overflowing part: %v", all)
	}
	if wins[0].all[2] != 4 {
		t.Fatalf("the last window was overwritten: %v", wins[0].all)
	}

	// slices of two arrays, even if adjacent in memory, are copied
	a, b := []int{1, 2}, []int{3}
	got, w := join(a, window[int]{}, b, window[int]{})
	if !slices.Equal(got, []int{1, 2, 3}) || w.all != nil {
		t.Fatalf("separate arrays: %v %v", got, w)
	}
}

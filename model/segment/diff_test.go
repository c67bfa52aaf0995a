package segment

import (
	"fmt"
	"testing"
)

func TestDiff(t *testing.T) {
	old, _ := Parse(`a = 1 and b = 2 and c = 3`)
	new, _ := Parse(`a = 1 and c = 3 and d = 4`)
	got := fmt.Sprint(Diff(old, new))
	if want := "[{61 a = 1} {45 b = 2} {61 c = 3} {43 d = 4}]"; got != want {
		t.Fatalf("Diff = %s, want %s", got, want)
	}
	if d := Diff(nil, old); len(d) != 3 || d[0].Kind != '+' {
		t.Fatalf("from nothing: %v", d)
	}
}

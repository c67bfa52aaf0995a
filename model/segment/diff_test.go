package segment

import (
	"fmt"
	"testing"
)

func TestDiff(t *testing.T) {
	old, _ := Parse(`a = 1 and b = 2 and c = 3`)
	new, _ := Parse(`a = 1 and c = 3 and d = 4`)
	var got string
	for _, c := range Diff(old, new) {
		got += fmt.Sprintf(" {%d %s}", c.Kind, c.Rule)
		if Print(c.Node) != c.Rule {
			t.Errorf("the node of %s prints %s", c.Rule, Print(c.Node))
		}
	}
	got = "[" + got[1:] + "]"
	if want := "[{61 a = 1} {45 b = 2} {61 c = 3} {43 d = 4}]"; got != want {
		t.Fatalf("Diff = %s, want %s", got, want)
	}
	if d := Diff(nil, old); len(d) != 3 || d[0].Kind != '+' {
		t.Fatalf("from nothing: %v", d)
	}
}

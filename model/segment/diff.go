package segment

// Change is one top-level rule in the difference between two definitions.
type Change struct {
	Kind byte   // '=' kept, '-' only in the old one, '+' only in the new one
	Rule string // the rule as printed
	Node Node   // the rule, to print in another language (PrintSpanish)
}

// Diff compares two definitions rule by rule (the terms of a root And, in
// their printed canonical form), keeping the order of both: a longest common
// subsequence, so moving a rule shows as one removal and one addition.
func Diff(old, new Node) []Change {
	ra, rb := Rules(old), Rules(new)
	a, b := printed(ra), printed(rb)
	// lcs[i][j] is the longest common subsequence of a[i:] and b[j:]
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Change
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			out = append(out, Change{'=', a[i], rb[j]})
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, Change{'+', b[j], rb[j]})
			j++
		default:
			out = append(out, Change{'-', a[i], ra[i]})
			i++
		}
	}
	return out
}

func printed(rules []Node) []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = Print(r)
	}
	return out
}

package segment

import "strings"

// Library holds saved segments' rule trees by name, for `in segment "NAME"`
// and for turning a saved segment's name into its rows. Names match
// ignoring case, as they do everywhere in the language.
type Library map[string]Node

// Add parses and keeps a definition under name.
func (l Library) Add(name, definition string) error {
	n, err := Parse(definition)
	if err != nil {
		return err
	}
	l[strings.ToLower(name)] = n
	return nil
}

// Resolve returns the tree saved under name. Its signature is that of
// analysis.SegmentResolver, so a Library can be passed as one.
func (l Library) Resolve(name string) (Node, bool) {
	n, ok := l[strings.ToLower(name)]
	return n, ok
}

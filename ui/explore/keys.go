package explore

import "charm.land/bubbles/v2/key"

// keyMap holds every key of the screen; which ones are active depends on
// the view (distribution, cross-tab, quality, rows), and the help line is
// built from the active ones so it cannot drift from what the keys do.
type keyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Left, Right                             key.Binding

	MoreBins, FewerBins, BinMode, LogScale, SortBy, DateBy key.Binding

	CrossTab, Quality, Rows, Open, Back, Copy, Percent, Sort key.Binding

	BarPrev, BarNext, Mark, ToSegment key.Binding

	Missing key.Binding // quality view: a placeholder value → missing for analysis
}

func newKeyMap() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Up:       b([]string{"up", "k"}, "↑/k", "up"),
		Down:     b([]string{"down", "j"}, "↓/j", "down"),
		Top:      b([]string{"home", "g"}, "g", "first"),
		Bottom:   b([]string{"end", "G"}, "G", "last"),
		PageUp:   b([]string{"pgup", "p"}, "p/pgup", "page up"),
		PageDown: b([]string{"pgdown", "n"}, "n/pgdn", "page down"),
		Left:     b([]string{"left", "h"}, "←/h", "left"),
		Right:    b([]string{"right", "l"}, "→/l", "right"),

		MoreBins:  b([]string{"+", "="}, "+", "more bins"),
		FewerBins: b([]string{"-", "_"}, "-", "fewer bins"),
		BinMode:   b([]string{"b"}, "b", "equal-width/quantile bins"),
		LogScale:  b([]string{"l"}, "l", "log scale"),
		SortBy:    b([]string{"s"}, "s", "sort by count/value"),
		DateBy:    b([]string{"d"}, "d", "dates by year/quarter/month/weekday"),

		CrossTab: b([]string{"x"}, "x", "cross-tab"),
		Quality:  b([]string{"Q"}, "Q", "data quality"),
		Rows:     b([]string{"r"}, "r", "rows"),
		Open:     b([]string{"enter"}, "enter", "open"),
		Back:     b([]string{"esc", "backspace"}, "esc", "back"),
		Copy:     b([]string{"y"}, "y", "copy"),
		Percent:  b([]string{"%", "c"}, "%", "counts/row %/column %"),
		Sort:     b([]string{"s"}, "s", "sort by column"),

		BarPrev:   b([]string{"["}, "[", "previous bar"),
		BarNext:   b([]string{"]"}, "]", "next bar"),
		Mark:      b([]string{"space"}, "space", "mark bar"),
		ToSegment: b([]string{"S"}, "S", "marked bars → segment rule"),

		Missing: b([]string{"m"}, "m", "treat a placeholder as missing"),
	}
}

// attrKind is what the attribute under the cursor is, as far as keys go:
// bins are for numbers, grouping for dates, sorting and marking for
// categories; text has none of them.
type attrKind int

const (
	attrText attrKind = iota
	attrNumber
	attrDate
	attrCoded
)

// hasBars: the bars of a histogram or of categories can become a rule.
func (a attrKind) hasBars() bool { return a == attrNumber || a == attrCoded }

// barKeys are the keys that turn bars into a segment rule.
func (k keyMap) barKeys() []key.Binding {
	return []key.Binding{k.BarPrev, k.BarNext, k.Mark, k.ToSegment}
}

// settingKeys are the keys that change how an attribute of kind a is drawn.
func (k keyMap) settingKeys(a attrKind) []key.Binding {
	switch a {
	case attrNumber:
		return []key.Binding{k.MoreBins, k.FewerBins, k.BinMode, k.LogScale}
	case attrDate:
		return []key.Binding{k.DateBy}
	case attrCoded:
		return []key.Binding{k.SortBy}
	}
	return nil
}

// short and full return the help of the keys active in a view and, in the
// distribution view, for the attribute under the cursor: the help line
// never offers a key that would do nothing there.
func (k keyMap) short(v view, a attrKind, crosses bool) []key.Binding {
	switch v {
	case viewCrossTab:
		return []key.Binding{k.Down, k.PageDown, k.Right, k.Percent, k.Copy, k.Back}
	case viewQuality:
		return []key.Binding{k.Up, k.Down, k.Open, k.Missing, k.Copy, k.Back}
	case viewRows:
		return []key.Binding{k.PageDown, k.Left, k.Right, k.Sort, k.Copy, k.Back}
	case viewPick:
		return []key.Binding{k.Up, k.Down, k.CrossTab, k.Back}
	}
	out := append([]key.Binding{k.Down}, k.settingKeys(a)...)
	if a.hasBars() {
		out = append(out, k.Mark, k.ToSegment)
	}
	if crosses {
		out = append(out, k.CrossTab)
	}
	return append(out, k.Quality, k.Rows)
}

func (k keyMap) full(v view, a attrKind, crosses bool) [][]key.Binding {
	switch v {
	case viewCrossTab:
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Left, k.Right}, {k.Percent, k.Copy, k.Back}}
	case viewQuality:
		return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Open, k.Missing, k.Copy, k.Back}}
	case viewRows:
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Left, k.Right, k.Sort, k.Copy, k.Back}}
	case viewPick:
		return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.CrossTab, k.Open, k.Back}}
	}
	act := []key.Binding{k.Quality, k.Rows, k.Copy}
	if crosses {
		act = append([]key.Binding{k.CrossTab}, act...)
	}
	groups := [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}}
	if s := k.settingKeys(a); len(s) > 0 {
		groups = append(groups, s)
	}
	groups = append(groups, act)
	if a.hasBars() {
		groups = append(groups, k.barKeys())
	}
	return groups
}

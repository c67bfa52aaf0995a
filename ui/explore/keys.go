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
	return keyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "p"), key.WithHelp("p/pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "n"), key.WithHelp("n/pgdn", "page down")),
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "left")),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "right")),

		MoreBins:  key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "more bins")),
		FewerBins: key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "fewer bins")),
		BinMode:   key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "equal-width/quantile bins")),
		LogScale:  key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "log scale")),
		SortBy:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by count/value")),
		DateBy:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "dates by year/quarter/month/weekday")),

		CrossTab: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "cross-tab")),
		Quality:  key.NewBinding(key.WithKeys("Q"), key.WithHelp("Q", "data quality")),
		Rows:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rows")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:     key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Copy:     key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy")),
		Percent:  key.NewBinding(key.WithKeys("%", "c"), key.WithHelp("%", "counts/row %/column %")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by column")),

		BarPrev:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous bar")),
		BarNext:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next bar")),
		Mark:      key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "mark bar")),
		ToSegment: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "marked bars → segment rule")),

		Missing: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "treat a placeholder as missing")),
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

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
	}
}

// short and full return the help of the keys active in a view.
func (k keyMap) short(v view) []key.Binding {
	switch v {
	case viewCrossTab:
		return []key.Binding{k.Percent, k.Copy, k.Back}
	case viewQuality:
		return []key.Binding{k.Up, k.Down, k.Open, k.Copy, k.Back}
	case viewRows:
		return []key.Binding{k.PageDown, k.Left, k.Right, k.Sort, k.Copy, k.Back}
	case viewPick:
		return []key.Binding{k.Up, k.Down, k.CrossTab, k.Back}
	}
	return []key.Binding{k.Down, k.MoreBins, k.FewerBins, k.BinMode, k.CrossTab, k.Quality, k.Rows}
}

func (k keyMap) full(v view) [][]key.Binding {
	switch v {
	case viewCrossTab:
		return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right}, {k.Percent, k.Copy, k.Back}}
	case viewQuality:
		return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.Open, k.Copy, k.Back}}
	case viewRows:
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Left, k.Right, k.Sort, k.Copy, k.Back}}
	case viewPick:
		return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom}, {k.CrossTab, k.Open, k.Back}}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.MoreBins, k.FewerBins, k.BinMode, k.LogScale, k.SortBy, k.DateBy},
		{k.CrossTab, k.Quality, k.Rows, k.Copy},
		{k.BarPrev, k.BarNext, k.Mark, k.ToSegment},
	}
}

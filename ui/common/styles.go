package common

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
)

// Styles are built once from the theme and rebuilt when the terminal reports
// its background colour or its colour profile; View code never calls
// lipgloss.NewStyle.
type Styles struct {
	IsDark bool
	// Plain is the theme of a terminal without colours or reverse video
	// (TERM=dumb, NO_COLOR): selection is marked with a character.
	Plain bool

	Title     lipgloss.Style
	Subtle    lipgloss.Style
	Selected  lipgloss.Style
	Header    lipgloss.Style
	Bar       lipgloss.Style
	BarAlt    lipgloss.Style
	Error     lipgloss.Style
	Good      lipgloss.Style
	Warn      lipgloss.Style
	Box       lipgloss.Style
	StatusBar lipgloss.Style
	Key       lipgloss.Style
	Shades    []lipgloss.Style // from faint to strong, for cross-tab cells

	Accent color.Color
}

// NewStyles builds the styles for a dark or light background. Colours are
// ANSI-256 so they survive SSH and tmux; NO_COLOR is honoured by Bubble Tea's
// colour profile, which strips them at output (see NewPlainStyles).
func NewStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("25"), lipgloss.Color("75"))
	subtle := ld(lipgloss.Color("243"), lipgloss.Color("245"))
	selBg := ld(lipgloss.Color("153"), lipgloss.Color("24"))
	selFg := ld(lipgloss.Color("16"), lipgloss.Color("231"))
	s := &Styles{
		IsDark:    isDark,
		Accent:    accent,
		Title:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Subtle:    lipgloss.NewStyle().Foreground(subtle),
		Selected:  lipgloss.NewStyle().Background(selBg).Foreground(selFg).Bold(true),
		Header:    lipgloss.NewStyle().Bold(true).Underline(true),
		Bar:       lipgloss.NewStyle().Foreground(accent),
		BarAlt:    lipgloss.NewStyle().Foreground(ld(lipgloss.Color("130"), lipgloss.Color("215"))),
		Error:     lipgloss.NewStyle().Foreground(ld(lipgloss.Color("160"), lipgloss.Color("203"))).Bold(true),
		Good:      lipgloss.NewStyle().Foreground(ld(lipgloss.Color("28"), lipgloss.Color("114"))),
		Warn:      lipgloss.NewStyle().Foreground(ld(lipgloss.Color("130"), lipgloss.Color("221"))),
		Box:       lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(subtle).Padding(0, 1),
		StatusBar: lipgloss.NewStyle().Foreground(subtle),
		Key:       lipgloss.NewStyle().Foreground(accent).Bold(true),
	}
	for _, c := range []string{"254", "252", "250", "153", "117", "75", "33"} {
		bg := lipgloss.Color(c)
		if isDark {
			bg = lipgloss.Color(map[string]string{"254": "235", "252": "237", "250": "239", "153": "24", "117": "25", "75": "26", "33": "27"}[c])
		}
		s.Shades = append(s.Shades, lipgloss.NewStyle().Background(bg))
	}
	return s
}

// NewPlainStyles builds the styles for a terminal that shows no colour and
// perhaps no reverse video either (TERM=dumb gives Bubble Tea's NoTTY
// profile, which drops every attribute; NO_COLOR its Ascii profile): a
// selected row, field, bar or tab starts with a ">" that takes the place of
// a space, so the selection is seen and the layout does not move.
func NewPlainStyles() *Styles {
	plain := lipgloss.NewStyle()
	s := &Styles{
		IsDark:    true,
		Plain:     true,
		Title:     lipgloss.NewStyle().Bold(true),
		Subtle:    plain,
		Selected:  lipgloss.NewStyle().Reverse(true).Bold(true).Transform(MarkSelected),
		Header:    lipgloss.NewStyle().Bold(true).Underline(true),
		Bar:       plain,
		BarAlt:    plain,
		Error:     lipgloss.NewStyle().Bold(true),
		Good:      plain,
		Warn:      plain,
		Box:       lipgloss.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, 1),
		StatusBar: plain,
		Key:       lipgloss.NewStyle().Bold(true),
	}
	for range 7 {
		s.Shades = append(s.Shades, plain)
	}
	return s
}

// SelectMark is the character that marks the selection in the plain theme.
const SelectMark = ">"

// MarkSelected puts SelectMark at the start of a selected line without
// changing its width: in place of a leading space, else of one space of the
// first run of two, else of a trailing space; a line with no space to give
// grows by one cell.
func MarkSelected(s string) string {
	switch {
	case strings.HasPrefix(s, " "):
		return SelectMark + s[1:]
	case strings.Contains(s, "  "):
		i := strings.Index(s, "  ")
		return SelectMark + s[:i] + s[i+1:]
	case strings.HasSuffix(s, " "):
		return SelectMark + s[:len(s)-1]
	}
	return SelectMark + s
}

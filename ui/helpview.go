package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/ui/palette"
)

// The help line and the full help (?) are drawn here rather than by the
// bubbles help model, which drops the columns that do not fit: the global
// keys came last and vanished below ~200 columns, and the short line cut
// `? all keys` and `q quit` at 80. Both still come from the key bindings.

// enabled keeps the bindings that are on and have help text.
func enabled(bs []key.Binding) []key.Binding {
	var out []key.Binding
	for _, b := range bs {
		if b.Enabled() && b.Help().Key != "" {
			out = append(out, b)
		}
	}
	return out
}

func shortItem(st help.Styles, b key.Binding) string {
	return st.ShortKey.Render(b.Help().Key) + " " + st.ShortDesc.Render(b.Help().Desc)
}

// shortHelp is one line of width cells: the screen's keys as far as they
// fit (an ellipsis says some were left out), then the global keys, which
// are always shown. When the screen's keys do not all fit, its cursor moves
// (↑ ↓ pgdn) go first: they are the keys a newcomer finds alone.
func shortHelp(st help.Styles, screen, global []key.Binding, width int) string {
	sep := st.ShortSeparator.Render(" • ")
	var g []string
	for _, b := range enabled(global) {
		g = append(g, shortItem(st, b))
	}
	tail := strings.Join(g, sep)
	room, sepW := width-ansi.StringWidth(tail), ansi.StringWidth(sep)
	itemsOf := func(bs []key.Binding) []string {
		var out []string
		for _, b := range bs {
			out = append(out, shortItem(st, b))
		}
		return out
	}
	items := itemsOf(enabled(screen))
	if w := ansi.StringWidth(strings.Join(items, sep)) + sepW; w > room {
		var acts []key.Binding
		for _, b := range enabled(screen) {
			if !palette.Moves(b) {
				acts = append(acts, b)
			}
		}
		items = itemsOf(acts)
	}
	fits := func(k int, ellipsis bool) bool {
		w := 0
		for _, it := range items[:k] {
			w += ansi.StringWidth(it) + sepW
		}
		if ellipsis {
			w += 1 + sepW
		}
		return w <= room
	}
	k, cut := len(items), false
	if !fits(k, false) {
		cut = true
		for k > 0 && !fits(k, true) {
			k--
		}
	}
	shown := items[:k]
	if cut {
		shown = append(shown[:k:k], st.Ellipsis.Render("…"))
	}
	line := strings.Join(append(shown, tail), sep)
	return ansi.Truncate(line, width, "…")
}

// column renders a group of bindings as aligned "key  description" lines.
func column(st help.Styles, bs []key.Binding) []string {
	kw := 0
	for _, b := range bs {
		kw = max(kw, ansi.StringWidth(b.Help().Key))
	}
	out := make([]string, len(bs))
	for i, b := range bs {
		k := b.Help().Key
		out[i] = st.FullKey.Render(k) + strings.Repeat(" ", kw-ansi.StringWidth(k)+1) + st.FullDesc.Render(b.Help().Desc)
	}
	return out
}

// columns joins groups side by side; ok is false when they need more than
// width cells.
func columns(st help.Styles, groups [][]key.Binding, width int) (string, bool) {
	var cols []string
	for _, g := range groups {
		if g = enabled(g); len(g) > 0 {
			cols = append(cols, strings.Join(column(st, g), "\n"))
		}
	}
	if len(cols) == 0 {
		return "", true
	}
	gap := strings.Repeat(" ", 4)
	parts := []string{cols[0]}
	for _, c := range cols[1:] {
		parts = append(parts, gap, c)
	}
	out := lipgloss.JoinHorizontal(lipgloss.Top, parts...)
	return out, lipgloss.Width(out) <= width
}

// flow writes a group's bindings one after another, wrapped at width,
// after a label.
func flow(st help.Styles, label string, bs []key.Binding, width int) []string {
	sep := st.FullSeparator.Render(" • ")
	var lines []string
	line := label
	for _, b := range enabled(bs) {
		item := st.FullKey.Render(b.Help().Key) + " " + st.FullDesc.Render(b.Help().Desc)
		switch {
		case line == "":
			line = item
		case ansi.StringWidth(line)+ansi.StringWidth(sep)+ansi.StringWidth(item) > width && line != label:
			lines = append(lines, line)
			line = item
		case line == label:
			line += item
		default:
			line += sep + item
		}
	}
	if line != "" && line != label {
		lines = append(lines, line)
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, width, "…")
	}
	return lines
}

// globalLabel introduces the global keys when they are written as a line.
const globalLabel = "everywhere: "

// fullHelp shows every key: the screen's groups and the global keys as
// columns when they fit; else the screen's columns and the global keys on
// a line below; else every group as wrapped lines. Nothing is dropped.
func fullHelp(st help.Styles, groups [][]key.Binding, global []key.Binding, width int, label string) string {
	if out, ok := columns(st, append(append([][]key.Binding(nil), groups...), global), width); ok {
		return out
	}
	glob := flow(st, st.FullDesc.Render(label), global, width)
	if out, ok := columns(st, groups, width); ok {
		return out + "\n" + strings.Join(glob, "\n")
	}
	var lines []string
	for _, g := range groups {
		lines = append(lines, flow(st, "", g, width)...)
	}
	return strings.Join(append(lines, glob...), "\n")
}

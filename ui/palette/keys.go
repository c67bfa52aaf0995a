package palette

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

var named = map[string]rune{
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
	"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "space": tea.KeySpace,
}

// KeyMsg builds the key press a binding's key name stands for ("j", "G",
// "enter", "shift+tab", "ctrl+k"), so running an action is pressing its key.
func KeyMsg(s string) (tea.KeyPressMsg, bool) {
	var mod tea.KeyMod
	for {
		switch {
		case strings.HasPrefix(s, "ctrl+") && len(s) > 5:
			mod, s = mod|tea.ModCtrl, s[5:]
			continue
		case strings.HasPrefix(s, "alt+") && len(s) > 4:
			mod, s = mod|tea.ModAlt, s[4:]
			continue
		case strings.HasPrefix(s, "shift+") && len(s) > 6:
			mod, s = mod|tea.ModShift, s[6:]
			continue
		}
		break
	}
	if r, ok := named[s]; ok {
		return tea.KeyPressMsg{Code: r, Mod: mod}, true
	}
	r := []rune(s)
	if len(r) != 1 {
		return tea.KeyPressMsg{}, false
	}
	if mod&(tea.ModCtrl|tea.ModAlt) != 0 {
		return tea.KeyPressMsg{Code: r[0], Mod: mod}, true
	}
	return tea.KeyPressMsg{Code: r[0], Text: s}, true
}

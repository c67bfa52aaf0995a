package segment

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/pulpero/pulpero/ui/common"
)

// host stands in for the root model (which imports this package): it
// forwards messages to the screen, shows status lines, and quits on ctrl+c.
type host struct {
	screen common.Screen
	status string
}

func (h *host) Init() tea.Cmd { return h.screen.Init() }

func (h *host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return h, tea.Quit
		}
	case tea.WindowSizeMsg:
		h.screen.SetSize(msg.Width, msg.Height-1)
		return h, nil
	case common.StatusMsg:
		h.status = msg.Text
		return h, nil
	}
	var cmd tea.Cmd
	h.screen, cmd = h.screen.Update(msg)
	return h, cmd
}

func (h *host) View() tea.View { return tea.NewView(h.screen.View() + "\n" + h.status) }

func runProgram(t *testing.T, s *common.Session) *teatest.TestModel {
	c := &common.Common{Width: 100, Height: 30, Styles: common.NewStyles(true), Session: s}
	return teatest.NewTestModel(t, &host{screen: New(c)}, teatest.WithInitialTermSize(100, 30))
}

// waitFor waits until the output since the last wait holds every string
// (each wait reads the output on from where the previous one stopped).
func waitFor(t *testing.T, tm *teatest.TestModel, what ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range what {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	},
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// TestProgramBuildSaveRestart runs the screen as a program: three typed
// rules, the waterfall, a save; then a second program over the same file
// lists the segment.
func TestProgramBuildSaveRestart(t *testing.T) {
	path := shopPath(t, 400)
	tm := runProgram(t, session(t, path))
	waitFor(t, tm, "no rules yet")
	for _, r := range threeRules {
		tm.Type("a")
		tm.Type(r)
		tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	}
	waitFor(t, tm, "63 of 400 customers", "-50")
	tm.Type("s")
	tm.Type("Savers")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor(t, tm, "saved Savers version 1")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	tm2 := runProgram(t, session(t, path))
	tm2.Type("l")
	waitFor(t, tm2, "Savers")
	tm2.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor(t, tm2, "63 of 400 customers")
	tm2.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	tm2.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

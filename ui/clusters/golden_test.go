package clusters

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata")
	}
	return true
}()

// today is the demo world's "today", fixed so nothing moves.
var today = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// demo generates a small demo world for a test.
func demo(t *testing.T) string { return screentest.Demo(t, 600, 4) }

func newScreen(t testing.TB, s *common.Session, w, h int) *Model {
	t.Helper()
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s}
	m := New(c)
	m.SetSize(w, h)
	screentest.Run(m, m.Init())
	return m
}

// sizes are the windows of the golden files; a screen gets the window
// minus the title line and the help line(s), as the root gives it.
var sizes = []struct{ w, h int }{{100, 30}, {80, 24}, {60, 15}}

const chrome = 3

// TestGoldenViews renders each view at every size after a key script.
func TestGoldenViews(t *testing.T) {
	s := screentest.Session(t, demo(t), "", today)
	scripts := []struct {
		name string
		keys []string
	}{
		{"pick", nil},
		{"pick_moved", []string{"pgdown", "down", "space", "l"}},
		{"table", []string{"enter"}},
		{"table_other_k", []string{"enter", "right"}},
		{"profiles", []string{"enter", "v"}},
		{"rules", []string{"enter", "v", "v"}},
		{"archetypes", []string{"enter", "v", "v", "v"}},
		{"save_field", []string{"enter", "s"}},
	}
	for _, sz := range sizes {
		for _, sc := range scripts {
			name := fmt.Sprintf("%s_%dx%d", sc.name, sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				m := newScreen(t, s, sz.w, sz.h-chrome)
				screentest.Press(m, sc.keys...)
				got := m.View()
				checkFits(t, got, sz.w, sz.h-chrome)
				screentest.Golden(t, name, got, screentest.Updating())
			})
		}
		// the progress view, as a job in flight shows it
		name := fmt.Sprintf("running_%dx%d", sz.w, sz.h)
		t.Run(name, func(t *testing.T) {
			m := newScreen(t, s, sz.w, sz.h-chrome)
			m.running, m.progress = true, app.ClusterProgress{Stage: app.ClusterStageKMeans, K: 4, Done: 25, Total: 90}
			got := m.View()
			checkFits(t, got, sz.w, sz.h-chrome)
			screentest.Golden(t, name, got, screentest.Updating())
		})
	}
}

// checkFits fails when a view is wider or taller than its size.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%d lines for a height of %d", len(lines), h)
	}
	for _, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("a line of %d cells for a width of %d: %q", n, w, ansi.Strip(l))
		}
	}
}

// The screen shows what app computed: the chosen k is the table's
// suggestion, the profiles' sizes and the rules' figures are the
// clustering's own; s saves the rules as segments the library then holds,
// esc cancels a job in flight, and choosing nothing says what to do.
func TestScreenShowsAppsClustering(t *testing.T) {
	s := screentest.Session(t, demo(t), "", today)
	m := newScreen(t, s, 100, 27)
	if len(m.chosen) != 3 {
		t.Fatalf("default attributes %v", m.chosen)
	}
	want, err := s.Cluster(context.Background(), m.request(0), nil)
	if err != nil {
		t.Fatal(err)
	}
	screentest.Press(m, "enter")
	if m.result == nil || m.result.K != want.K || m.result.K != want.Table.Suggested {
		t.Fatalf("screen k %v, app k %d", m.result, want.K)
	}
	for j, p := range want.Profiles.Clusters {
		if got := m.result.Profiles.Clusters[j]; got.Size != p.Size || got.English != p.English {
			t.Errorf("cluster %d: screen %d %q, app %d %q", j, got.Size, got.English, p.Size, p.English)
		}
		if !strings.Contains(ansi.Strip(m.tableText()), m.common.Percent(p.Share)) {
			t.Errorf("the table view lacks cluster %d's share %s", j+1, m.common.Percent(p.Share))
		}
	}
	screentest.Press(m, "v", "v")
	view := ansi.Strip(m.View())
	for _, r := range want.Rules.Rules {
		head := fmt.Sprintf(msgRuleHead, r.Cluster+1, m.common.Percent(r.Precision), m.common.Percent(r.Recall), m.common.Percent(r.Coverage))
		if !strings.Contains(view, head) {
			t.Errorf("rules view lacks %q:\n%s", head, view)
		}
	}
	msgs := screentest.Press(m, "s", "enter")
	status := ""
	for _, msg := range msgs {
		if st, ok := msg.(common.StatusMsg); ok {
			status = st.Text
		}
	}
	lib, _ := s.DB.Library(context.Background())
	if _, ok := lib.Find("Cluster 1"); !ok || !strings.Contains(status, `"Cluster 1"`) {
		t.Errorf("after s enter: status %q, library %v", status, lib.Names())
	}

	// esc while a job runs cancels it: the done message says so
	cmd := m.start(func(ctx context.Context, _ func(app.ClusterProgress)) (*app.Clustering, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	})
	first := make(chan tea.Msg, 1)
	go func() { first <- cmd() }()
	m.Update(screentest.Key("esc"))
	var msg tea.Msg
	select {
	case msg = <-first:
	case <-time.After(10 * time.Second):
		t.Fatal("esc did not stop the job")
	}
	if d, ok := msg.(doneMsg); !ok || !d.cancelled {
		t.Fatalf("after esc: %#v", msg)
	}
	_, cmd = m.Update(msg)
	if m.running || cmd == nil {
		t.Error("the cancelled job still runs")
	}
	if st, ok := cmd().(common.StatusMsg); !ok || st.Text != msgCancelled {
		t.Errorf("cancel says %v", st)
	}

	m.view, m.chosen = viewPick, nil
	_, cmd = m.Update(screentest.Key("enter"))
	if st, ok := cmd().(common.StatusMsg); !ok || st.Text != msgNoFeatures || !st.Error {
		t.Errorf("enter with nothing chosen: %v", st)
	}
}

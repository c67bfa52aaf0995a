package ui

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/ui/clusters"
	"github.com/pulpero/pulpero/ui/common"
)

// driver runs the whole program synchronously: every Cmd an update returns
// is run and its message fed back (batches and sequences unrolled), except
// animation ticks, which would never end.
type driver struct {
	t *testing.T
	a *App
}

var cmdType = reflect.TypeOf((tea.Cmd)(nil))

func (d *driver) send(msg tea.Msg) {
	_, cmd := d.a.Update(msg)
	d.run(cmd)
}

func (d *driver) run(first tea.Cmd) {
	queue := []tea.Cmd{first}
	for n := 0; len(queue) > 0; n++ {
		if n > 5000 {
			d.t.Fatal("the program keeps producing messages")
		}
		cmd := queue[0]
		queue = queue[1:]
		if cmd == nil {
			continue
		}
		done := make(chan tea.Msg, 1)
		go func() { done <- cmd() }()
		var msg tea.Msg
		select {
		case msg = <-done:
		case <-time.After(30 * time.Second):
			d.t.Fatal("a command did not finish in 30 s")
		}
		if msg == nil {
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
			for i := range v.Len() {
				queue = append(queue, v.Index(i).Interface().(tea.Cmd))
			}
			continue
		}
		name := reflect.TypeOf(msg).String()
		if strings.Contains(name, "Tick") || strings.Contains(name, "Frame") || strings.Contains(name, "Blink") {
			continue
		}
		if _, quit := msg.(tea.QuitMsg); quit {
			continue
		}
		_, next := d.a.Update(msg)
		queue = append(queue, next)
	}
}

func (d *driver) press(keys ...string) {
	for _, k := range keys {
		d.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{"up": tea.KeyUp, "down": tea.KeyDown, "enter": tea.KeyEnter, "esc": tea.KeyEscape,
		"tab": tea.KeyTab, "space": tea.KeySpace, "pgdown": tea.KeyPgDown}
	if r, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// fits reports a view that is taller or wider than the window: the root
// would cut it, and something the user needs would be lost without a word.
func (d *driver) fits(where string) {
	d.t.Helper()
	w, h := d.a.common.Width, d.a.common.Height
	full := d.a.View().Content
	if got := lipgloss.Height(full); got > h {
		d.t.Errorf("%dx%d %s: the program's view is %d lines tall", w, h, where, got)
	}
	if d.a.ready && d.a.palette == nil {
		body := d.a.focused().View()
		if got, room := lipgloss.Height(body), d.a.bodyHeight(); got > room {
			d.t.Errorf("%dx%d %s: the screen's view is %d lines for %d:\n%s", w, h, where, got, room, ansi.Strip(body))
		}
	}
	for i, line := range strings.Split(full, "\n") {
		if got := ansi.StringWidth(line); got > w {
			d.t.Errorf("%dx%d %s: line %d is %d cells wide: %q", w, h, where, i+1, got, ansi.Strip(line))
		}
	}
}

// fitWorld is a small demo world with a saved segment, so every list and
// view has something to show.
func fitWorld(t *testing.T) *app.Database {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	if err := app.GenerateSample(context.Background(), path, sample.Options{Customers: 300, Seed: 4}, false); err != nil {
		t.Fatal(err)
	}
	db, err := app.Open(path, app.OpenOptions{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := db.Load(context.Background(), app.LoadRequest{AsOf: fitAsOf})
	if err != nil {
		t.Fatal(err)
	}
	tree, _ := segment.Parse(`generation = "millennials" and monthly_income > 1500`)
	if _, err := s.SaveSegment(context.Background(), nil, "Rich millennials", tree); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestEveryViewFitsTheWindow walks every screen and each of its views at
// 80×24, 100×30 and 60×15, in English and in Spanish (which runs ~20%
// longer), and checks that nothing is taller or wider than the window.
func TestEveryViewFitsTheWindow(t *testing.T) {
	db := fitWorld(t)
	for _, lang := range []string{"en", "es-ES"} {
		t.Run(lang, func(t *testing.T) {
			loc, err := locale.Parse(lang)
			if err != nil {
				t.Fatal(err)
			}
			walkEveryView(t, db, loc)
		})
	}
}

func walkEveryView(t *testing.T, db *app.Database, loc locale.Locale) {
	for _, size := range [][2]int{{80, 24}, {100, 30}, {60, 15}} {
		d := &driver{t: t, a: New(Options{DB: db, AsOf: fitAsOf, IsDark: true, Locale: loc})}
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		d.run(d.a.Init())
		if !d.a.ready {
			t.Fatalf("not loaded: %v", d.a.loadErr)
		}
		d.fits("explore")
		d.press("g") // Explore opens on the first attribute worth a look: walk them all
		for i := range d.a.common.Session.Data.Columns {
			d.fits("explore attribute " + d.a.common.Session.Data.Columns[i].Meta().Name)
			d.press("j")
		}
		for _, k := range []string{"x", "Q", "r"} {
			d.press("g", "j", "j", k)
			d.fits("explore " + k)
			d.press("esc")
		}
		d.press("?")
		d.fits("explore full help")
		d.press("?", ":")
		d.fits("palette")
		d.press("esc")

		d.press("2")
		d.fits("segments")
		d.press("?")
		d.fits("segments full help")
		d.press("?")
		d.press("a")
		d.fits("segments typing")
		for _, r := range "age > 30" {
			d.press(string(r))
		}
		d.press("enter")
		d.fits("segments one rule")
		d.press("f")
		d.fits("segments form")
		d.press("esc", "p")
		d.fits("segments profile")
		d.press("esc", "l")
		d.fits("segments saved")
		d.press("h")
		d.fits("segments history")
		d.press("esc", "v")
		d.fits("segments overlap")
		d.press("esc", "esc")

		d.press("3")
		d.fits("campaign plan")
		d.press("?")
		d.fits("campaign full help")
		d.press("?")
		d.press("enter")
		d.fits("campaign picking")
		d.press("space", "enter")
		d.fits("campaign plan with a segment")
		d.press("v")
		d.fits("campaign reachability")
		d.press("v")
		d.fits("campaign results")
		d.press("v")

		d.press("4")
		d.fits("tables")
		d.press("enter")
		d.fits("a table")
		d.press("esc", "5")
		d.fits("import")
		d.press("6")
		d.fits("roles")
		d.press("?")
		d.fits("roles full help")
		d.press("?")
		d.press("enter")
		d.fits("roles chooser")
		d.press("esc")

		d.send(common.FocusMsg{Title: "Value"}) // ui/value: computes when first shown
		if v := ansi.Strip(d.a.View().Content); !strings.Contains(v, "BG/NBD") {
			t.Errorf("%dx%d: the Value screen shows no fit once shown:\n%s", size[0], size[1], v)
		}
		for _, v := range []string{"overview", "tracking", "by purchases", "bands", "customers"} {
			d.fits("value " + v)
			d.press("v")
		}
		d.press("h")
		d.fits("value horizon field")
		d.press("esc", "?")
		d.fits("value full help")
		d.press("?")

		d.send(common.FocusMsg{Title: clusters.Title}) // whatever its tab number
		d.fits("clusters pick")
		d.press("enter")
		d.fits("clusters table")
		if v := ansi.Strip(d.a.View().Content); !strings.Contains(v, loc.T("k table")) {
			t.Errorf("%dx%d: the Clusters screen shows no k table after enter:\n%s", size[0], size[1], v)
		}
		for _, v := range []string{"profiles", "rules", "archetypes"} {
			d.press("v")
			d.fits("clusters " + v)
		}
		d.press("s")
		d.fits("clusters naming")
		d.press("esc", "?")
		d.fits("clusters full help")
		d.press("?")
	}
}

// fitAsOf is the demo world's "today".
var fitAsOf = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// TestFramesNeverCarryEscapesFromData: a database whose column names,
// categories, segment names and file name hold escape sequences is shown
// with them as \xNN text: every frame holds only pulpero's own styling
// (SGR sequences) and line breaks.
func TestFramesNeverCarryEscapesFromData(t *testing.T) {
	const evil = "\x1b]0;PWNED\x07\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07\rX\u009b31m"
	path := filepath.Join(t.TempDir(), "evil"+"\x1b]0;t\x07"+".db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, "zone` + evil + `" TEXT, note TEXT, income REAL)`); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 60; i++ {
		raw.Exec(`INSERT INTO customers VALUES (?,?,?,?)`, i, []string{"north", "z" + evil}[i%2], fmt.Sprintf("note %d %s", i, evil), 1000+i)
	}
	raw.Close()
	db, err := app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d := &driver{t: t, a: New(Options{DB: db, AsOf: fitAsOf, IsDark: true})}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.run(d.a.Init())
	check := func(where string) {
		t.Helper()
		v := d.a.View()
		frame := v.Content
		for i := 0; i < len(frame); i++ {
			switch c := frame[i]; {
			case c == 0x1b:
				if n := sgrLen(frame[i:]); n == 0 {
					t.Fatalf("%s: an escape sequence that is not styling: %q", where, frame[i:min(len(frame), i+20)])
				} else {
					i += n - 1
				}
			case c < 0x20 && c != '\n' && c != '\t', c == 0x7f:
				t.Fatalf("%s: control character %#x in the frame", where, c)
			}
		}
		if strings.ContainsRune(frame, '\u009b') || strings.ContainsAny(v.WindowTitle, "\x1b\x07") {
			t.Fatalf("%s: a C1 control or an escape in the title %q", where, v.WindowTitle)
		}
	}
	check("explore")
	for range 4 {
		d.press("j")
		check("explore attribute")
	}
	d.press("r")
	check("rows")
	d.press("esc", "2", "a")
	for _, r := range `zone` {
		d.press(string(r))
	}
	d.press("enter")
	check("segments")
	d.press("4", "enter")
	check("a table")
	d.press("esc", "6")
	check("roles")
}

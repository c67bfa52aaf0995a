package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/ui"
)

// TestScreenExportMatchesCommandExport: on the demo database, the export
// from the command line and the same export set up by keys on the Campaign
// screen of the running program give identical lists and manifests, apart
// from the times in the manifest.
func TestScreenExportMatchesCommandExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if err := app.GenerateSample(t.Context(), db, sample.Options{Customers: sample.DefaultCustomers, Seed: sample.DefaultSeed}, false); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "segment", "save", db, "young", "age < 40", "--data-dir", dir); code != 0 {
		t.Fatalf("segment save: %s", stderr)
	}
	if code, _, stderr := runCLI(t, "segment", "save", db, "no_kids", "has_children = no", "--data-dir", dir); code != 0 {
		t.Fatalf("segment save: %s", stderr)
	}
	list, rejected := filepath.Join(dir, "spring.csv"), filepath.Join(dir, "left-out.csv")
	code, stdout, stderr := runCLI(t, "export", db, "--segment", "young", "--exclude", "no_kids", "--channel", "email,sms", "--cost", "0.05,0.6",
		"--value", "40", "--budget", "3000", "--control", "10", "--fatigue", "30", "--uplift", "--excel", "--out", list, "--rejected", rejected, "--data-dir", dir)
	if code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	if !strings.Contains(stdout, "target and") {
		t.Fatalf("export said: %s", stdout)
	}
	fromCLI := readBoth(t, list)
	rejectedCLI, err := os.ReadFile(rejected)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{list, manifestPath(list), rejected} {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}

	d, err := app.Open(db, app.OpenOptions{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	tm := teatest.NewTestModel(t, ui.New(ui.Options{DB: d, AsOf: time.Now().UTC(), IsDark: true}), teatest.WithInitialTermSize(120, 40))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(30*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	press := func(keys ...string) {
		for _, k := range keys {
			switch k {
			case "enter":
				tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
			case "space":
				tm.Send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
			case "ctrl+u":
				tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
			default:
				tm.Send(tea.KeyPressMsg{Code: rune(k[0]), Text: k})
			}
		}
	}
	set := func(value string) { press("enter", "ctrl+u"); tm.Type(value); press("enter") }
	waitFor("Explore")
	press("3")
	waitFor("can be contacted")
	// the screen draws only what changed, so each wait is for text not
	// yet on it
	press("enter") // Include: pick young
	waitFor("no_kids")
	press("j", "space", "enter") // the list is by name: no_kids, young
	press("j", "enter")          // Exclude: pick no_kids
	press("space", "enter")
	press("j", "j")
	set("0.6") // SMS cost
	press("j", "j", "j", "j")
	set("3000") // Budget
	press("j", "j")
	set("30")                     // Fatigue days
	press("j", "j", "j", "enter") // Count: uplift
	press("j", "j", "j", "j")
	set(list)           // List file
	press("j", "enter") // Format: excel
	press("j")
	set(rejected) // Rejected file
	press("e")
	waitFor("control customers")
	fromScreen := readBoth(t, list)
	// a second export asks before replacing the files, and replaces them
	// on the second press
	press("e")
	waitFor("press e again to replace it")
	press("e")
	waitFor("control customers")
	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	if again := readBoth(t, list); !bytes.Equal(again.list, fromScreen.list) {
		t.Fatal("replacing the list changed it")
	}
	if rejectedScreen, err := os.ReadFile(rejected); err != nil || !bytes.Equal(rejectedCLI, rejectedScreen) {
		t.Fatalf("the rejected files differ (%v)", err)
	}
	if !bytes.HasPrefix(fromScreen.list, []byte("\xef\xbb\xbf")) {
		t.Fatal("the Excel list has no BOM")
	}
	if !bytes.Equal(fromCLI.list, fromScreen.list) {
		t.Fatalf("the lists differ: command %d bytes, screen %d bytes", len(fromCLI.list), len(fromScreen.list))
	}
	if !reflect.DeepEqual(fromCLI.manifest, fromScreen.manifest) {
		a, _ := json.MarshalIndent(fromCLI.manifest, "", " ")
		b, _ := json.MarshalIndent(fromScreen.manifest, "", " ")
		t.Fatalf("the manifests differ:\ncommand: %s\nscreen: %s", a, b)
	}
	if params, _ := fromScreen.manifest["parameters"].(map[string]any); params["uplift"] != true || params["fatigue_days"] != 30.0 {
		t.Fatalf("the screen's keys did not reach the export: %v", params)
	}
	if n := bytes.Count(fromCLI.list, []byte("\n")); n < 100 {
		t.Fatalf("only %d lines in the list: the test proves little", n)
	}
}

type exported struct {
	list     []byte
	manifest map[string]any
}

// readBoth reads a list and its manifest, without the manifest's times.
func readBoth(t *testing.T, list string) exported {
	t.Helper()
	b, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(manifestPath(list))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "created")
	delete(m, "seconds")
	return exported{list: b, manifest: m}
}

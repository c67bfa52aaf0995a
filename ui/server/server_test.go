package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// Keys as a terminal sends them.
const (
	enter = "\r"
	ctrlC = "\x03"
	ctrlU = "\x15"
	esc   = "\x1b"
)

// TestKeyAuth: a listed key logs in; an unknown key is refused with a
// banner naming it on the client and a line in the server's log; a
// password and keyboard-interactive are refused (not even offered).
func TestKeyAuth(t *testing.T) {
	e := startServer(t, nil)
	c, _, err := e.dial(t, "anything", gossh.PublicKeys(e.bob))
	if err != nil {
		t.Fatalf("bob refused: %v", err)
	}
	c.Close()

	_, banners, err := e.dial(t, "eve", gossh.PublicKeys(e.eve))
	if err == nil {
		t.Fatal("unknown key accepted")
	}
	fp := gossh.FingerprintSHA256(e.eve.PublicKey())
	if len(banners) == 0 || !strings.Contains(banners[0], fp) || !strings.Contains(banners[0], "not authorized") {
		t.Fatalf("banners %q, want one naming %s", banners, fp)
	}
	if logs := e.logs.String(); !strings.Contains(logs, "key refused") || !strings.Contains(logs, fp) {
		t.Fatalf("server log:\n%s", logs)
	}

	if _, _, err := e.dial(t, "bob", gossh.Password("secret")); err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("password: %v", err)
	}
	ki := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return []string{"x"}, nil })
	if _, _, err := e.dial(t, "bob", ki); err == nil {
		t.Fatal("keyboard-interactive accepted")
	}
}

// TestViewerCannotExportOrSeePersonalValues: a viewer's tabs are Explore
// and Segments only; the Campaign screen's key and the palette's export
// entry do nothing; the customer rows show masked e-mails, phones and
// names, and no value of those columns reaches the screen.
func TestViewerCannotExportOrSeePersonalValues(t *testing.T) {
	e := startServer(t, nil)
	a := e.openTerm(t, e.alice, 40, 400)
	a.waitFor(t, "2 Segments")
	for _, tab := range []string{" Campaign ", " Tables ", " Import ", " Roles "} {
		if strings.Contains(a.text(), tab) {
			t.Fatalf("a viewer is offered %q", tab)
		}
	}
	at := a.mark()
	a.press(t, ":")
	a.waitSince(t, at, "type to filter")
	a.press(t, "e", "x", "p", "o", "r", "t")
	a.waitSince(t, at, "no action matches")
	a.press(t, enter, esc)    // nothing to run; esc closes the palette
	a.press(t, "e", "1", "r") // no Campaign screen: e exports nothing
	a.waitFor(t, "page 1/")
	a.waitFor(t, "***@")
	screen := a.text()
	if strings.Contains(screen, "export the list") {
		t.Fatal("the palette offers a viewer the export")
	}
	for _, col := range []string{"email", "phone", "name"} {
		for _, v := range personal(t, col) {
			if strings.Contains(screen, v) {
				t.Fatalf("a viewer sees %s %q", col, v)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(e.dir, "exports", "alice")); !os.IsNotExist(err) {
		t.Fatalf("a viewer has an export folder: %v", err)
	}
	a.press(t, ctrlC)
	if err := a.waitExit(t); err != nil {
		t.Fatalf("ctrl+c: %v", err)
	}
}

// fieldFile is the Campaign form's list-file line (ui/campaign's fFile).
const fieldFile = 16

// TestAnalystExportsIntoTheirFolder: an analyst's e writes the list into
// exports/bob; a list named ../x is refused with nothing written outside.
func TestAnalystExportsIntoTheirFolder(t *testing.T) {
	e := startServer(t, nil)
	b := e.openTerm(t, e.bob, 40, 200)
	b.waitFor(t, " Tables ")
	if strings.Contains(b.text(), " Import ") || strings.Contains(b.text(), " Roles ") {
		t.Fatal("an analyst is offered imports or roles")
	}
	b.tab(t, "Campaign")
	b.waitFor(t, "export the list")
	at := b.mark()
	b.press(t, "e")
	b.waitSince(t, at, "wrote ")
	list := filepath.Join(e.dir, "exports", "bob", "campaign.csv")
	if _, err := os.Stat(list); err != nil {
		t.Fatalf("the list is not in bob's folder: %v", err)
	}
	for range fieldFile {
		b.press(t, "j")
	}
	b.press(t, enter, ctrlU)
	b.press(t, strings.Split("../x.csv", "")...)
	b.press(t, enter)
	at = b.mark()
	b.press(t, "e")
	b.waitSince(t, at, "leads out of your export folder")
	if _, err := os.Stat(filepath.Join(e.dir, "exports", "x.csv")); !os.IsNotExist(err) {
		t.Fatalf("../x.csv: %v", err)
	}
	b.press(t, "q")
	if err := b.waitExit(t); err != nil {
		t.Fatal(err)
	}
}

// TestTwoSessionsDriveTheirOwnScreens: two people at once, each with
// their own screen state; one's ctrl+c ends only their session.
func TestTwoSessionsDriveTheirOwnScreens(t *testing.T) {
	e := startServer(t, nil)
	a := e.openTerm(t, e.alice, 30, 120)
	b := e.openTerm(t, e.bob, 30, 120)
	a.waitFor(t, "2 Segments")
	b.waitFor(t, " Tables ")
	at, bt := a.mark(), b.mark()
	a.press(t, "2", "a")
	a.press(t, strings.Split("age > 40", "")...)
	a.press(t, enter)
	b.press(t, "r")
	a.waitSince(t, at, "age > 40")
	b.waitSince(t, bt, "page 1/")
	if strings.Contains(a.since(at), "page 1/") || strings.Contains(b.since(bt), "age > 40") {
		t.Fatal("one session's screen shows the other's state")
	}
	a.press(t, ctrlC)
	if err := a.waitExit(t); err != nil {
		t.Fatal(err)
	}
	bt = b.mark()
	b.press(t, esc, "2") // bob's session goes on: his Segments screen is his own
	b.waitSince(t, bt, "add rule")
	if strings.Contains(b.since(bt), "age > 40") {
		t.Fatal("bob's Segments screen shows alice's rule")
	}
	if e.srv.Sessions() != 1 {
		t.Fatalf("%d sessions running, want bob's", e.srv.Sessions())
	}
	b.press(t, ctrlC)
	b.waitExit(t)
}

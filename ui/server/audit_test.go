package server

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// setListFile types name into the Campaign form's list-file line (the
// form's cursor must be on its first line).
func (tm *term) setListFile(t testing.TB, name string) {
	t.Helper()
	for range fieldFile {
		tm.press(t, "j")
	}
	tm.press(t, enter, ctrlU)
	tm.press(t, strings.Split(name, "")...)
	tm.press(t, enter)
}

// TestAuditLog: a session that saves a segment and exports a list leaves
// JSON lines saying who connected from where, the segment and version
// saved, the list's file, row count and SHA-256 (computed here from the
// file), and the end; a refused key is there too. No personal value of
// any customer is in the log.
func TestAuditLog(t *testing.T) {
	e := startServer(t, nil)
	e.dial(t, "eve", gossh.PublicKeys(e.eve))
	b := e.openTerm(t, e.bob, 40, 200)
	b.waitFor(t, "2 Segments")
	b.press(t, "2", "a")
	b.press(t, strings.Split("age > 30", "")...)
	b.press(t, enter, "s")
	b.press(t, strings.Split("Audit thirties", "")...)
	at := b.mark()
	b.press(t, enter)
	b.waitSince(t, at, "saved Audit thirties version")
	b.tab(t, "Campaign")
	b.waitFor(t, "export the list")
	b.setListFile(t, "audit.csv")
	at = b.mark()
	b.press(t, "e")
	b.waitSince(t, at, "wrote ")
	b.press(t, ctrlC)
	b.waitExit(t)
	waitNoSessions(t, e)

	data, err := os.ReadFile(filepath.Join(e.dir, "exports", "bob", "audit.csv"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	rows := strings.Count(strings.TrimRight(string(data), "\n"), "\n")
	events := map[string]map[string]any{}
	sc := bufio.NewScanner(strings.NewReader(e.audit.String()))
	for sc.Scan() {
		var l map[string]any
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("not a JSON line: %q", sc.Text())
		}
		events[l["event"].(string)] = l
	}
	want := map[string]map[string]any{
		"key_refused":   {"key": gossh.FingerprintSHA256(e.eve.PublicKey())},
		"connected":     {"user": "bob", "role": "analyst", "key": gossh.FingerprintSHA256(e.bob.PublicKey()), "term": "xterm-256color"},
		"segment_saved": {"user": "bob", "segment": "Audit thirties", "version": 1.0},
		"exported":      {"user": "bob", "file": "audit.csv", "rows": float64(rows), "sha256": hex.EncodeToString(sum[:])},
		"disconnected":  {"user": "bob"},
	}
	for ev, fields := range want {
		got, ok := events[ev]
		if !ok {
			t.Fatalf("no %s line in:\n%s", ev, e.audit.String())
		}
		for k, v := range fields {
			if got[k] != v {
				t.Errorf("%s: %s = %v, want %v", ev, k, got[k], v)
			}
		}
		if r, _ := got["remote"].(string); !strings.HasPrefix(r, "127.0.0.1:") {
			t.Errorf("%s: remote %q", ev, r)
		}
	}
	log := e.audit.String()
	for _, col := range []string{"email", "phone", "name", "address"} {
		for _, v := range personal(t, col) {
			if strings.Contains(log, v) {
				t.Fatalf("the audit log holds %s %q", col, v)
			}
		}
	}
}

func waitNoSessions(t *testing.T, e *env) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for e.srv.Sessions() > 0 {
		if time.Now().After(deadline) {
			t.Fatal("sessions still running")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestDisconnectMidExport: the client drops the connection right after
// pressing e. The export is cancelled (app leaves no file and no record)
// or, if it won the race, complete: never a list without its manifest and
// record, or a record without its list.
func TestDisconnectMidExport(t *testing.T) {
	e := startServer(t, nil)
	finished := 0
	for i := range 3 {
		name := "gone" + string(rune('a'+i))
		b := e.openTerm(t, e.bob, 40, 200)
		b.tab(t, "Campaign")
		b.waitFor(t, "export the list")
		b.setListFile(t, name+".csv")
		b.waitFor(t, name+".csv")
		b.press(t, "e")
		b.client.Close() // gone, mid-export
		waitNoSessions(t, e)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		if err := e.srv.gate.wait(ctx); err != nil {
			t.Fatal(err)
		}
		cancel()
		folder := filepath.Join(e.dir, "exports", "bob")
		entries, _ := os.ReadDir(folder)
		var files []string
		for _, f := range entries {
			files = append(files, f.Name())
		}
		records := campaignRecords(t, filepath.Join(folder, name+".csv"))
		switch strings.Join(files, ",") {
		case "":
			if records != 0 {
				t.Fatalf("%s: no file but %d records", name, records)
			}
			t.Logf("%s: cancelled, nothing left", name)
		case name + ".csv," + name + ".manifest.json":
			if records != 1 {
				t.Fatalf("%s: complete files but %d records", name, records)
			}
			t.Logf("%s: finished before the disconnect was seen", name)
			finished++
		default:
			t.Fatalf("%s: left %v", name, files)
		}
		for _, f := range files {
			os.Remove(filepath.Join(folder, f))
		}
	}
	// the disconnects landed while exports ran: app saw them cancelled
	if n := strings.Count(e.audit.String(), `"reason":"cancelled"`); n == 0 && finished == 0 {
		t.Fatalf("no export was cancelled by its disconnect:\n%s", e.audit.String())
	} else {
		t.Logf("%d of 3 exports cancelled by the disconnect", n)
	}
}

// campaignRecords counts the workspace's records of a list.
func campaignRecords(t *testing.T, list string) int {
	t.Helper()
	ws := sharedSession(t).DB.WorkspacePath()
	db, err := sql.Open("sqlite", "file:"+ws+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	real, _ := filepath.EvalSymlinks(filepath.Dir(list))
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM pulpero_campaigns WHERE list_path IN (?, ?)`, list, filepath.Join(real, filepath.Base(list))).Scan(&n); err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return 0
		}
		t.Fatal(err)
	}
	return n
}

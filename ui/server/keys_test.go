package server

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/pulpero/pulpero/app"
)

func TestParseAuthorizedKeys(t *testing.T) {
	a, b := newSigner(t), newSigner(t)
	good := fmt.Sprintf("# team\n\nrole=\"viewer\" %s ana\r\nrole=admin,no-port-forwarding %s admin@shop\n%s ana\n", authLine(a), authLine(b), authLine(newSigner(t)))
	users, err := ParseAuthorizedKeys("ak", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 3 {
		t.Fatalf("%d users", len(users))
	}
	if u := users[string(a.PublicKey().Marshal())]; u.Name != "ana" || u.Role != app.RoleViewer || u.Fingerprint != gossh.FingerprintSHA256(a.PublicKey()) {
		t.Fatalf("ana: %+v", u)
	}
	if u := users[string(b.PublicKey().Marshal())]; u.Name != "admin@shop" || u.Role != app.RoleAdmin {
		t.Fatalf("admin: %+v", u)
	}
	key := authLine(a)
	for _, c := range []struct {
		text string
		line int
		says string
	}{
		{"# x\n" + key[:40] + "\n", 2, "not a public key"},
		{key + "\n", 1, "no comment"},
		{"\n\nrole=\"boss\" " + key + " ana\n", 3, "use viewer, analyst or admin"},
		{`from="10.0.0.0/8" ` + key + " ana\n", 1, "not supported"},
		{key + " ../etc\n", 1, "user name"},
		{key + " ana\n" + key + " bob\n", 2, "already ana's"},
	} {
		_, err := ParseAuthorizedKeys("/etc/pulpero/keys", []byte(c.text))
		var ke *KeysError
		if !errors.As(err, &ke) || ke.Line != c.line || !strings.Contains(err.Error(), c.says) ||
			!strings.HasPrefix(err.Error(), fmt.Sprintf("/etc/pulpero/keys:%d: ", c.line)) {
			t.Errorf("%q: %v; want line %d saying %q", c.text, err, c.line, c.says)
		}
	}
}

// TestMalformedKeysRefusedAtStart: New names the file and the line.
func TestMalformedKeysRefusedAtStart(t *testing.T) {
	dir := t.TempDir()
	ak := filepath.Join(dir, "authorized_keys")
	os.WriteFile(ak, []byte(authLine(newSigner(t))+" ana\nssh-ed25519 AAAAnot-base64 bob\n"), 0o600)
	_, err := New(Config{AuthorizedKeys: ak, HostKeyPath: filepath.Join(dir, "hk"), ExportsDir: filepath.Join(dir, "x")}, sharedSession(t))
	if err == nil || !strings.HasPrefix(err.Error(), ak+":2: ") {
		t.Fatalf("got %v, want the file and line 2 named", err)
	}
	os.WriteFile(ak, []byte("# nobody yet\n"), 0o600)
	if _, err := New(Config{AuthorizedKeys: ak, HostKeyPath: filepath.Join(dir, "hk"), ExportsDir: filepath.Join(dir, "x")}, sharedSession(t)); err == nil {
		t.Fatal("a file with no key accepted")
	}
}

// TestKeysReadAgainWhenChanged: a key added to the file logs in without a
// restart; a key removed no longer does; a file that turns malformed keeps
// the last good list.
func TestKeysReadAgainWhenChanged(t *testing.T) {
	e := startServer(t, nil)
	dave := newSigner(t)
	if _, _, err := e.dial(t, "dave", gossh.PublicKeys(dave)); err == nil {
		t.Fatal("dave logged in before being listed")
	}
	write := func(text string) {
		tmp := e.akPath + ".new"
		if err := os.WriteFile(tmp, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, e.akPath); err != nil {
			t.Fatal(err)
		}
	}
	write(e.keysFile() + authLine(dave) + " dave\n")
	c, _, err := e.dial(t, "dave", gossh.PublicKeys(dave))
	if err != nil {
		t.Fatalf("dave, added: %v", err)
	}
	c.Close()
	write(strings.Replace(e.keysFile(), authLine(e.bob)+" bob\n", "", 1))
	if _, _, err := e.dial(t, "bob", gossh.PublicKeys(e.bob)); err == nil {
		t.Fatal("bob logged in after his key was removed")
	}
	write("garbage\n")
	c, _, err = e.dial(t, "alice", gossh.PublicKeys(e.alice))
	if err != nil {
		t.Fatalf("alice, after a bad edit: %v", err)
	}
	c.Close()
	if !strings.Contains(e.logs.String(), "keeping the previous list") {
		t.Fatalf("the bad edit is not in the log:\n%s", e.logs.String())
	}
}

func TestHostKeyCreatedOnceWithMode0600(t *testing.T) {
	p := filepath.Join(t.TempDir(), "keys", "hk")
	a, err := EnsureHostKey(p)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, %v", st.Mode().Perm(), err)
	}
	b, err := EnsureHostKey(p)
	if err != nil {
		t.Fatal(err)
	}
	if a.PublicKey().Type() != gossh.KeyAlgoED25519 || gossh.FingerprintSHA256(a.PublicKey()) != gossh.FingerprintSHA256(b.PublicKey()) {
		t.Fatal("the host key changed between starts")
	}
	os.Chmod(p, 0o644)
	if _, err := EnsureHostKey(p); err == nil {
		t.Fatal("a host key others can read was used")
	}
}

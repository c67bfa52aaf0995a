package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeRefusesBadStarts: without --authorized-keys the command line is
// wrong (2); a malformed key file is refused before anything is loaded or
// listened on (1), naming the file and the line.
func TestServeRefusesBadStarts(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCLI(t, "serve", filepath.Join(dir, "shop.db")); code != exitUsage || !strings.Contains(errs, "--authorized-keys") {
		t.Fatalf("no keys: %d %q", code, errs)
	}
	ak := filepath.Join(dir, "authorized_keys")
	os.WriteFile(ak, []byte("# users\nssh-ed25519 AAAA-not-a-key alice\n"), 0o600)
	code, _, errs := runCLI(t, "serve", filepath.Join(dir, "shop.db"), "--authorized-keys", ak, "--listen", "127.0.0.1:0")
	if code != exitFail || !strings.Contains(errs, ak+":2:") {
		t.Fatalf("malformed keys: %d %q", code, errs)
	}
}

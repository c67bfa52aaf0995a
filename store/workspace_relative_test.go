package store

import (
	"strings"
	"testing"
)

// TestDSNOfARelativePathStaysAPath: a workspace under a relative data
// folder (--data-dir .) was written "file://workspaces/…", which SQLite
// reads as a host and refuses ("invalid uri authority").
func TestDSNOfARelativePathStaysAPath(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, dsn := range []string{readWriteDSN("workspaces/shop.db"), readOnlyDSN("shop.db")} {
		if !strings.HasPrefix(dsn, "file:///") {
			t.Errorf("%s: not an absolute file URI", dsn)
		}
	}
}

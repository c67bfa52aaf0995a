package cli

import (
	"os"
	"testing"
)

// TestMain runs the tests as on a machine with no language set: they choose
// one with --lang where they mean to (a developer's LANG=es_AR.UTF-8 would
// otherwise turn every expected English line into Spanish).
func TestMain(m *testing.M) {
	getenv = func(string) string { return "" }
	os.Exit(m.Run())
}

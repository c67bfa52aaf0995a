package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestChooseDatabasePath(t *testing.T) {
	dir := t.TempDir()
	beside := filepath.Join(dir, "a.pulpero.db")
	cached := filepath.Join(dir, "cache", "pulpero", "a-1234.pulpero.db")
	yes := func(string, bool) bool { return true }
	no := func(string, bool) bool { return false }
	if p, err := chooseDatabasePath(beside, cached, nil, yes); err != nil || p != beside {
		t.Errorf("writable folder: %q %v", p, err)
	}
	if p, err := chooseDatabasePath(beside, cached, nil, no); err != nil || p != cached {
		t.Errorf("read-only folder: %q %v", p, err)
	}
	if _, err := os.Stat(filepath.Dir(cached)); err != nil {
		t.Errorf("cache folder not made: %v", err)
	}
	if _, err := chooseDatabasePath(beside, "", errors.New("no home"), no); err == nil {
		t.Errorf("no cache folder: no error")
	}
	p, err := cachedDatabasePath(filepath.Join(dir, "Shop Data.csv"))
	if err != nil || !strings.HasSuffix(p, ".pulpero.db") || !strings.Contains(filepath.Base(p), "Shop Data-") {
		t.Errorf("cached path %q %v", p, err)
	}
}

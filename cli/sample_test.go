package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

func runSampleArgs(args ...string) (code int, stdout, stderr string) {
	var out, errb strings.Builder
	code = runSample(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestSampleCommandWritesDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	code, out, errs := runSampleArgs("--customers", "40", "--seed", "3", "--out", path)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if strings.Contains(errs, "\r") || strings.Count(errs, "\n") > 40 {
		t.Errorf("progress into a pipe should be a line per stage, not redrawn frames: %q", errs)
	}
	if !strings.Contains(out, path) || !strings.Contains(errs, "100%") {
		t.Fatalf("stdout %q, stderr %q: want the file named and a finished progress bar", out, errs)
	}
	if v, ok, err := store.ReadMeta(context.Background(), path, sample.MetaVersionKey); err != nil || !ok || v != sample.Version {
		t.Fatalf("version stamp %q %v %v", v, ok, err)
	}
}

func TestSampleCommandRefusesOverwriteWithoutForce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	os.WriteFile(path, []byte("precious"), 0o644)
	code, _, errs := runSampleArgs("--customers", "10", "--out", path)
	if code != exitFail {
		t.Fatalf("exit %d, want %d", code, exitFail)
	}
	if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, path) || !strings.Contains(errs, "--force") {
		t.Fatalf("stderr %q: want one line naming the file and --force", errs)
	}
	if b, _ := os.ReadFile(path); string(b) != "precious" {
		t.Fatal("the existing file was changed")
	}
	if code, _, errs := runSampleArgs("--customers", "10", "--out", path, "--force"); code != exitOK {
		t.Fatalf("--force: exit %d, stderr %q", code, errs)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "SQLite format 3") {
		t.Fatal("--force did not replace the file with a database")
	}
}

func TestSampleCommandBadUsage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{}, // no --out
		{"--out", out, "--customers", "many"},
		{"--out", out, "--customers", "0"},
		{"--out", out, "--customers", "-5"},
		{"--out", out, "--seed", "-1"},
		{"--out", out, "--bogus"},
		{"--out", out, "extra.db"},
	} {
		code, _, errs := runSampleArgs(args...)
		if code != exitUsage || errs == "" {
			t.Errorf("%q: exit %d, stderr %q; want %d and a message", args, code, errs, exitUsage)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a bad command line wrote a file")
	}
	if code, _, _ := runSampleArgs("--help"); code != exitOK {
		t.Fatalf("--help: exit %d", code)
	}
}

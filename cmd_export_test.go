package main

import (
	"os"
	"strings"
	"testing"
)

// TestHelperExport runs `pulpero export` with the arguments in
// PULPERO_EXPORT_ARGS (separated by newlines) and fails if it fails: the
// helper process of the kill test, and a way to run an export by hand
// before the command is wired into main.
func TestHelperExport(t *testing.T) {
	args := os.Getenv("PULPERO_EXPORT_ARGS")
	if args == "" {
		t.Skip("helper process only")
	}
	if code := runExport(strings.Split(args, "\n"), os.Stdout, os.Stderr); code != 0 {
		t.Fatalf("export exited with %d", code)
	}
}

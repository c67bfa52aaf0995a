package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
)

// helpExamples are the rules `pulpero segment --help` shows under
// "expressions:", one per run of two or more spaces.
func helpExamples(t *testing.T) []string {
	t.Helper()
	_, block, ok := strings.Cut(segmentUsage(), "expressions:")
	if !ok {
		t.Fatal("segment help has no expressions")
	}
	return examplesOf(block)
}

// examplesOf are the rules of a help's expressions block: the lines after
// its first that start with two spaces, one rule per run of two or more
// spaces.
func examplesOf(block string) []string {
	var out []string
	for _, line := range strings.Split(block, "\n")[1:] {
		if !strings.HasPrefix(line, "  ") {
			break
		}
		for _, ex := range regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(line), -1) {
			if ex != "" {
				out = append(out, ex)
			}
		}
	}
	return out
}

// readmeExamples are the rules the READMEs' command lines count or save
// (README.es.md's in Spanish).
func readmeExamples(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, name := range []string{"README.md", "README.es.md"} {
		b, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`pulpero (?:--lang es )?segment (?:count|save) \S+(?: "[^"]*")? '([^']+)'`).FindAllStringSubmatch(string(b), -1) {
			out = append(out, m[1])
		}
		// and the rules shown alone, one per line of a ```text block
		for _, m := range regexp.MustCompile("(?s)```text\n(.*?)```").FindAllStringSubmatch(string(b), -1) {
			out = append(out, strings.Split(strings.TrimSpace(m[1]), "\n")...)
		}
	}
	return out
}

// TestEveryExampleRunsOnTheDemo: each rule the README and the segment help
// show counts on the demo world (with the segments they name saved), so a
// newcomer copying one never meets "no attribute".
func TestEveryExampleRunsOnTheDemo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if err := app.GenerateSample(t.Context(), db, sample.Options{Customers: 400, Seed: 3}, false); err != nil {
		t.Fatal(err)
	}
	for _, seg := range [][2]string{{"VIP", "income > 3000"}, {"Complained", "age > 70"}} {
		if code, _, errOut := runCLI(t, "segment", "save", db, "--data-dir", dir, seg[0], seg[1]); code != exitOK {
			t.Fatal(errOut)
		}
	}
	examples := append(helpExamples(t), readmeExamples(t)...)
	if len(examples) < 10 {
		t.Fatalf("found only %d examples: %q", len(examples), examples)
	}
	for _, ex := range examples {
		if code, _, errOut := runCLI(t, "segment", "count", db, "--data-dir", dir, ex); code != exitOK {
			t.Errorf("%s:\n%s", ex, errOut)
		}
	}
}

// TestRoleNamesAndPersonalColumnsInRules: a role's name counts exactly as
// the column with that role does, and a personal column gets an answer that
// says why it cannot be used and what can.
func TestRoleNamesAndPersonalColumnsInRules(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if err := app.GenerateSample(t.Context(), db, sample.Options{Customers: 300, Seed: 5}, false); err != nil {
		t.Fatal(err)
	}
	count := func(rule string) string {
		code, out, errOut := runCLI(t, "segment", "count", db, "--data-dir", dir, "--format", "csv", rule)
		if code != exitOK {
			t.Fatalf("%s: %s", rule, errOut)
		}
		return out
	}
	if a, b := count("income > 2000"), count("monthly_income > 2000"); strings.ReplaceAll(a, "income", "") != strings.ReplaceAll(strings.ReplaceAll(b, "monthly_income", ""), "income", "") {
		t.Errorf("income (the role) and monthly_income count differently:\n%s\n%s", a, b)
	}
	for _, rule := range []string{`email is empty`, `name contains "garcía"`, `phone starts with "+34"`} {
		code, _, errOut := runCLI(t, "segment", "count", db, "--data-dir", dir, rule)
		if code != exitUsage || !strings.Contains(errOut, "personal data") || !strings.Contains(errOut, "reachable_") {
			t.Errorf("%s: exit %d, %s", rule, code, errOut)
		}
	}
}

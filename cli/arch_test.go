package cli

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/pulpero/pulpero"

// pkgInfo is what `go list -json` says of a package that the layering
// rules need: its direct imports and everything it depends on.
type pkgInfo struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// listPackages lists every package of the module (test files left out: a
// test may open SQLite to check a figure against SQL).
func listPackages(t *testing.T) []pkgInfo {
	t.Helper()
	cmd := exec.Command("go", "list", "-json", module+"/...")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	var pkgs []pkgInfo
	for {
		var p pkgInfo
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// layer is a package's top folder: model, store, analysis, sample, app,
// ui, cli, or "" for main.
func layer(path string) string {
	rel := strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
	return strings.SplitN(rel, "/", 2)[0]
}

func ours(path string) bool { return path == module || strings.HasPrefix(path, module+"/") }

// TestPackageDependenciesFollowTheDesign keeps DESIGN.md §1 true: model
// imports nothing of ours; analysis, sample and store only model; only app
// reaches store (neither face does); app imports no terminal library and
// never a face; the screens never import the command line; Bubble Tea and
// lipgloss only in ui (and cli, which starts the interface).
func TestPackageDependenciesFollowTheDesign(t *testing.T) {
	pkgs := listPackages(t)
	seen := map[string]bool{}
	for _, p := range pkgs {
		seen[layer(p.ImportPath)] = true
	}
	for _, l := range []string{"model", "store", "analysis", "sample", "app", "ui", "cli"} {
		if !seen[l] {
			t.Fatalf("go list did not list %s/%s", module, l)
		}
	}
	// everything a layer may depend on, transitively, among our packages
	mayUse := map[string][]string{
		"model":    {"model"},
		"analysis": {"model", "analysis"},
		"sample":   {"model", "sample"},
		"store":    {"model", "store"},
		"app":      {"model", "analysis", "sample", "store", "app"},
		"ui":       {"model", "analysis", "sample", "store", "app", "ui"}, // store only through app: see below
		"cli":      {"model", "analysis", "sample", "store", "app", "ui", "cli"},
	}
	charm := []string{"charm.land/bubbletea", "charm.land/lipgloss", "charm.land/bubbles", "charm.land/wish"}
	for _, p := range pkgs {
		l := layer(p.ImportPath)
		if l == "" {
			continue // main: a few lines calling cli.Run
		}
		for _, dep := range p.Deps {
			if ours(dep) && !contains(mayUse[l], layer(dep)) {
				t.Errorf("%s depends on %s: %s must not depend on %s", p.ImportPath, dep, l, layer(dep))
			}
			if l != "ui" && l != "cli" {
				for _, c := range charm {
					if strings.HasPrefix(dep, c) {
						t.Errorf("%s depends on %s: terminal UI libraries belong in ui/ (and cli/, which starts it)", p.ImportPath, dep)
					}
				}
			}
		}
		for _, imp := range p.Imports {
			// SQL is app's road: the faces reach the database only through it
			if (l == "ui" || l == "cli") && layer(imp) == "store" {
				t.Errorf("%s imports %s: the screens and the command line reach the database through app", p.ImportPath, imp)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

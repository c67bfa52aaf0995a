package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPackageDependenciesFollowTheDesign keeps the layering of DESIGN.md
// true: model imports nothing of ours; analysis and sample only model; store
// only model; Bubble Tea and lipgloss only inside ui/.
func TestPackageDependenciesFollowTheDesign(t *testing.T) {
	const mod = "github.com/pulpero/pulpero"
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Deps " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, p := range []string{"/model ", "/store ", "/analysis ", "/ui "} {
		if !strings.Contains(string(out), mod+p) {
			t.Fatalf("go list did not list %s%s", mod, p)
		}
	}
	forbidden := map[string][]string{
		"model":    {mod + "/store", mod + "/analysis", mod + "/ui", mod + "/sample"},
		"analysis": {mod + "/store", mod + "/ui", mod + "/sample"},
		"sample":   {mod + "/store", mod + "/ui", mod + "/analysis"},
		"store":    {mod + "/analysis", mod + "/ui", mod + "/sample"},
	}
	charm := []string{"charm.land/bubbletea", "charm.land/lipgloss", "charm.land/bubbles"}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, deps := fields[0], fields[1:]
		rel := strings.TrimPrefix(strings.TrimPrefix(pkg, mod), "/")
		top := strings.SplitN(rel, "/", 2)[0]
		for _, dep := range deps {
			for _, bad := range forbidden[top] {
				if dep == bad || strings.HasPrefix(dep, bad+"/") {
					t.Errorf("%s imports %s: %s must not depend on it", pkg, dep, top)
				}
			}
			if top != "ui" && pkg != mod {
				for _, c := range charm {
					if strings.HasPrefix(dep, c) {
						t.Errorf("%s imports %s: terminal UI libraries belong in ui/", pkg, dep)
					}
				}
			}
		}
	}
}

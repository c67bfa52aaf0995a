package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/store"
)

// childEnv makes this test binary, run again as a child, export a list and
// exit: the kill tests run it with PULPERO_FAULT set, so the kill is sure to
// land at the named point of the write.
const childEnv = "PULPERO_TEST_EXPORT_CHILD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		parts := strings.Split(spec, "|") // database | data folder | list
		if err := exportOnce(parts[0], parts[1], parts[2]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// exportOnce exports everyone by e-mail to list, with a rejected file and
// the campaign recorded, warnings on stderr.
func exportOnce(dbPath, dataDir, list string) error {
	ctx := context.Background()
	db, err := Open(dbPath, OpenOptions{DataDir: dataDir})
	if err != nil {
		return err
	}
	defer db.Close()
	s, err := db.Load(ctx, LoadRequest{AsOf: consentAsOf})
	if err != nil {
		return err
	}
	req := campaign.ExportRequest{Request: campaign.Request{Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.01}},
		Value: 100, DefaultRate: 0.5, Model: campaign.ModelRates, Prior: 50, ControlPercent: 10},
		Out: list, Rejected: strings.TrimSuffix(list, ".csv") + ".rejected.csv", Format: campaign.FormatCSV}
	_, err = s.Export(ctx, nil, req, ExportOptions{Now: consentAsOf, Warn: func(w string) { fmt.Fprintln(os.Stderr, "warning:", w) }})
	return err
}

// recorded counts the campaigns of that name in a workspace file and their
// states.
func recorded(t *testing.T, ws string) map[string]int {
	t.Helper()
	out := map[string]int{}
	if _, err := os.Stat(ws); errors.Is(err, os.ErrNotExist) {
		return out
	}
	db, err := sql.Open("sqlite", ws)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT state, count(*) FROM pulpero_campaigns GROUP BY state`)
	if err != nil {
		return out // no campaigns table yet
	}
	defer rows.Close()
	for rows.Next() {
		var state string
		var n int
		rows.Scan(&state, &n)
		out[state] = n
	}
	return out
}

// TestExportKilledAtEachStep kills an export (SIGKILL, from inside, at a
// named point) and checks what is left: before the record, nothing at all;
// after the record but before the files are placed, nothing visible and a
// record the next export removes, saying so; after the files are placed, a
// complete list, rejected file and manifest that the next export records,
// saying so. Never a list without its manifest, never a record of a list
// that does not exist.
func TestExportKilledAtEachStep(t *testing.T) {
	for _, stage := range []string{FaultFilesWritten, FaultRecorded, FaultPlaced} {
		t.Run(stage, func(t *testing.T) {
			dbPath := shopWith(t, "consent_email", "", "", nil)
			dir := t.TempDir()
			list := filepath.Join(dir, "spring.csv")
			files := []string{list, filepath.Join(dir, "spring.rejected.csv"), filepath.Join(dir, "spring.manifest.json")}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childEnv+"="+dbPath+"|"+dir+"|"+list+"|", store.FaultEnv+"="+stage)
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != -1 {
				t.Fatalf("the child was not killed at %s: %v\n%s", stage, err, out)
			}
			present := 0
			for _, f := range files {
				if _, err := os.Stat(f); err == nil {
					present++
				}
			}
			states := recorded(t, dbPath) // the test database is writable: its workspace is inside it
			switch stage {
			case FaultFilesWritten:
				if present != 0 || states["writing"]+states["done"] != 0 {
					t.Fatalf("killed before the record: %d files, records %v", present, states)
				}
			case FaultRecorded:
				if present != 0 || states["writing"] != 1 {
					t.Fatalf("killed after the record: %d files, records %v", present, states)
				}
			case FaultPlaced:
				if present != len(files) || states["writing"] != 1 {
					t.Fatalf("killed after placing: %d of %d files, records %v", present, len(files), states)
				}
			}
			// the next export resolves what the kill left and says so
			next := filepath.Join(dir, "summer.csv")
			cmd = exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childEnv+"="+dbPath+"|"+dir+"|"+next+"|")
			out, err = cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("the next export: %v\n%s", err, out)
			}
			states = recorded(t, dbPath)
			switch stage {
			case FaultFilesWritten:
				if states["done"] != 1 || strings.Contains(string(out), "interrupted") {
					t.Fatalf("after a kill before the record: records %v, said %q", states, out)
				}
			case FaultRecorded:
				if states["done"] != 1 || states["writing"] != 0 || !strings.Contains(string(out), "nothing of it was kept") {
					t.Fatalf("after a kill after the record: records %v, said %q", states, out)
				}
			case FaultPlaced:
				if states["done"] != 2 || states["writing"] != 0 || !strings.Contains(string(out), "it is now recorded") {
					t.Fatalf("after a kill after placing: records %v, said %q", states, out)
				}
			}
		})
	}
}

// TestExportFilesNeverLandOnEachOtherOrTheDatabase: --out X --rejected X,
// a rejected file on the list's manifest, and --out on the database or its
// workspace are refused before any work, even with --force.
func TestExportFilesNeverLandOnEachOtherOrTheDatabase(t *testing.T) {
	dbPath := shopWith(t, "consent_email", "", "", nil)
	ctx := context.Background()
	db, err := Open(dbPath, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(ctx, LoadRequest{AsOf: consentAsOf})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	base := campaign.ExportRequest{Request: campaign.Request{Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.01}},
		Value: 100, DefaultRate: 0.5, Model: campaign.ModelRates, Prior: 50}, Format: campaign.FormatCSV, Force: true, NoRecord: true}
	for _, c := range []struct{ out, rejected, want string }{
		{filepath.Join(dir, "a.csv"), filepath.Join(dir, "a.csv"), "same file"},
		{filepath.Join(dir, "b.csv"), filepath.Join(dir, "b.manifest.json"), "same file"},
		{dbPath, "", "never replaced"},
	} {
		req := base
		req.Out, req.Rejected = c.out, c.rejected
		if _, err := s.Export(ctx, nil, req, ExportOptions{Now: consentAsOf}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("--out %s --rejected %s: %v", c.out, c.rejected, err)
		}
	}
	if b, _ := os.ReadFile(dbPath); !strings.HasPrefix(string(b), "SQLite format 3") {
		t.Fatal("the database was replaced")
	}
}

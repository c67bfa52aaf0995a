package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
)

// Messages of a trial import, tagged with the screen's sequence number so
// a preview the user left is dropped.
type (
	previewProgressMsg struct {
		seq int
		p   app.ImportProgress
	}
	previewMsg struct {
		seq    int
		result *app.ImportResult
		exists bool // the open database already has a table of that name
		err    error
	}
)

// previewCmd imports path into a database in a temporary folder, which is
// removed afterwards, so the screen can show how the file reads — dialect,
// types, rows, warnings, the table name — before anything is written to
// the open database; it also checks whether that database already has a
// table of the name. Progress and the outcome come back through ch.
func previewCmd(ctx context.Context, db *app.Database, path string, seq int, ch chan tea.Msg) tea.Cmd {
	go func() {
		defer close(ch)
		res, err := trialImport(ctx, path, func(p app.ImportProgress) {
			select {
			case ch <- previewProgressMsg{seq: seq, p: p}:
			default: // the screen is behind: the next tick says more
			}
		})
		exists := false
		if err == nil {
			exists, err = hasTable(ctx, db, res.Table)
		}
		select {
		case ch <- previewMsg{seq: seq, result: res, exists: exists, err: err}:
		case <-ctx.Done(): // left with esc: nobody reads any more
		}
	}()
	return wait(ch)
}

// trialImport runs the import into a throw-away database.
func trialImport(ctx context.Context, path string, progress func(app.ImportProgress)) (*app.ImportResult, error) {
	tmp, err := os.MkdirTemp("", "pulpero-preview-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	return app.ImportCSV(ctx, filepath.Join(tmp, "preview.db"), path, app.ImportOptions{Progress: progress})
}

// hasTable reports whether the open database has a table called name.
func hasTable(ctx context.Context, db *app.Database, name string) (bool, error) {
	if db == nil {
		return false, nil
	}
	tables, err := db.Tables(ctx)
	if err != nil {
		return false, err
	}
	for _, t := range tables {
		if strings.EqualFold(t.Name, name) { // SQLite names ignore case
			return true, nil
		}
	}
	return false, nil
}

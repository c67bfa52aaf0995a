package app

import (
	"context"

	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

// The store's descriptions of tables, columns and rows, as the faces see
// them. They are aliases so that a face never needs to import store.
type (
	TableInfo      = store.TableInfo
	ColumnInfo     = store.ColumnInfo
	ColumnProfile  = store.ColumnProfile
	LoadProgress   = store.LoadProgress
	Row            = store.Row
	Page           = store.Page
	SavedSegment   = store.SavedSegment
	SegmentVersion = store.SegmentVersion
)

// Version is pulpero's version, written into manifests; the build sets it
// with -ldflags "-X github.com/pulpero/pulpero/app.Version=...".
var Version = "0.1.0-dev"

// Database is an open customer database and its workspace (pulpero's own
// tables, in the same file or apart).
type Database struct {
	db        *store.DB
	ws        *store.Workspace // nil for a scratch database (prospects being assigned)
	snapshots string           // where the loaded columns are kept between opens ("" nowhere)
}

// OpenOptions say where a read-only or generated database's workspace lives.
type OpenOptions struct {
	DataDir string // "" means the user data directory
}

// Open opens a user's database read-only and finds its workspace. A
// database pulpero generated (the demo, `pulpero sample`) keeps its
// workspace apart, in the data directory: regenerating it then keeps the
// saved work, and its file stays byte-for-byte what the generator wrote.
func Open(path string, o OpenOptions) (*Database, error) {
	db, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	open := store.OpenWorkspace
	if _, generated, _ := store.ReadMeta(context.Background(), db.Path, sample.MetaVersionKey); generated {
		open = store.OpenWorkspaceApart
	}
	ws, err := open(db, o.DataDir)
	if err != nil {
		db.Close()
		return nil, err
	}
	root := o.DataDir
	if root == "" {
		root = store.DataDir()
	}
	return &Database{db: db, ws: ws, snapshots: root}, nil
}

// openScratch opens a database without a workspace (a temporary import of
// prospects): nothing is ever saved in it.
func openScratch(path string) (*Database, error) {
	db, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	return &Database{db: db}, nil
}

// Close releases the database and its workspace.
func (d *Database) Close() error {
	if d.ws != nil {
		d.ws.Close()
	}
	return d.db.Close()
}

// Path is the database file's absolute path; Name its base name.
func (d *Database) Path() string { return d.db.Path }
func (d *Database) Name() string { return d.db.Name() }

// WorkspacePath is the file holding pulpero's own tables, and Separate
// whether that is not the database itself.
func (d *Database) WorkspacePath() string { return d.ws.Path }
func (d *Database) WorkspaceSeparate() bool {
	return d.ws != nil && d.ws.Separate
}

// Tables lists every table with its columns and size.
func (d *Database) Tables(ctx context.Context) ([]TableInfo, error) { return d.db.Tables(ctx) }

// ReadPage reads up to limit rows of a table after a rowid, for paging.
func (d *Database) ReadPage(ctx context.Context, t TableInfo, after int64, limit int) (Page, error) {
	return d.db.ReadPage(ctx, t, after, limit)
}

// ReadRows reads the named columns of the rows with the given rowids: the
// only way personal values reach a screen.
func (d *Database) ReadRows(ctx context.Context, table string, columns []string, rowids []int64) ([]Row, error) {
	return d.db.ReadRows(ctx, table, columns, rowids)
}

// protected are the files an export never replaces, whatever --force says:
// the database and its workspace.
func (d *Database) protected() []string {
	out := []string{d.db.Path}
	if d.ws != nil {
		out = append(out, d.ws.Path)
	}
	return out
}

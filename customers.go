package main

import (
	"context"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

// openDatabase opens a user's database read-only and finds its workspace
// (pulpero's own tables); close releases both. A database pulpero generated
// (the demo, `pulpero sample`) keeps its workspace apart, in the data
// directory: regenerating it then keeps the saved work, and its file stays
// byte-for-byte what the generator wrote.
func openDatabase(path, dataDir string) (db *store.DB, ws *store.Workspace, close func(), err error) {
	if db, err = store.Open(path); err != nil {
		return nil, nil, nil, err
	}
	open := store.OpenWorkspace
	if _, generated, _ := store.ReadMeta(context.Background(), db.Path, sample.MetaVersionKey); generated {
		open = store.OpenWorkspaceApart
	}
	if ws, err = open(db, dataDir); err != nil {
		db.Close()
		return nil, nil, nil, err
	}
	return db, ws, func() { ws.Close(); db.Close() }, nil
}

// loadAnalysed is the one road from a database to the customers that every
// screen and command works on: the columnar copy (store.LoadCustomers), the
// derived attributes (age, generation, ...) and the reachability attributes
// (reachable_email, digitally_valid, bridge, ...). Keeping it in one place
// means a segment counted on the command line and on screen sees the same
// attributes. stage and progress may be nil.
func loadAnalysed(ctx context.Context, db *store.DB, ws *store.Workspace, table string, asOf time.Time,
	stage func(string), progress func(store.LoadProgress)) (*store.Customers, *analysis.Reach, error) {
	cust, err := db.LoadCustomers(ctx, ws, table, stage, progress)
	if err != nil {
		return nil, nil, err
	}
	analysis.Derive(cust.Data, asOf)
	if stage != nil {
		stage("checking contact details and consent")
	}
	// addresses are read and judged in SQLite's rows; only the verdicts
	// (bitsets) reach memory
	valid, err := db.ReadContactValidity(ctx, cust.Table, store.FindContactColumns(cust.Profiles), cust.Data.RowIDs)
	if err != nil {
		return nil, nil, err
	}
	return cust, analysis.AddReachability(cust.Data, analysis.ValidAddresses(valid)), nil
}

package store

import (
	"context"
	"database/sql"
	"strconv"
)

// migrations create and change pulpero's own tables. They are numbered by
// their position and run once each, in order, inside one transaction; append
// new ones at the end and never edit one that has shipped.
var migrations = []string{
	1: `CREATE TABLE IF NOT EXISTS pulpero_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	    CREATE TABLE IF NOT EXISTS pulpero_roles (
	        table_name  TEXT NOT NULL,
	        role        TEXT NOT NULL,
	        column_name TEXT NOT NULL, -- '' means: no column has this role
	        PRIMARY KEY (table_name, role));`,
	2: segmentsMigration,
	3: campaignsMigration,
	4: campaignResponsesMigration,
	5: campaignStateMigration,
	6: rfmMigration,
	7: segmentsSavedByMigration, // who saved each segment version (pulpero serve)
	8: clusterLabelsMigration,   // cluster labels saved as an attribute (pulpero cluster --assign-to)
}

func migrate(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS pulpero_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`); err != nil {
		return err
	}
	var v string
	current := 0
	if err := tx.QueryRowContext(ctx, `SELECT value FROM pulpero_meta WHERE key='schema_version'`).Scan(&v); err == nil {
		current, _ = strconv.Atoi(v)
	}
	for n := current + 1; n < len(migrations); n++ {
		if _, err := tx.ExecContext(ctx, migrations[n]); err != nil {
			return err
		}
		current = n
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO pulpero_meta(key, value) VALUES('schema_version', ?)
		ON CONFLICT(key) DO UPDATE SET value=excluded.value`, strconv.Itoa(current)); err != nil {
		return err
	}
	return tx.Commit()
}

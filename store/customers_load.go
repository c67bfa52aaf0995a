package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/snapshot"
)

// CustomersRequest says which customer table to load, and how.
type CustomersRequest struct {
	Table string // "" = detect
	// Columns, given the table's profiles, names the columns needed; nil
	// means all. The customer key is always loaded.
	Columns func(profiles []ColumnProfile) []string
	// Snapshots is the folder snapshots live in ("" = none): a second open
	// of the same database reads the columns from there.
	Snapshots string
	Stage     func(string)
	Progress  func(LoadProgress)
}

// LoadCustomersWith loads the customer table as LoadCustomers does, from
// the snapshot when it is current (only the columns asked for are read),
// else from SQLite, keeping what it read in the snapshot for next time.
func (d *DB) LoadCustomersWith(ctx context.Context, ws *Workspace, r CustomersRequest) (*Customers, error) {
	say := func(s string) {
		if r.Stage != nil {
			r.Stage(s)
		}
	}
	var fp snapshot.Fingerprint
	if r.Snapshots != "" {
		var err error
		if fp, err = d.snapshotFingerprint(ctx, ws, r.Table); err == nil {
			if s, ok := snapshot.Open(snapshot.Dir(r.Snapshots, d.Path, r.Table), fp); ok {
				if c, err := d.customersFromSnapshot(ctx, s, r); err == nil {
					return c, nil
				}
				// a snapshot that cannot be used is read again from SQLite
			}
		} else {
			r.Snapshots = ""
		}
	}
	say("reading tables")
	t, why, err := d.ResolveCustomerTable(ctx, r.Table)
	if err != nil {
		return nil, err
	}
	c := &Customers{Table: t, Why: why}
	say("deciding column kinds and roles")
	var overrides map[model.Role]string
	if ws != nil {
		if overrides, err = ws.RoleOverrides(ctx, c.Table.Name); err != nil {
			return nil, err
		}
	}
	if c.Profiles, err = d.Profile(ctx, c.Table, overrides); err != nil {
		return nil, err
	}
	say("loading columns")
	if c.Data, err = d.Load(ctx, c.Table, wanted(c.Profiles, r.Columns), r.Progress); err != nil {
		return nil, err
	}
	personalOf(c)
	c.checkKeyUnique()
	if r.Snapshots != "" && len(c.Data.RowIDs) > 0 {
		c.writing = func() *snapshot.Snapshot {
			snap, _ := d.startSnapshot(fp, r.Snapshots, r.Table, c)
			if snap != nil {
				for _, col := range c.Data.Columns {
					snap.PutColumn(col)
				}
			}
			return snap
		}
	}
	return c, nil
}

// wanted is the subset of profiles to load: the columns asked for (all
// when columns is nil) and the customer key.
func wanted(profiles []ColumnProfile, columns func([]ColumnProfile) []string) []ColumnProfile {
	if columns == nil {
		return profiles
	}
	want := map[string]bool{}
	for _, n := range columns(profiles) {
		want[strings.ToLower(n)] = true
	}
	var out []ColumnProfile
	for _, p := range profiles {
		if want[strings.ToLower(p.Name)] || p.Role == model.RoleCustomerID {
			out = append(out, p)
		}
	}
	return out
}

// personalOf records the table's personal columns in the dataset, for the
// answer a rule naming one gets.
func personalOf(c *Customers) {
	if c.Data.Personal == nil {
		c.Data.Personal = map[string]model.Role{}
	}
	for _, p := range c.Profiles {
		if p.Personal {
			c.Data.Personal[p.Name] = p.Role
		}
	}
}

// customersFromSnapshot builds the customers from a current snapshot,
// reading from SQLite only the columns asked for that it does not keep yet
// (and keeping them).
func (d *DB) customersFromSnapshot(ctx context.Context, s *snapshot.Snapshot, r CustomersRequest) (*Customers, error) {
	m := s.Meta()
	c := &Customers{Why: m.Why, snap: s}
	if err := json.Unmarshal(m.Table, &c.Table); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(m.Profiles, &c.Profiles); err != nil {
		return nil, err
	}
	ids, err := s.RowIDs()
	if err != nil {
		return nil, err
	}
	c.Data = &model.Dataset{Table: c.Table.Name, RowIDs: ids, Personal: m.Personal}
	var missing []ColumnProfile
	have := map[string]model.Column{}
	var want []ColumnProfile
	for _, p := range wanted(c.Profiles, r.Columns) {
		if !p.Personal {
			want = append(want, p)
		}
	}
	// read (and check) the columns on every core: at a million customers a
	// column is a few megabytes, and checking its CRC is most of the work
	got := make([]model.Column, len(want))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				if col, ok := s.Column(want[i].Name); ok {
					got[i] = col
				}
			}
		})
	}
	for i := range want {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, p := range want {
		if got[i] != nil {
			have[p.Name] = got[i]
		} else {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		if r.Stage != nil {
			r.Stage("loading columns")
		}
		more, err := d.Load(ctx, c.Table, missing, r.Progress)
		if err != nil {
			return nil, err
		}
		if len(more.RowIDs) != len(ids) || len(ids) > 0 && (more.RowIDs[0] != ids[0] || more.RowIDs[len(ids)-1] != ids[len(ids)-1]) {
			return nil, fmt.Errorf("the snapshot's rows are not the table's")
		}
		for _, col := range more.Columns {
			have[col.Meta().Name] = col
			s.PutColumn(col)
		}
	}
	for _, p := range c.Profiles { // in the table's order
		if col, ok := have[p.Name]; ok {
			c.Data.Columns = append(c.Data.Columns, col)
		}
	}
	return c, nil
}

// startSnapshot creates the snapshot of freshly loaded customers.
func (d *DB) startSnapshot(fp snapshot.Fingerprint, root, table string, c *Customers) (*snapshot.Snapshot, error) {
	tb, err := json.Marshal(c.Table)
	if err != nil {
		return nil, err
	}
	pb, err := json.Marshal(c.Profiles)
	if err != nil {
		return nil, err
	}
	if err := PrivateDir(filepath.Dir(snapshot.Dir(root, d.Path, table))); err != nil {
		return nil, err
	}
	m := snapshot.Meta{Fingerprint: fp, Table: tb, Profiles: pb, Why: c.Why, Personal: c.Data.Personal, Rows: len(c.Data.RowIDs)}
	return snapshot.Create(snapshot.Dir(root, d.Path, table), m, c.Data.RowIDs, PrivateDir)
}

// snapshotFingerprint is the state a snapshot of table depends on: the
// database file (size, time, change counter, schema cookie, write-ahead
// log), the role corrections saved for any table, and this program.
func (d *DB) snapshotFingerprint(ctx context.Context, ws *Workspace, table string) (snapshot.Fingerprint, error) {
	st, err := os.Stat(d.Path)
	if err != nil {
		return snapshot.Fingerprint{}, err
	}
	f, err := os.Open(d.Path)
	if err != nil {
		return snapshot.Fingerprint{}, err
	}
	head := make([]byte, 100)
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil {
		return snapshot.Fingerprint{}, err
	}
	state := fmt.Sprintf("size=%d mtime=%d counter=%d schema=%d", st.Size(), st.ModTime().UnixNano(),
		binary.BigEndian.Uint32(head[24:28]), binary.BigEndian.Uint32(head[40:44]))
	if wal, err := os.Stat(d.Path + "-wal"); err == nil {
		state += fmt.Sprintf(" wal=%d/%d", wal.Size(), wal.ModTime().UnixNano())
	}
	settings, err := roleSettings(ctx, ws)
	if err != nil {
		return snapshot.Fingerprint{}, err
	}
	return snapshot.Fingerprint{Format: snapshot.FormatVersion, Database: state, Table: strings.ToLower(table),
		Settings: settings, Program: programID()}, nil
}

// roleSettings is a digest of every role correction in the workspace.
func roleSettings(ctx context.Context, ws *Workspace) (string, error) {
	if ws == nil {
		return "", nil
	}
	var rows []string
	err := ws.Query(ctx, "pulpero_roles", `SELECT table_name, role, column_name FROM pulpero_roles`, nil, func(r *sql.Rows) error {
		var t, role, col string
		err := r.Scan(&t, &role, &col)
		rows = append(rows, t+"\x00"+role+"\x00"+col)
		return err
	})
	sort.Strings(rows)
	sum := sha256.Sum256([]byte(strings.Join(rows, "\n")))
	return hex.EncodeToString(sum[:8]), err
}

// programID names this build of pulpero: a snapshot written by another
// build (whose loader may read columns otherwise) is stale.
func programID() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%d/%d", st.Size(), st.ModTime().UnixNano())
}

// ContactValidity judges the customers' contact columns (ReadContactValidity),
// from the snapshot when it keeps the verdicts for the same columns, and
// keeps them there otherwise.
func (d *DB) ContactValidity(ctx context.Context, c *Customers) (ContactValidity, error) {
	c.KeepSnapshot()
	cc := FindContactColumns(c.Profiles)
	key := fmt.Sprintf("contacts %q %q %q %q %v", cc.Email, cc.SMS, cc.Phone, cc.Post, cc.SMSFromPhone)
	names := []string{"email", "sms", "phone", "post"}
	if c.snap != nil {
		var v ContactValidity
		sets := []*model.Bitset{&v.Email, &v.SMS, &v.Phone, &v.Post}
		cols := []string{cc.Email, cc.SMS, cc.Phone, cc.Post}
		ok := true
		for i, n := range names {
			if cols[i] == "" {
				continue
			}
			b, found := c.snap.Bitset(key + " " + n)
			ok = ok && found
			*sets[i] = b
		}
		if ok {
			return v, nil
		}
	}
	v, err := d.ReadContactValidity(ctx, c.Table, cc, c.Data.RowIDs)
	if err != nil || c.snap == nil {
		return v, err
	}
	for i, b := range []model.Bitset{v.Email, v.SMS, v.Phone, v.Post} {
		if b != nil {
			c.snap.PutBitset(key+" "+names[i], b)
		}
	}
	return v, nil
}

package snapshot

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/pulpero/pulpero/model"
)

// FormatVersion changes whenever the files' layout does: snapshots of
// another format are stale.
const FormatVersion = 1

// Fingerprint is everything a snapshot depends on; any difference makes it
// stale. Database is the database file's state (size, modification time,
// SQLite's change counter and schema cookie, the write-ahead log's size and
// time); Settings the role corrections and other choices that change how
// the table is read; Program pulpero's version.
type Fingerprint struct {
	Format   int
	Database string
	Table    string
	Settings string
	Program  string
}

// Meta is what a snapshot knows of its table besides the columns.
type Meta struct {
	Fingerprint Fingerprint
	Table       json.RawMessage // the store's description of the table, as the store wrote it
	Profiles    json.RawMessage // the store's column profiles
	Why         string          // why the table is the customer table
	Personal    map[string]model.Role
	Rows        int
}

// Snapshot is an open snapshot folder. Its methods are safe for one user at
// a time; two processes may share a folder (files appear by rename).
type Snapshot struct {
	dir  string
	meta Meta
	mu   sync.Mutex
}

// Dir is the folder of the snapshot of table in the database at path,
// under root (pulpero's data folder).
func Dir(root, dbPath, table string) string {
	sum := sha256.Sum256([]byte(dbPath + "\x00" + strings.ToLower(table)))
	base := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	return filepath.Join(root, "snapshots", base+"-"+hex.EncodeToString(sum[:8]))
}

// Open returns the snapshot in dir when its fingerprint is fp; a missing,
// stale or damaged one is removed and ok is false.
func Open(dir string, fp Fingerprint) (s *Snapshot, ok bool) {
	if !littleEndian() {
		return nil, false
	}
	b, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			os.RemoveAll(dir)
		}
		return nil, false
	}
	var m Meta
	if json.Unmarshal(b, &m) != nil || m.Fingerprint != fp {
		os.RemoveAll(dir) // stale or damaged: never trusted
		return nil, false
	}
	return &Snapshot{dir: dir, meta: m}, true
}

// Create starts a new snapshot in dir (removing what was there) with its
// meta and row ids. mkdir makes a private folder (0700).
func Create(dir string, m Meta, rowids []int64, mkdir func(string) error) (*Snapshot, error) {
	if !littleEndian() {
		return nil, errors.New("snapshots need a little-endian machine")
	}
	os.RemoveAll(dir)
	if err := mkdir(dir); err != nil {
		return nil, err
	}
	s := &Snapshot{dir: dir, meta: m}
	ids := &model.NumberColumn{ColumnMeta: model.ColumnMeta{Name: "rowid"}, Values: make([]float64, len(rowids)), Nulls: model.NewBitset(len(rowids))}
	for i, id := range rowids {
		ids.Values[i] = float64(id)
	}
	if err := s.put("rowids", ids, nil); err != nil {
		return nil, err
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	// the meta comes last: a folder without it is not a snapshot yet
	return s, writeFile(filepath.Join(dir, "meta.json"), b)
}

// Meta is the snapshot's meta.
func (s *Snapshot) Meta() Meta { return s.meta }

// RowIDs reads the table's row ids.
func (s *Snapshot) RowIDs() ([]int64, error) {
	c, _, err := s.read("rowids")
	if err != nil {
		return nil, err
	}
	vals := c.(*model.NumberColumn).Values
	out := make([]int64, len(vals))
	for i, v := range vals {
		out[i] = int64(v)
	}
	return out, nil
}

// Column reads a column kept under name; ok is false when it is not kept
// (or its file is damaged: it is then removed).
func (s *Snapshot) Column(name string) (c model.Column, ok bool) {
	c, _, err := s.read(fileName("col", name))
	return c, err == nil && c != nil
}

// Bitset reads a set kept under name (contact checks).
func (s *Snapshot) Bitset(name string) (b model.Bitset, ok bool) {
	_, b, err := s.read(fileName("set", name))
	return b, err == nil && b != nil
}

// PutColumn keeps a column; PutBitset a set.
func (s *Snapshot) PutColumn(c model.Column) error {
	return s.put(fileName("col", c.Meta().Name), c, nil)
}
func (s *Snapshot) PutBitset(name string, b model.Bitset) error {
	return s.put(fileName("set", name), nil, b)
}

func (s *Snapshot) put(file string, c model.Column, b model.Bitset) error {
	return writeFileWith(filepath.Join(s.dir, file), func(w io.Writer) error { return encodeColumn(w, c, b, s.meta.Rows) })
}

func (s *Snapshot) read(file string) (model.Column, model.Bitset, error) {
	path := filepath.Join(s.dir, file)
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	c, b, err := decodeColumn(buf, s.meta.Rows)
	if err != nil {
		os.Remove(path) // damaged: never trusted, read again from the database
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, b, nil
}

// fileName is a column's file: its name hashed, so any column name is a
// safe file name.
func fileName(kind, name string) string {
	sum := sha256.Sum256([]byte(name))
	return kind + "-" + hex.EncodeToString(sum[:10])
}

// writeFile writes a file whole or not at all: a temporary file (0600) in
// the same folder, renamed into place.
func writeFile(path string, data []byte) error {
	return writeFileWith(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeFileWith is writeFile for content written by write. No fsync: a
// snapshot is a cache, and a file cut short by a crash fails its length
// and CRC checks and is read again from the database.
func writeFileWith(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

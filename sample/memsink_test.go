package sample

import (
	"crypto/sha256"
	"fmt"
	"hash"

	"github.com/pulpero/pulpero/model"
)

// memSink keeps every row in memory, for tests on small worlds.
type memSink struct {
	schemas map[string]model.TableSchema
	rows    map[string][][]any
	meta    map[string]string
	indexed []string
}

func newMemSink() *memSink {
	return &memSink{schemas: map[string]model.TableSchema{}, rows: map[string][][]any{}, meta: map[string]string{}}
}

func (m *memSink) CreateTable(t model.TableSchema) error {
	if _, dup := m.schemas[t.Name]; dup {
		return fmt.Errorf("table %s created twice", t.Name)
	}
	m.schemas[t.Name] = t
	return nil
}

func (m *memSink) Insert(table string, values []any) error {
	t, ok := m.schemas[table]
	if !ok {
		return fmt.Errorf("insert into unknown table %s", table)
	}
	if len(values) != len(t.Columns) {
		return fmt.Errorf("%s: %d values for %d columns", table, len(values), len(t.Columns))
	}
	m.rows[table] = append(m.rows[table], append([]any(nil), values...))
	return nil
}

func (m *memSink) CreateIndexes(table string) error {
	m.indexed = append(m.indexed, table)
	return nil
}

func (m *memSink) SetMeta(k, v string) error { m.meta[k] = v; return nil }

// column returns the index of a column by name.
func (m *memSink) column(table, name string) int {
	for i, c := range m.schemas[table].Columns {
		if c.Name == name {
			return i
		}
	}
	panic("no column " + table + "." + name)
}

// hashSink hashes everything it receives, in order.
type hashSink struct {
	h    hash.Hash
	rows int
}

func newHashSink() *hashSink { return &hashSink{h: sha256.New()} }

func (s *hashSink) CreateTable(t model.TableSchema) error {
	fmt.Fprintf(s.h, "table %v\n", t)
	return nil
}

func (s *hashSink) Insert(table string, values []any) error {
	s.rows++
	fmt.Fprintf(s.h, "%s %#v\n", table, values)
	return nil
}

func (s *hashSink) CreateIndexes(table string) error {
	fmt.Fprintf(s.h, "index %s\n", table)
	return nil
}

func (s *hashSink) SetMeta(k, v string) error { fmt.Fprintf(s.h, "meta %s=%s\n", k, v); return nil }

func (s *hashSink) sum() string { return fmt.Sprintf("%x", s.h.Sum(nil)) }

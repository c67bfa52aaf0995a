package sample

import "github.com/pulpero/pulpero/model"

// Sink receives the generated world table by table. store.SampleWriter
// implements it (Go's structural typing keeps sample free of SQL and of store).
//
// The generator calls CreateTable for every table first, then Insert for each
// row of one table after another, CreateIndexes once a table is complete, and
// SetMeta last. Values passed to Insert are int64, float64, string or nil in
// column order; the slice is reused by the caller after Insert returns.
type Sink interface {
	CreateTable(t model.TableSchema) error
	Insert(table string, values []any) error
	CreateIndexes(table string) error
	SetMeta(key, value string) error
}

// Version stamps generated databases (pulpero_meta key "sample_version").
// Bump it whenever the generator's output changes, so cached demo databases
// are rebuilt.
const Version = "1"

// MetaVersionKey is the pulpero_meta key under which Version is stored.
const MetaVersionKey = "sample_version"

// Options choose what to generate.
type Options struct {
	Customers int    // number of customers, at least 1
	Seed      uint64 // same seed and size, same bytes
	// Progress, when set, is called from the generating goroutine as work
	// advances (a few hundred times in all).
	Progress func(Progress)
}

// DefaultCustomers and DefaultSeed describe the built-in demo world.
const (
	DefaultCustomers = 20_000
	DefaultSeed      = 1
)

// MaxCustomers bounds Options.Customers (ids and dates stay far from limits).
const MaxCustomers = 50_000_000

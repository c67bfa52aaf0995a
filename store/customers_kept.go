package store

import "github.com/pulpero/pulpero/model"

// Work derived from the customers and the rest of the database (behaviour
// read from the purchases) can be kept beside the customers' snapshot,
// which the database's fingerprint already guards: the caller's key names
// everything else the work depends on (options, corrections, the day).

// CanKeep reports whether the customers have a snapshot to keep work in.
func (c *Customers) CanKeep() bool {
	if c == nil {
		return false
	}
	c.KeepSnapshot()
	return c.snap != nil
}

// Keep keeps desc (JSON) and cols under key; nothing without a snapshot.
func (c *Customers) Keep(key string, desc []byte, cols []model.Column) error {
	if !c.CanKeep() {
		return nil
	}
	return c.snap.Keep(key, desc, cols)
}

// Kept reads what Keep kept under key; ok is false when nothing is.
func (c *Customers) Kept(key string) (desc []byte, cols []model.Column, ok bool) {
	if !c.CanKeep() {
		return nil, nil, false
	}
	return c.snap.Kept(key)
}

package app

import "github.com/pulpero/pulpero/store"

// DataDir is pulpero's per-user data folder (workspaces of read-only
// databases, the SSH server's host key and audit log); see store.DataDir.
func DataDir() string { return store.DataDir() }

// PrivateDir makes dir (and its parents) a folder only its owner can read,
// and refuses one that belongs to someone else or is a link.
func PrivateDir(dir string) error { return store.PrivateDir(dir) }

package store

import (
	"encoding/json"
	"fmt"

	"github.com/pulpero/pulpero/model/campaign"
)

// CreateManifest writes m to a finished but not yet placed file for path
// (see AtomicFile.Place), so the manifest appears together with its list.
func CreateManifest(path string, m *campaign.Manifest, force bool, protect ...string) (*AtomicFile, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f, err := CreateAtomic(path, force, protect...)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Abort()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Finish(); err != nil {
		f.Abort()
		return nil, err
	}
	return f, nil
}

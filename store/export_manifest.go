package store

import (
	"encoding/json"
	"fmt"

	"github.com/pulpero/pulpero/model/campaign"
)

// WriteManifest writes m atomically to path.
func WriteManifest(path string, m *campaign.Manifest, force bool) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	f, err := CreateAtomic(path, force)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := f.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Commit()
}

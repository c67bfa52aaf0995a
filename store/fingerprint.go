package store

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pulpero/pulpero/model/campaign"
)

// fingerprint reads the database file's fingerprint (see
// campaign.Fingerprint). Read inside a read transaction it names the state
// that transaction sees: writers cannot commit to the main file meanwhile.
func (d *DB) fingerprint() (campaign.Fingerprint, error) {
	var fp campaign.Fingerprint
	f, err := os.Open(d.Path)
	if err != nil {
		return fp, fmt.Errorf("%s: %w", d.Path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fp, fmt.Errorf("%s: %w", d.Path, err)
	}
	head := make([]byte, 100)
	if _, err := io.ReadFull(f, head); err != nil {
		return fp, fmt.Errorf("%s: reading the header: %w", d.Path, err)
	}
	fp.Size, fp.Modified = st.Size(), st.ModTime().UTC().Format(time.RFC3339Nano)
	fp.ChangeCounter = binary.BigEndian.Uint32(head[24:28])
	fp.SchemaCookie = binary.BigEndian.Uint32(head[40:44])
	if wal, err := os.Stat(d.Path + "-wal"); err == nil {
		fp.WALSize = wal.Size()
	}
	return fp, nil
}

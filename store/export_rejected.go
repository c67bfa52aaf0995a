package store

import (
	"bufio"
	"encoding/csv"
	"fmt"

	"github.com/pulpero/pulpero/model"
)

// WriteRejected writes the customers left out of a list, as customer_id and
// reason (no personal data), to a temporary file for path; rows calls emit
// once per customer. The file is returned finished but not placed, so the
// caller places it together with the list.
func WriteRejected(path string, force bool, rows func(emit func(customerID, reason string)), protect ...string) (*AtomicFile, error) {
	f, err := CreateAtomic(path, force, protect...)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	cw := csv.NewWriter(w)
	cw.Write([]string{"customer_id", "reason"})
	rows(func(id, reason string) {
		safe, _ := model.SpreadsheetSafe(id)
		cw.Write([]string{safe, reason})
	})
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Abort()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Abort()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Finish(); err != nil {
		f.Abort()
		return nil, err
	}
	return f, nil
}

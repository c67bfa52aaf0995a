package store

import (
	"bufio"
	"encoding/csv"
	"fmt"

	"github.com/pulpero/pulpero/model"
)

// RejectedHeader is the names of a rejected file's columns.
func RejectedHeader() []string { return []string{"customer_id", "reason"} }

// WriteRejected writes the customers left out of a list, as customer_id and
// reason (no personal data), to a temporary file for path; rows calls emit
// once per customer. The file is returned finished but not placed, so the
// caller places it together with the list.
func WriteRejected(path string, force bool, rows func(emit func(customerID, reason string)), protect ...string) (*AtomicFile, error) {
	return WriteRejectedWithHeader(path, force, RejectedHeader(), rows, protect...)
}

// WriteRejectedWithHeader is WriteRejected with another header line (the
// user's language); the rows are the same.
func WriteRejectedWithHeader(path string, force bool, header []string, rows func(emit func(customerID, reason string)), protect ...string) (*AtomicFile, error) {
	f, err := CreateAtomic(path, force, protect...)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	cw := csv.NewWriter(w)
	cw.Write(header)
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

package main

import (
	"context"
	"errors"
	"io"
)

// demoDatabasePath is replaced by the sample generator's version (issue 3).
func demoDatabasePath(ctx context.Context, progress io.Writer) (string, error) {
	return "", errors.New("the demo database is not available in this build; give the path of a SQLite database")
}

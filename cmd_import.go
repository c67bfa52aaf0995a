package main

import (
	"fmt"
	"io"
)

// runImport is replaced by the importer's version (issue 4).
func runImport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "pulpero: import is not available in this build")
	return exitFail
}

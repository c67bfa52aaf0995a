package main

import (
	"fmt"
	"io"
)

// runSample is replaced by the sample generator's version (issue 3).
func runSample(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "pulpero: sample is not available in this build")
	return exitFail
}

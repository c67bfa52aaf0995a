// Command pulpero is a terminal workstation for customer segmentation: it
// opens a SQLite customer database (or a CSV it imports), shows how every
// attribute is distributed, builds segments with live counts, and exports
// campaign target lists. The command line lives in package cli, the screens
// in ui, and the work both share in app.
package main

import (
	"os"

	"github.com/pulpero/pulpero/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

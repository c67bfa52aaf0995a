package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
)

// runSample implements `pulpero sample --out FILE.db [--customers N] [--seed S] [--force]`:
// it writes a demo shop database of any size, with a progress bar on stderr.
func runSample(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("sample", stderr)
	customers := fs.Int("customers", sample.DefaultCustomers, fmt.Sprintf("number of customers, 1 to %d", sample.MaxCustomers))
	seed := fs.Uint64("seed", sample.DefaultSeed, "random seed: the same seed and size give the same file, byte for byte")
	out := fs.String("out", "", "the SQLite file to write (required)")
	force := fs.Bool("force", false, "overwrite --out if it exists")
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	const usage = "usage: pulpero sample --out FILE.db [--customers N] [--seed S] [--force]"
	switch {
	case err != nil:
		fmt.Fprintln(stderr, usage)
		return exitUsage
	case len(pos) > 0:
		fmt.Fprintf(stderr, "pulpero sample: unexpected argument %q; give the file with --out\n%s\n", pos[0], usage)
		return exitUsage
	case *out == "":
		fmt.Fprintf(stderr, "pulpero sample: --out FILE.db is required\n%s\n", usage)
		return exitUsage
	case *customers < 1 || *customers > sample.MaxCustomers:
		fmt.Fprintf(stderr, "pulpero sample: --customers must be between 1 and %d, not %d\n", sample.MaxCustomers, *customers)
		return exitUsage
	}
	if _, err := os.Stat(*out); err == nil && !*force {
		fmt.Fprintf(stderr, "pulpero sample: %s already exists; use --force to overwrite it\n", *out)
		return exitFail
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	opt := sample.Options{Customers: *customers, Seed: *seed, Progress: sampleProgress(stderr)}
	if err := app.GenerateSample(ctx, *out, opt, *force); err != nil {
		fmt.Fprintf(stderr, "\npulpero sample: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "wrote %s: %d customers, seed %d, in %.1f s\n", *out, *customers, *seed, time.Since(start).Seconds())
	return exitOK
}

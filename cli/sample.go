package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"time"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
)

// runSample implements `pulpero sample --out FILE.db [--customers N] [--seed S] [--force]`:
// it writes a demo shop database of any size, with a progress bar on stderr.
func runSample(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("sample", stderr)
	customers := fs.Int("customers", sample.DefaultCustomers, tr.T("number of customers, 1 to %d", sample.MaxCustomers))
	seed := fs.Uint64("seed", sample.DefaultSeed, tr.T("random seed: the same seed and size give the same file, byte for byte"))
	out := fs.String("out", "", tr.T("the SQLite file to write (required)"))
	force := fs.Bool("force", false, tr.T("overwrite --out if it exists"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	usage := tr.T("usage: pulpero sample --out FILE.db [--customers N] [--seed S] [--force]")
	switch {
	case err != nil:
		fmt.Fprintln(stderr, usage)
		return exitUsage
	case len(pos) > 0:
		fmt.Fprintf(stderr, "%s\n%s\n", tr.T("pulpero sample: unexpected argument %q; give the file with --out", pos[0]), usage)
		return exitUsage
	case *out == "":
		fmt.Fprintf(stderr, "%s\n%s\n", tr.T("pulpero sample: --out FILE.db is required"), usage)
		return exitUsage
	case *customers < 1 || *customers > sample.MaxCustomers:
		fmt.Fprintln(stderr, tr.T("pulpero sample: --customers must be between 1 and %d, not %d", sample.MaxCustomers, *customers))
		return exitUsage
	}
	if _, err := os.Stat(*out); err == nil && !*force {
		fmt.Fprintln(stderr, tr.T("pulpero sample: %s already exists; use --force to overwrite it", *out))
		return exitFail
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	opt := sample.Options{Customers: *customers, Seed: *seed, Progress: sampleProgress(stderr)}
	if err := app.GenerateSample(ctx, *out, opt, *force); err != nil {
		fmt.Fprintf(stderr, "\npulpero sample: %s\n", sayErr(err)) // i18n: the command's name
		return exitFail
	}
	fmt.Fprintln(stdout, tr.T("wrote %s: %d customers, seed %s, in %.1f s", *out, *customers, strconv.FormatUint(*seed, 10), time.Since(start).Seconds()))
	return exitOK
}

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/pulpero/pulpero/app"
)

// runSettings shows this database's settings, shared by everyone who opens
// it, and sets its currency mark.
func runSettings(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("settings", stderr)
	dataDir := fs.String("data-dir", "", tr.T("where workspaces of read-only databases live"))
	currency := fs.String("currency", "", tr.T("how money is marked on screen: a symbol written before the amount ($, US$) or a pattern with # for the amount (\"# €\"); none removes it"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || len(pos) != 1 {
		fmt.Fprintln(stderr, tr.T("usage: pulpero settings DB [--currency SYMBOL|none]"))
		return exitUsage
	}
	ctx := context.Background()
	db, err := app.Open(pos[0], app.OpenOptions{DataDir: *dataDir})
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	defer db.Close()
	setCurrency := false
	fs.Visit(func(f *flag.Flag) { setCurrency = setCurrency || f.Name == "currency" })
	if setCurrency {
		if _, err := db.SetCurrency(ctx, *currency); err != nil {
			fmt.Fprintf(stderr, "pulpero: --currency: %s\n", sayErr(err)) // i18n: the program's and the flag's names
			return exitFail
		}
	}
	cur, err := db.Currency(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	beh, err := db.BehaviourSettings(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	shown := func(s string) string {
		if s == "" {
			return tr.T("(not set)")
		}
		return s
	}
	asOf := ""
	if !beh.AnalysisDate.IsZero() {
		asOf = tr.Date(beh.AnalysisDate)
	}
	example := ""
	if cur != "" {
		example = tr.T("(e.g. %s)", cur.Mark(tr.Number(1234.5, 2)))
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\n", tr.T("currency"), shown(string(cur)), example)
	fmt.Fprintf(tw, "%s\t%s\n", tr.T("analysis date"), shown(asOf))
	fmt.Fprintf(tw, "%s\t%s\n", tr.T("RFM segments table"), shown(beh.Segments))
	fmt.Fprintf(tw, "%s\t%s\n", tr.T("frozen RFM cut-offs"), shown(beh.Frozen))
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "pulpero: %v\n", err)
		return exitFail
	}
	return exitOK
}

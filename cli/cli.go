// Package cli is pulpero's command line: it parses arguments into typed
// requests for app, prints the results as text, CSV or JSON, and sets the
// exit status. It starts the interface (ui) on a database. It holds no SQL
// and no analysis of its own: the work is app's, shared with the screens.
//
//	pulpero                 open the built-in demo database
//	pulpero FILE.db         open a SQLite database
//	pulpero FILE.csv        import a CSV beside itself and open it
//	pulpero describe DB     statistics of every attribute, for scripts
//	pulpero segment ...     count, save and apply segments
//	pulpero export DB ...   a campaign target list
//	pulpero campaign ...    responses to a campaign, and what it caused
//	pulpero help [COMMAND]  list commands, or explain one
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui"
)

// Exit statuses: 0 ok, 1 the work failed, 2 the command line was wrong.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// command is one subcommand; run gets the arguments after its name.
type command struct {
	name, args, summary string
	run                 func(args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order `pulpero help` shows them.
func commands() []command {
	// the arguments are syntax (flags and placeholders, as they are typed),
	// the same in every language; the summaries are said in the run's
	// language.
	return []command{
		// i18n: syntax
		{"open", "[FILE.db|FILE.csv] [--table NAME]", tr.T("open the interface (the default command)"), runOpen},
		// i18n: syntax
		{"describe", "DB [--table T] [--column C] [--format text|csv|json]", tr.T("print every attribute's statistics and distribution"), runDescribe},
		// i18n: syntax
		{"segment", "count|save|list|show|overlap|assign DB ...", tr.T("count, save and apply customer segments"), runSegment},
		// i18n: syntax
		{"export", "DB --segment NAME --channel CH --out FILE ...", tr.T("export a campaign target list that respects consent"), runExport},
		// i18n: syntax
		{"campaign", "list|responses|results DB ...", tr.T("import who responded to a campaign and measure treated against control"), runCampaign},
		// i18n: syntax
		{"roles", "DB [--table NAME] [--set ROLE=COLUMN]...", tr.T("show or correct what each column means"), runRoles},
		// i18n: syntax
		{"rfm", "DB [--as-of D] [--segments 0.3|0.2] [--format text|json|csv] [--customers FILE] | freeze DB NAME", tr.T("recency, frequency and monetary scores and segments from the purchases"), runRFM},
		// i18n: syntax
		{"value", "DB [--as-of D] [--calibration-end D] [--horizon 180d] [--discount 0.01/month] [--format text|json] [--customers FILE]", tr.T("customer value: who is still a customer, expected purchases and clv (BG/NBD, Gamma-Gamma)"), runValue},
		// i18n: syntax
		{"cluster", "DB --features a,b,c [--log a,b] [--k auto|N] [--assign-to NAME] [--save-rules PREFIX] ...", tr.T("let the data propose segments (k-means) and explain them as rules"), runCluster},
		// i18n: syntax
		{"settings", "DB [--currency SYMBOL|none]", tr.T("show this database's settings, and mark its money with a currency"), runSettings},
		// i18n: syntax
		{"import", "FILE --db DB [--table NAME] [--replace] ...", tr.T("import a CSV/TSV file into a SQLite database"), runImport},
		// i18n: syntax
		{"serve", "DB --authorized-keys FILE [--listen :23234] [--host-key PATH] [--exports DIR]", tr.T("serve the interface over SSH to the users of an authorized_keys file"), runServe},
		// i18n: syntax
		{"sample", "--out FILE.db [--customers N] [--seed S] [--force]", tr.T("generate a demo shop database"), runSample},
		{"version", "", tr.T("print the version"), runVersion},
		// i18n: syntax
		{"help", "[COMMAND]", tr.T("list commands, or explain one"), nil},
	}
}

// Run runs the command line args (without the program's name) and returns
// the exit status: 0 ok, 1 the work failed, 2 the command line was wrong.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	args, err := chooseLanguage(args)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitUsage
	}
	return run(args, printableWriter{stdout}, printableWriter{stderr})
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runOpen(nil, stdout, stderr)
	}
	switch args[0] {
	case "-h", "--help", "help":
		return runHelp(args[1:], stdout, stderr)
	case "-v", "--version":
		return runVersion(nil, stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == args[0] && c.run != nil {
			return c.run(args[1:], stdout, stderr)
		}
	}
	if strings.HasPrefix(args[0], "-") || looksLikePath(args[0]) {
		return runOpen(args, stdout, stderr)
	}
	fmt.Fprintln(stderr, tr.T("pulpero: unknown command or missing file %q; run `pulpero help` for the commands", args[0]))
	return exitUsage
}

func looksLikePath(s string) bool {
	if strings.ContainsAny(s, `/\.`) {
		return true
	}
	_, err := os.Stat(s)
	return err == nil
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		for _, c := range commands() {
			if c.name == args[0] && c.run != nil {
				fmt.Fprintf(stdout, "pulpero %s %s\n\n%s.\n\n", c.name, syntax(c.args), capitalize(c.summary))
				c.run([]string{"--help"}, stdout, stdout)
				return exitOK
			}
		}
		fmt.Fprintln(stderr, tr.T("pulpero: no command %q; run `pulpero help` for the commands", args[0]))
		return exitUsage
	}
	fmt.Fprintln(stdout, tr.T("pulpero: a terminal workstation for customer segmentation."))
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, tr.T("Usage:\n  pulpero [FILE.db|FILE.csv] [--table NAME]   open the interface (no file: the demo database)\n  pulpero COMMAND [ARGS]"))
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, tr.T("Commands:"))
	for _, c := range commands() {
		fmt.Fprintf(stdout, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, tr.T("Run `pulpero help COMMAND` for a command's arguments."))
	fmt.Fprintln(stdout, tr.T("Language: --lang es|en (Spanish or English), anywhere on the command line."))
	return exitOK
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func runVersion(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintf(stdout, "pulpero %s\n", app.Version)
	return exitOK
}

// newFlags makes a flag set that reports errors in one line and lets the
// caller choose the exit status.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("pulpero "+name, flag.ContinueOnError)
	fs.SetOutput(hintDash{stderr})
	// The flag package prints its error line and then the whole flag list;
	// keep the one line (the command adds its usage line) and list the flags
	// only when asked with --help.
	fs.Usage = func() {}
	return fs
}

// parseInterleaved parses flags that may come before or after positional
// arguments (`pulpero roles DB --table t` and `pulpero roles --table t DB`).
//
// Everything after a "--" is positional, so a segment name or rule that
// starts with "-" can be given: `pulpero segment save DB -- -vip 'age < 30'`.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos, rest []string
	for i, a := range args {
		if a == "--" {
			args, rest = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printDefaults(fs)
			}
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, rest...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func runOpen(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("open", stderr)
	table := fs.String("table", "", tr.T("the customer table (default: detected)"))
	dataDir := fs.String("data-dir", "", tr.T("where workspaces of read-only databases live (default: the user data directory)"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || len(pos) > 1 {
		fmt.Fprintln(stderr, tr.T("usage: pulpero [FILE.db|FILE.csv] [--table NAME] [--lang es|en]"))
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var path string
	switch {
	case len(pos) == 0:
		path, err = demoDatabasePath(ctx, stderr)
	case isCSV(pos[0]):
		path, err = databaseForCSV(ctx, pos[0], stderr)
	default:
		path = pos[0]
	}
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	db, err := app.Open(path, app.OpenOptions{DataDir: *dataDir})
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	defer db.Close()
	m := ui.New(ui.Options{DB: db, Table: *table, AsOf: time.Now().UTC(), IsDark: true, Locale: tr})
	if _, err := tea.NewProgram(m, tea.WithContext(ctx)).Run(); err != nil && !errors.Is(err, tea.ErrInterrupted) && ctx.Err() == nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	return exitOK
}

func isCSV(path string) bool {
	p := strings.TrimSuffix(strings.ToLower(path), ".gz")
	switch filepath.Ext(p) {
	case ".csv", ".tsv", ".txt":
		return true
	}
	return false
}

// hintDash adds to the flag package's "flag provided but not defined" line
// how to give a value that starts with "-", and says the flag package's
// complaints in the run's language.
type hintDash struct{ w io.Writer }

func (h hintDash) Write(b []byte) (int, error) {
	if _, err := io.WriteString(h.w, flagComplaint(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}

// flagComplaint is a line the flag package wrote, in the run's language.
func flagComplaint(s string) string {
	line := strings.TrimSuffix(s, "\n")
	// i18n: the flag package's English lines, matched to say them in the run's language
	if f, ok := strings.CutPrefix(line, "flag provided but not defined: "); ok {
		return tr.T("flag provided but not defined: %s (a name or rule that starts with - goes after --)", f) + "\n"
	}
	// i18n: the flag package's English
	if f, ok := strings.CutPrefix(line, "flag needs an argument: "); ok {
		return tr.T("flag needs an argument: %s", f) + "\n"
	}
	if m := invalidFlag.FindStringSubmatch(line); m != nil {
		return tr.T("invalid value %s for flag %s: %s", m[1], m[2], tr.Lookup(m[3])) + "\n" // parse error, value out of range
	}
	return s
}

// invalidFlag is the flag package's line for a value it cannot read.
// i18n: the flag package's English
var invalidFlag = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for flag (-\S+): (.*)$`)

// printDefaults lists a command's flags (flag.PrintDefaults), saying
// "(default X)" in the run's language.
func printDefaults(fs *flag.FlagSet) {
	var b strings.Builder
	out := fs.Output()
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(out)
	io.WriteString(out, strings.ReplaceAll(b.String(), " (default ", " ("+tr.Lookup("default")+" "))
}

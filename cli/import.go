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
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pulpero/pulpero/app"
)

// runImport is `pulpero import`: one file into a table of a database,
// then a summary of the columns.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", stderr)
	db := fs.String("db", "", tr.T("the SQLite database to write (created if missing)"))
	table := fs.String("table", "", tr.T("the table to write (default: from the file name)"))
	replace := fs.Bool("replace", false, tr.T("replace the table if it exists"))
	delim := fs.String("delimiter", "", tr.T("field delimiter: , ; tab | or space (default: detected)"))
	noHeader := fs.Bool("no-header", false, tr.T("the first line is data, not column names"))
	header := fs.Bool("header", false, tr.T("the first line is column names"))
	encoding := fs.String("encoding", "", tr.T("utf-8, latin-1 or windows-1252 (default: detected)"))
	decimal := fs.String("decimal", "", tr.T("decimal mark, , or . (default: detected)"))
	skipBad := fs.Bool("skip-bad", false, tr.T("write bad lines to FILE.rejects.csv and go on"))
	key := fs.String("key", "", tr.T("the customer id column (default: one named like customer_id)"))
	sample := fs.Int("sample", 0, tr.T("decide column types from the first N rows (default: all)"))
	lenient := fs.Bool("lenient", false, tr.T("read a quote that is never closed as a plain character (with a warning) instead of stopping"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || len(pos) != 1 || *db == "" {
		fmt.Fprintln(stderr, tr.T("usage: pulpero import FILE --db DB [--table NAME] [--replace] [--delimiter X] [--header|--no-header] [--encoding E] [--decimal ,|.] [--skip-bad] [--key COL] [--sample N]"))
		return exitUsage
	}
	opt := app.ImportOptions{Table: *table, Replace: *replace, Encoding: *encoding, SkipBad: *skipBad,
		Key: *key, SampleRows: *sample, Lenient: *lenient}
	if opt.Delimiter, err = parseDelimiter(*delim); err == nil {
		opt.Decimal, err = parseDecimal(*decimal)
	}
	if err == nil && *header && *noHeader {
		err = errors.New(tr.T("--header and --no-header together"))
	}
	if err == nil && *sample < 0 {
		err = errors.New(tr.T("--sample must be 0 or more"))
	}
	if err != nil {
		fmt.Fprintf(stderr, "pulpero import: %s\n", sayErr(err)) // i18n: the command's name
		return exitUsage
	}
	switch {
	case *header:
		opt.Header = app.HeaderYes
	case *noHeader:
		opt.Header = app.HeaderNo
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	_, statErr := os.Stat(*db)
	bar := newProgressBar(stderr, filepath.Base(pos[0]))
	opt.Progress = bar.update
	res, err := app.ImportCSV(ctx, *db, pos[0], opt)
	bar.clear()
	switch {
	case err != nil && ctx.Err() != nil && statErr != nil:
		fmt.Fprintln(stderr, tr.T("pulpero: import cancelled; %s was not created", *db))
		return exitFail
	case err != nil && ctx.Err() != nil:
		fmt.Fprintln(stderr, tr.T("pulpero: import cancelled; %s is as it was", *db))
		return exitFail
	case errors.Is(err, app.ErrImportOption):
		fmt.Fprintf(stderr, "pulpero import: %s\n", sayErr(err)) // i18n: the command's name
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	writeImportSummary(stdout, pos[0], res)
	return exitOK
}

func parseDelimiter(s string) (rune, error) {
	switch strings.ToLower(s) {
	case "":
		return 0, nil
	case ",", "comma":
		return ',', nil
	case ";", "semicolon":
		return ';', nil
	case "\t", `\t`, "tab":
		return '\t', nil
	case "|", "pipe":
		return '|', nil
	case " ", "space", "spaces":
		return app.SpaceRuns, nil
	}
	return 0, errors.New(tr.T("--delimiter %q: use , ; tab | or space", s))
}

func parseDecimal(s string) (rune, error) {
	switch strings.ToLower(s) {
	case "":
		return 0, nil
	case ",", "comma":
		return ',', nil
	case ".", "point", "dot":
		return '.', nil
	}
	return 0, errors.New(tr.T("--decimal %q: use , or .", s))
}

// writeImportSummary prints what was stored: the table, the dialect, the
// key and its links, rejects, and one line per column, in the run's
// language (column names, SQL types and examples are the data's).
func writeImportSummary(w io.Writer, csvPath string, res *app.ImportResult) {
	d := res.Dialect
	header := tr.T("header")
	if !d.Header {
		header = tr.T("no header")
	}
	fmt.Fprintln(w, tr.T("Imported %s into %s, table %q: %d rows in %.1f s", filepath.Base(csvPath), res.Database,
		res.Table, res.Rows, res.Elapsed.Seconds()))
	sep := app.DelimiterName(d.Delimiter)
	if len(sep) == 1 {
		sep = "'" + sep + "'"
	} else {
		sep = tr.Lookup(sep) // tab, spaces
	}
	mark := tr.Lookup("point")
	if d.Decimal == ',' {
		mark = tr.Lookup("comma")
	}
	bom := ""
	if d.BOM {
		bom = " " + tr.T("with BOM")
	}
	gz := ""
	if d.Gzip {
		gz = ", " + tr.T("gzip-compressed")
	}
	lines := ""
	if d.LineEnd == "cr" {
		lines = ", " + tr.T("old Mac line ends (CR)")
	}
	fmt.Fprintln(w, tr.T("Read as: %s-separated, %s, %s%s, decimal %s%s%s", sep, header, d.Encoding, bom, mark, gz, lines))
	if d.EncodingNote != "" {
		fmt.Fprintln(w, tr.T("Encoding: %s", said(d.EncodingSentence, d.EncodingNote)))
	}
	for _, warn := range res.Warnings {
		fmt.Fprintln(w, tr.T("Warning: %s", said(warn.Sentence, warn.Text)))
	}
	if res.Key != "" {
		var links []string
		for _, l := range res.Links {
			links = append(links, fmt.Sprintf("%s.%q", l.Table, l.Column))
		}
		if len(links) == 0 {
			fmt.Fprintln(w, tr.T("Key: %q (indexed)", res.Key))
		} else {
			fmt.Fprintln(w, tr.T("Key: %q (indexed); joins %s", res.Key, strings.Join(links, ", ")))
		}
	}
	if res.Rejected > 0 {
		fmt.Fprintln(w, tr.T("Rejected: %d lines, written to %s", res.Rejected, res.RejectsFile))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("COLUMN\tALIAS\tTYPE\tKIND\tNULLS\tEXAMPLES\tNOTE"))
	for _, c := range res.Columns {
		kind := tr.Lookup(c.Kind.String())
		if c.Key {
			kind += " " + tr.T("(key)")
		}
		ex := make([]string, len(c.Examples))
		for i, e := range c.Examples {
			ex[i] = clip(e, 24)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", clip(c.Name, 32), c.Alias, c.SQLType, kind, tr.Int(int(c.Nulls)),
			strings.Join(ex, ", "), said(c.NoteSentence, c.Note))
	}
	tw.Flush()
}

// clip shortens s to n runes, on one line.
func clip(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// thousands writes n with comma thousands separators, whatever the
// language (text for people in the run's language uses tr.Int).
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// progressBar draws an import's progress on one terminal line, once the
// import has taken more than a moment; on anything but a terminal it
// stays silent.
type progressBar struct {
	w          io.Writer
	name       string
	tty        bool
	drawn      bool
	phase      app.ImportPhase
	phaseStart time.Duration
}

func newProgressBar(w io.Writer, name string) *progressBar {
	// the bar draws with \r and an erase sequence of its own, on a terminal only
	return &progressBar{w: rawOf(w), name: name, tty: isTerminal(w)}
}

func (b *progressBar) update(p app.ImportProgress) {
	if p.Phase != b.phase {
		b.phase, b.phaseStart = p.Phase, p.Elapsed
	}
	if !b.tty || p.Elapsed < 700*time.Millisecond {
		return
	}
	fmt.Fprintf(b.w, "\r%s\x1b[K", progressLine(b.name, p, p.Elapsed-b.phaseStart))
	b.drawn = true
}

func (b *progressBar) clear() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\x1b[K")
		b.drawn = false
	}
}

// progressLine renders one progress report: the first pass counts for a
// fifth of the work, writing for the rest; rate and ETA follow from that.
func progressLine(name string, p app.ImportProgress, inPhase time.Duration) string {
	var done float64
	label := tr.Lookup("reading")
	switch p.Phase {
	case app.PhaseScan:
		label = tr.Lookup("scanning")
	case app.PhaseTypes:
		done = 0.2 * p.Fraction()
	case app.PhaseInsert:
		label, done = tr.Lookup("writing"), 0.2+0.75*p.Fraction()
	case app.PhaseIndex:
		label, done = tr.Lookup("indexing"), 0.95
	}
	const width = 10
	filled := int(done * width)
	bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
	line := tr.T("%s %s %s %3.0f%% %d rows %.0f/%.0f MB", label, clip(name, 16), bar, 100*done,
		p.Rows, float64(p.Bytes)/1e6, float64(p.TotalBytes)/1e6)
	if s := inPhase.Seconds(); s > 0 && p.Rows > 0 {
		line += " " + tr.T("%d rows/s", int64(float64(p.Rows)/s))
	}
	if done > 0.02 {
		eta := time.Duration(float64(p.Elapsed) * (1 - done) / done).Round(time.Second)
		line += " " + tr.T("ETA %s", eta.String())
	}
	return clip(line, 79) // one line of an 80-column terminal, so \r can redraw it
}

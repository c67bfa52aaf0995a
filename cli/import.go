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

const importUsage = "usage: pulpero import FILE --db DB [--table NAME] [--replace] [--delimiter X] [--header|--no-header] [--encoding E] [--decimal ,|.] [--skip-bad] [--key COL] [--sample N]"

// runImport is `pulpero import`: one file into a table of a database,
// then a summary of the columns.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", stderr)
	db := fs.String("db", "", "the SQLite database to write (created if missing)")
	table := fs.String("table", "", "the table to write (default: from the file name)")
	replace := fs.Bool("replace", false, "replace the table if it exists")
	delim := fs.String("delimiter", "", "field delimiter: , ; tab | or space (default: detected)")
	noHeader := fs.Bool("no-header", false, "the first line is data, not column names")
	header := fs.Bool("header", false, "the first line is column names")
	encoding := fs.String("encoding", "", "utf-8, latin-1 or windows-1252 (default: detected)")
	decimal := fs.String("decimal", "", "decimal mark, , or . (default: detected)")
	skipBad := fs.Bool("skip-bad", false, "write bad lines to FILE.rejects.csv and go on")
	key := fs.String("key", "", "the customer id column (default: one named like customer_id)")
	sample := fs.Int("sample", 0, "decide column types from the first N rows (default: all)")
	lenient := fs.Bool("lenient", false, "read a quote that is never closed as a plain character (with a warning) instead of stopping")
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || len(pos) != 1 || *db == "" {
		fmt.Fprintln(stderr, importUsage)
		return exitUsage
	}
	opt := app.ImportOptions{Table: *table, Replace: *replace, Encoding: *encoding, SkipBad: *skipBad,
		Key: *key, SampleRows: *sample, Lenient: *lenient}
	if opt.Delimiter, err = parseDelimiter(*delim); err == nil {
		opt.Decimal, err = parseDecimal(*decimal)
	}
	if err == nil && *header && *noHeader {
		err = errors.New("--header and --no-header together")
	}
	if err == nil && *sample < 0 {
		err = errors.New("--sample must be 0 or more")
	}
	if err != nil {
		fmt.Fprintf(stderr, "pulpero import: %v\n", err)
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
		fmt.Fprintf(stderr, "pulpero: import cancelled; %s was not created\n", *db)
		return exitFail
	case err != nil && ctx.Err() != nil:
		fmt.Fprintf(stderr, "pulpero: import cancelled; %s is as it was\n", *db)
		return exitFail
	case errors.Is(err, app.ErrImportOption):
		fmt.Fprintf(stderr, "pulpero import: %v\n", err)
		return exitUsage
	case err != nil:
		fmt.Fprintf(stderr, "pulpero: %v\n", err)
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
	return 0, fmt.Errorf("--delimiter %q: use , ; tab | or space", s)
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
	return 0, fmt.Errorf("--decimal %q: use , or .", s)
}

// writeImportSummary prints what was stored: the table, the dialect, the
// key and its links, rejects, and one line per column.
func writeImportSummary(w io.Writer, csvPath string, res *app.ImportResult) {
	d := res.Dialect
	header := "header"
	if !d.Header {
		header = "no header"
	}
	fmt.Fprintf(w, "Imported %s into %s, table %q: %s rows in %.1f s\n", filepath.Base(csvPath), res.Database,
		res.Table, thousands(res.Rows), res.Elapsed.Seconds())
	sep := app.DelimiterName(d.Delimiter)
	if len(sep) == 1 {
		sep = "'" + sep + "'"
	}
	mark := "point"
	if d.Decimal == ',' {
		mark = "comma"
	}
	bom := ""
	if d.BOM {
		bom = " with BOM"
	}
	gz := ""
	if d.Gzip {
		gz = ", gzip-compressed"
	}
	lines := ""
	if d.LineEnd == "cr" {
		lines = ", old Mac line ends (CR)"
	}
	fmt.Fprintf(w, "Read as: %s-separated, %s, %s%s, decimal %s%s%s\n", sep, header, d.Encoding, bom, mark, gz, lines)
	if d.EncodingNote != "" {
		fmt.Fprintf(w, "Encoding: %s\n", d.EncodingNote)
	}
	for _, warn := range res.Warnings {
		fmt.Fprintf(w, "Warning: %s\n", warn.Text)
	}
	if res.Key != "" {
		fmt.Fprintf(w, "Key: %q (indexed)", res.Key)
		for i, l := range res.Links {
			sep := ", "
			if i == 0 {
				sep = "; joins "
			}
			fmt.Fprintf(w, "%s%s.%q", sep, l.Table, l.Column)
		}
		fmt.Fprintln(w)
	}
	if res.Rejected > 0 {
		fmt.Fprintf(w, "Rejected: %s lines, written to %s\n", thousands(res.Rejected), res.RejectsFile)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "COLUMN\tALIAS\tTYPE\tKIND\tNULLS\tEXAMPLES\tNOTE")
	for _, c := range res.Columns {
		kind := c.Kind.String()
		if c.Key {
			kind += " (key)"
		}
		ex := make([]string, len(c.Examples))
		for i, e := range c.Examples {
			ex[i] = clip(e, 24)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", clip(c.Name, 32), c.Alias, c.SQLType, kind, thousands(c.Nulls),
			strings.Join(ex, ", "), c.Note)
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

// thousands writes n with comma thousands separators.
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
	label := "reading"
	switch p.Phase {
	case app.PhaseScan:
		label = "scanning"
	case app.PhaseTypes:
		done = 0.2 * p.Fraction()
	case app.PhaseInsert:
		label, done = "writing", 0.2+0.75*p.Fraction()
	case app.PhaseIndex:
		label, done = "indexing", 0.95
	}
	const width = 10
	filled := int(done * width)
	bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
	line := fmt.Sprintf("%s %s %s %3.0f%% %s rows %.0f/%.0f MB", label, clip(name, 16), bar, 100*done,
		thousands(p.Rows), float64(p.Bytes)/1e6, float64(p.TotalBytes)/1e6)
	if s := inPhase.Seconds(); s > 0 && p.Rows > 0 {
		line += fmt.Sprintf(" %s rows/s", thousands(int64(float64(p.Rows)/s)))
	}
	if done > 0.02 {
		eta := time.Duration(float64(p.Elapsed) * (1 - done) / done).Round(time.Second)
		line += " ETA " + eta.String()
	}
	return clip(line, 79) // one line of an 80-column terminal, so \r can redraw it
}

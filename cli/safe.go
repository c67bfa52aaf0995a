package cli

import (
	"io"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// safeRow neutralises the cells of a CSV row that a spreadsheet would run
// as formulas (a category named "=HYPERLINK(...)"): see model.SpreadsheetSafe.
func safeRow(row []string) []string {
	out := make([]string, len(row))
	for i, c := range row {
		out[i], _ = model.SpreadsheetSafe(c)
	}
	return out
}

func safeRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = safeRow(r)
	}
	return out
}

// printableWriter writes what the command line prints with every control
// character from the data shown as \xNN (model.Printable) but for the line
// breaks that end its own lines: a segment, column or file name holding an
// escape sequence cannot take over the user's terminal. Progress bars,
// which draw with \r and an erase sequence of their own, write to raw.
type printableWriter struct {
	raw io.Writer
}

func (p printableWriter) Write(b []byte) (int, error) {
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		lines[i] = model.Printable(l)
	}
	if _, err := io.WriteString(p.raw, strings.Join(lines, "\n")); err != nil {
		return 0, err
	}
	return len(b), nil
}

// rawOf is the terminal behind a printableWriter, for progress bars.
func rawOf(w io.Writer) io.Writer {
	if p, ok := w.(printableWriter); ok {
		return p.raw
	}
	return w
}

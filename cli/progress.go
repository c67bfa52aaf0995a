package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pulpero/pulpero/sample"
)

// isTerminal reports whether w is a terminal (through a printableWriter).
func isTerminal(w io.Writer) bool {
	f, ok := rawOf(w).(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// sampleProgress reports a generation's progress: a bar redrawn in place on
// a terminal, one line per stage anywhere else (a pipe, a log file), so
// `pulpero sample ... 2>&1 | tail` does not fill with carriage returns.
func sampleProgress(w io.Writer) func(sample.Progress) {
	if w == nil {
		return nil
	}
	if isTerminal(w) {
		return sample.TextBar(rawOf(w))
	}
	last, done := "", false
	return func(p sample.Progress) {
		switch {
		case p.Fraction >= 1 && !done:
			done = true
			fmt.Fprintln(w, tr.T("pulpero: %d%% done", 100))
		case p.Phase != last && p.Fraction < 1:
			last = p.Phase
			fmt.Fprintf(w, "pulpero: %s\n", tr.T("%3.0f%% %s", 100*p.Fraction, samplePhase(p.Phase)))
		}
	}
}

// samplePhase is a generation's stage in the run's language: the tables
// it writes keep their names ("customers", "invoices").
func samplePhase(phase string) string {
	if table, ok := strings.CutPrefix(phase, "indexing "); ok {
		return tr.T("indexing %s", table)
	}
	return phase
}

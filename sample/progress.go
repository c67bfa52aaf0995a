package sample

import (
	"fmt"
	"io"
	"strings"
)

// Progress reports how far generation has come.
type Progress struct {
	Phase    string  // what is being written: "customers", "invoice lines", "indexes", ...
	Done     int     // customers handled in this phase
	Total    int     // customers in this phase (0 for phases not counted in customers)
	Fraction float64 // of the whole job, 0..1
}

// TextBar returns a Progress callback that redraws a one-line plain-text bar
// on w, e.g. "\r[#####.....]  45%  customers 9000/20000". It ends the line
// when the job reaches 100%. A nil w gives a nil callback.
func TextBar(w io.Writer) func(Progress) {
	if w == nil {
		return nil
	}
	const width = 30
	last := ""
	return func(p Progress) {
		f := clamp(p.Fraction, 0, 1)
		n := int(f * width)
		line := fmt.Sprintf("\r[%s%s] %3d%%  %s", strings.Repeat("#", n), strings.Repeat(".", width-n), int(f*100), p.Phase)
		if p.Total > 0 {
			line += fmt.Sprintf(" %d/%d", p.Done, p.Total)
		}
		if line == last {
			return
		}
		// Pad so a shorter line fully covers the previous one.
		if pad := len(last) - len(line); pad > 0 {
			line += strings.Repeat(" ", pad)
		}
		last = strings.TrimRight(line, " ")
		if f >= 1 {
			line += "\n"
		}
		io.WriteString(w, line)
	}
}

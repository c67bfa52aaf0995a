package importer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

func (m *Model) View() string {
	st := m.common.Styles
	switch m.state {
	case previewing:
		return m.previewView()
	case importing:
		p := m.progress
		return fmt.Sprintf("\n  %s %s\n\n  %s: %s rows, %.1f%%\n\n  %s", st.Title.Render("Importing"),
			model.Printable(filepath.Base(m.file)), p.Phase, common.Int(int(p.Rows)), 100*p.Fraction(), st.Subtle.Render("esc cancels; the database is left as it was"))
	case finished:
		return m.resultView()
	}
	return m.listView()
}

// listRows is how many entries fit under the title and the folder.
func (m *Model) listRows() int { return max(1, m.height-2) }

// scroll keeps the cursor in the window.
func (m *Model) scroll() {
	rows := m.listRows()
	if m.cursor < m.top {
		m.top = m.cursor
	} else if m.cursor >= m.top+rows {
		m.top = m.cursor - rows + 1
	}
	m.top = max(0, min(m.top, len(m.entries)-rows))
}

func (m *Model) dbName() string {
	if m.common.Session == nil || m.common.Session.DB == nil {
		return "the database"
	}
	return model.Printable(m.common.Session.DB.Name())
}

// shortPath writes a folder for the title line: the home folder as ~, and
// a path too long for width cut at its start, where it matters least.
func shortPath(dir string, width int) string {
	if home, err := os.UserHomeDir(); err == nil && home != "" && (dir == home || strings.HasPrefix(dir, home+string(filepath.Separator))) {
		dir = "~" + dir[len(home):]
	}
	r := []rune(model.Printable(dir))
	if width > 1 && len(r) > width {
		return "…" + string(r[len(r)-width+1:])
	}
	return string(r)
}

func (m *Model) listView() string {
	st := m.common.Styles
	w := max(20, m.width)
	lines := []string{
		st.Title.Render(common.Truncate(fmt.Sprintf(msgTitle, m.dbName()), w)),
		st.Subtle.Render(shortPath(m.dir, w)),
	}
	if m.listErr != nil {
		return strings.Join(append(lines, "", st.Error.Render(common.Wrap(m.listErr.Error(), w-2, " "))), "\n")
	}
	files := 0
	for _, e := range m.entries {
		if !e.dir {
			files++
		}
	}
	for i := m.top; i < min(len(m.entries), m.top+m.listRows()); i++ {
		e := m.entries[i]
		name, size := model.Printable(e.name), ""
		if e.dir {
			name += "/"
		} else {
			size = humanSize(e.size)
		}
		line := "  " + common.Pad(name, max(8, w-12)) + " " + common.PadLeft(size, 8)
		if i == m.cursor {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	if files == 0 && len(lines) < m.height {
		lines = append(lines, st.Subtle.Render(" "+common.Wrap(msgNoFiles, w-2, " ")))
	}
	return strings.Join(lines, "\n")
}

// previewView shows the trial import: how the file reads, what the table
// would hold, what to look out for, and the keys to import or go back.
func (m *Model) previewView() string {
	st := m.common.Styles
	w := max(20, m.width)
	name := model.Printable(filepath.Base(m.file))
	switch {
	case m.err != nil:
		return "\n " + st.Error.Render(msgNotRead) + " " + name + "\n\n " + common.Wrap(m.err.Error(), w-2, " ") +
			"\n\n " + st.Subtle.Render(fmt.Sprintf(msgEscBack, m.dbName()))
	case m.preview == nil:
		p := m.progress
		out := "\n " + common.Wrap(fmt.Sprintf(msgReading, name), w-2, " ")
		if p.Phase != "" {
			out += "\n\n " + fmt.Sprintf(msgReadingPhase, p.Phase, common.Int(int(p.Rows)), 100*p.Fraction())
		}
		return out + "\n\n " + st.Subtle.Render(fmt.Sprintf(msgEscBack, m.dbName()))
	}
	r := m.preview
	var top []string
	wrap := func(s string) []string { return strings.Split(common.Wrap(s, w-2, "   "), "\n") }
	top = append(top, st.Title.Render(common.Truncate(fmt.Sprintf(msgPreviewHead, name, r.Table, m.dbName()), w-1)))
	for _, l := range wrap(msgReadAs + ": " + dialect(r)) {
		top = append(top, " "+l)
	}
	if note := r.Dialect.EncodingNote; note != "" {
		for _, l := range wrap(note) {
			top = append(top, " "+st.Subtle.Render(l))
		}
	}
	top = append(top, " "+fmt.Sprintf(msgRowsCols, common.Int(int(r.Rows)), len(r.Columns)))
	var bottom []string
	for _, wn := range r.Warnings {
		for _, l := range wrap(msgWarning + wn.Text) {
			bottom = append(bottom, " "+st.Warn.Render(l))
		}
	}
	if m.exists {
		for _, l := range wrap(m.existsText()) {
			bottom = append(bottom, " "+st.Error.Render(l))
		}
	} else {
		bottom = append(bottom, " "+st.Good.Render(common.Truncate(fmt.Sprintf(msgConfirm, m.dbName()), w-2)))
	}
	// the columns take what is left, the last line saying how many are not shown
	room := max(1, m.height-len(top)-len(bottom))
	var cols []string
	for i, c := range r.Columns {
		if i == room-1 && len(r.Columns) > room {
			cols = append(cols, st.Subtle.Render("   "+fmt.Sprintf(msgMoreColumns, len(r.Columns)-i)))
			break
		}
		nameW := min(24, max(10, w/3))
		line := "   " + common.Pad(model.Printable(c.Name), nameW) + " " + common.Pad(c.Kind.String(), 11)
		if note := model.Printable(c.Note); note != "" && w-nameW-16 > 8 {
			line += " " + st.Subtle.Render(common.Truncate(note, w-nameW-17))
		}
		cols = append(cols, line)
	}
	lines := append(append(top, cols...), bottom...)
	if len(lines) > m.height && m.height > 0 {
		lines = append(lines[:max(0, m.height-len(bottom))], bottom...)
	}
	return strings.Join(lines, "\n")
}

// existsText says the table is taken and what to do.
func (m *Model) existsText() string {
	t := ""
	if m.preview != nil {
		t = m.preview.Table
	}
	return fmt.Sprintf(msgExists, m.dbName(), t, model.Printable(m.file), model.Printable(m.common.Session.DB.Path()))
}

// dialect says how a file was read, in a line.
func dialect(r *app.ImportResult) string {
	d := r.Dialect
	parts := []string{"delimiter " + quoteDelim(d.Delimiter)}
	if d.Header {
		parts = append(parts, "a header line")
	} else {
		parts = append(parts, "no header line")
	}
	enc := d.Encoding
	if d.BOM {
		enc += " with BOM"
	}
	parts = append(parts, enc, fmt.Sprintf("decimal %q", string(d.Decimal)))
	if d.LineEnd != "" {
		parts = append(parts, "line ends "+strings.ToUpper(d.LineEnd))
	}
	if d.Gzip {
		parts = append(parts, "gzip")
	}
	return strings.Join(parts, " · ")
}

func quoteDelim(r rune) string {
	if name := app.DelimiterName(r); len([]rune(name)) > 1 {
		return name
	}
	return fmt.Sprintf("%q", string(r))
}

func (m *Model) resultView() string {
	st := m.common.Styles
	if m.err != nil {
		msg := m.err.Error()
		if errors.Is(m.err, context.Canceled) {
			msg = "cancelled: the database is as it was"
		} else if errors.Is(m.err, app.ErrImportTableExists) {
			msg += fmt.Sprintf("; to replace it run: pulpero import %s --db %s --replace", m.file, m.common.Session.DB.Path())
		}
		return "\n  " + st.Error.Render("Not imported") + "\n\n  " + common.Wrap(msg, max(20, m.width-4), "  ") +
			"\n\n  " + st.Subtle.Render("n: choose another file")
	}
	r := m.result
	var b strings.Builder
	fmt.Fprintf(&b, "\n  %s %s rows into table %q", st.Good.Render("Imported"), common.Int(int(r.Rows)), r.Table)
	if r.Rejected > 0 {
		fmt.Fprintf(&b, " (%s rejected, see %s)", common.Int(int(r.Rejected)), r.RejectsFile)
	}
	b.WriteString("\n\n")
	for i, c := range r.Columns {
		if i >= max(1, m.height-8) {
			fmt.Fprintf(&b, "  … and %d more columns\n", len(r.Columns)-i)
			break
		}
		fmt.Fprintf(&b, "  %s %s %s\n", common.Pad(c.Name, 24), common.Pad(c.Kind.String(), 12), st.Subtle.Render(common.Truncate(c.Note, max(10, m.width-42))))
	}
	b.WriteString("\n  " + st.Subtle.Render(common.Wrap("L reloads the data; the new table is in the database for pulpero and any SQLite tool", max(20, m.width-4), "  ")))
	return b.String()
}

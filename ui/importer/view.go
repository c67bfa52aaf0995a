package importer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
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
		return "\n  " + st.Title.Render(m.common.T(msgImporting)) + " " + model.Printable(filepath.Base(m.file)) +
			"\n\n  " + m.common.T(msgReadingPhase, m.phase(p.Phase), m.common.Int(int(p.Rows)), 100*p.Fraction()) +
			"\n\n  " + st.Subtle.Render(common.Wrap(m.common.T(msgImportCancels), max(20, m.width-4), "  "))
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
		return m.common.T(msgTheDatabase)
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
		st.Title.Render(common.Truncate(m.common.T(msgTitle, m.dbName()), w)),
		st.Subtle.Render(shortPath(m.dir, w)),
	}
	if m.listErr != nil {
		return strings.Join(append(lines, "", st.Error.Render(common.Wrap(m.common.T(msgReadFolder, m.common.Locale.Error(m.listErr)), w-2, " "))), "\n")
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
			size = humanSize(e.size, m.loc())
		}
		line := "  " + common.Pad(name, max(8, w-12)) + " " + common.PadLeft(size, 8)
		if i == m.cursor {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	if files == 0 && len(lines) < m.height {
		lines = append(lines, st.Subtle.Render(" "+common.Wrap(m.common.T(msgNoFiles), w-2, " ")))
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
		return "\n " + st.Error.Render(m.common.T(msgNotRead)) + " " + name + "\n\n " + common.Wrap(m.errText(m.err), w-2, " ") +
			"\n\n " + st.Subtle.Render(common.Wrap(m.common.T(msgEscBack, m.dbName()), w-2, " "))
	case m.preview == nil:
		p := m.progress
		out := "\n " + common.Wrap(m.common.T(msgReading, name), w-2, " ")
		if p.Phase != "" {
			out += "\n\n " + m.common.T(msgReadingPhase, m.phase(p.Phase), m.common.Int(int(p.Rows)), 100*p.Fraction())
		}
		return out + "\n\n " + st.Subtle.Render(common.Wrap(m.common.T(msgEscBack, m.dbName()), w-2, " "))
	}
	r := m.preview
	var top []string
	wrap := func(s string) []string { return strings.Split(common.Wrap(s, w-2, "   "), "\n") }
	top = append(top, st.Title.Render(common.Truncate(m.common.T(msgPreviewHead, name, r.Table, m.dbName()), w-1)))
	for _, l := range wrap(m.common.T(msgReadAs) + ": " + m.dialect(r)) {
		top = append(top, " "+l)
	}
	if note := m.say(r.Dialect.EncodingSentence, r.Dialect.EncodingNote); note != "" {
		for _, l := range wrap(note) {
			top = append(top, " "+st.Subtle.Render(l))
		}
	}
	top = append(top, " "+m.common.T(msgRowsCols, m.common.Int(int(r.Rows)), len(r.Columns)))
	var bottom []string
	for _, wn := range r.Warnings {
		for _, l := range wrap(m.common.T(msgWarning) + m.say(wn.Sentence, wn.Text)) {
			bottom = append(bottom, " "+st.Warn.Render(l))
		}
	}
	if m.exists {
		for _, l := range wrap(m.existsText()) {
			bottom = append(bottom, " "+st.Error.Render(l))
		}
	} else {
		bottom = append(bottom, " "+st.Good.Render(common.Truncate(m.common.T(msgConfirm, m.dbName()), w-2)))
	}
	// the columns take what is left, the last line saying how many are not shown
	room := max(1, m.height-len(top)-len(bottom))
	kindW := m.kindWidth(r, 11)
	nameW := nameWidth(r, min(24, max(10, w/3)))
	var cols []string
	for i, c := range r.Columns {
		if i == room-1 && len(r.Columns) > room {
			cols = append(cols, st.Subtle.Render("   "+m.common.T(msgMoreColumns, len(r.Columns)-i)))
			break
		}
		line := "   " + common.Pad(model.Printable(c.Name), nameW) + " " + common.Pad(m.common.T(c.Kind.String()), kindW)
		if note := model.Printable(m.say(c.NoteSentence, c.Note)); note != "" && w-nameW-kindW-5 > 8 {
			line += " " + st.Subtle.Render(common.Truncate(note, w-nameW-kindW-6))
		}
		cols = append(cols, line)
	}
	lines := append(append(top, cols...), bottom...)
	if len(lines) > m.height && m.height > 0 {
		lines = append(lines[:max(0, m.height-len(bottom))], bottom...)
	}
	return strings.Join(lines, "\n")
}

// nameWidth is the width of the column names: the longest, between 10
// and most, so what is said about a column has the room the names do not
// need.
func nameWidth(r *app.ImportResult, most int) int {
	w := 10
	for _, c := range r.Columns {
		w = max(w, len([]rune(model.Printable(c.Name))))
	}
	return min(w, most)
}

// existsText says the table is taken and what to do.
func (m *Model) existsText() string {
	t := ""
	if m.preview != nil {
		t = m.preview.Table
	}
	return m.common.T(msgExists, m.dbName(), t, model.Printable(m.file), model.Printable(m.common.Session.DB.Path()))
}

// dialect says how a file was read, in a line.
func (m *Model) dialect(r *app.ImportResult) string {
	d := r.Dialect
	parts := []string{m.common.T(msgDelimiter, m.quoteDelim(d.Delimiter))}
	if d.Header {
		parts = append(parts, m.common.T(msgHeader))
	} else {
		parts = append(parts, m.common.T(msgNoHeader))
	}
	enc := d.Encoding
	if d.BOM {
		enc = m.common.T(msgWithBOM, enc)
	}
	parts = append(parts, enc, m.common.T(msgDecimal, string(d.Decimal)))
	if d.LineEnd != "" {
		parts = append(parts, m.common.T(msgLineEnds, strings.ToUpper(d.LineEnd)))
	}
	if d.Gzip {
		parts = append(parts, "gzip")
	}
	return strings.Join(parts, " · ")
}

// quoteDelim names a delimiter: a word for tab and spaces, else the
// character in quotes.
func (m *Model) quoteDelim(r rune) string {
	switch name := app.DelimiterName(r); name {
	case "tab":
		return m.common.T(msgTab)
	case "spaces":
		return m.common.T(msgSpaces)
	}
	return fmt.Sprintf("%q", string(r))
}

func (m *Model) resultView() string {
	st := m.common.Styles
	if m.err != nil {
		msg := m.errText(m.err)
		if errors.Is(m.err, context.Canceled) {
			msg = m.common.T(msgCancelled)
		} else if errors.Is(m.err, app.ErrImportTableExists) {
			msg += m.common.T(msgReplaceHint, m.file, m.common.Session.DB.Path())
		}
		return "\n  " + st.Error.Render(m.common.T(msgNotImported)) + "\n\n  " + common.Wrap(msg, max(20, m.width-4), "  ") +
			"\n\n  " + st.Subtle.Render(m.common.T(msgChooseAnother))
	}
	r := m.result
	var b strings.Builder
	b.WriteString("\n  " + st.Good.Render(m.common.T(msgImported)) + " " + m.common.T(msgImportedRows, m.common.Int(int(r.Rows)), r.Table))
	if r.Rejected > 0 {
		b.WriteString(m.common.T(msgRejected, m.common.Int(int(r.Rejected)), r.RejectsFile))
	}
	b.WriteString("\n\n")
	kindW := m.kindWidth(r, 12)
	nameW := nameWidth(r, 24)
	for i, c := range r.Columns {
		if i >= max(1, m.height-8) {
			b.WriteString("  " + m.common.T(msgMoreColumns, len(r.Columns)-i) + "\n")
			break
		}
		note := m.say(c.NoteSentence, c.Note)
		b.WriteString("  " + common.Pad(c.Name, nameW) + " " + common.Pad(m.common.T(c.Kind.String()), kindW) + " " +
			st.Subtle.Render(common.Truncate(note, max(10, m.width-nameW-6-kindW))) + "\n")
	}
	b.WriteString("\n  " + st.Subtle.Render(common.Wrap(m.common.T(msgReloadNote), max(20, m.width-4), "  ")))
	return b.String()
}

// loc is the user's locale (English when the screen was given none).
func (m *Model) loc() locale.Locale {
	if m.common.Locale.Lang == "" {
		return locale.Default()
	}
	return m.common.Locale
}

// say is what the import said, in the user's language: its sentence when
// it has one, else its English text.
func (m *Model) say(s model.Sentence, english string) string {
	if s.Format == "" {
		return english
	}
	return m.loc().Say(s)
}

// phaseText names the import's phases, by csvimport.Phase.
var phaseText = map[app.ImportPhase]string{
	app.PhaseScan:   msgPhaseScan,
	app.PhaseTypes:  msgPhaseTypes,
	app.PhaseInsert: msgPhaseInsert,
	app.PhaseIndex:  msgPhaseIndex,
}

// phase names an import phase in the user's language.
func (m *Model) phase(p app.ImportPhase) string {
	if s, ok := phaseText[p]; ok {
		return m.common.T(s)
	}
	return string(p)
}

// errText is an import's error in the user's language. A problem at a
// place of the file (app.ImportError) is said in its parts: the file and
// line as they are, the column, what is wrong and what to do translated
// (a sentence from below, model.Sentence, found by Locale.Error).
func (m *Model) errText(err error) string {
	loc := m.loc()
	var ie *app.ImportError
	if !errors.As(err, &ie) {
		return loc.Error(err)
	}
	// The folder is on screen already: name the file within it, which
	// keeps the line short and the place readable.
	s := ie.File
	if rel, err := filepath.Rel(m.dir, ie.File); err == nil && !strings.HasPrefix(rel, "..") {
		s = rel
	}
	if ie.Line > 0 {
		s += ":" + strconv.Itoa(ie.Line)
	}
	s += ": "
	if ie.Column > 0 {
		if ie.ColumnName != "" {
			s += loc.T(msgErrColumn, strconv.Itoa(ie.Column), ie.ColumnName)
		} else {
			s += loc.T(msgErrColumnNo, strconv.Itoa(ie.Column))
		}
	}
	s += loc.Error(ie.Err) + "; " + loc.Say(ie.Hint())
	return strings.Replace(err.Error(), ie.Error(), s, 1) // under a prefix, if any
}

// kindWidth is the width of the kinds' column: at least least, wider when
// a kind's name in the user's language is longer.
func (m *Model) kindWidth(r *app.ImportResult, least int) int {
	w := least
	for _, c := range r.Columns {
		w = max(w, len([]rune(m.common.T(c.Kind.String()))))
	}
	return w
}

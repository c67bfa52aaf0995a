package csvimport

import (
	"bytes"
	"strings"

	"github.com/pulpero/pulpero/store/parse"
)

// looksLikeRecord says whether a line that a quoted field (0-based field)
// took in reads as a record of its own:
//
//   - split on its own it is sound: every quote opens a field and closes
//     before a delimiter or the end of the line, and no quote stands inside
//     an unquoted field. (The line where a genuine multi-line field closes
//     is never sound: its closing quote follows text, as in `Madrid",x`.)
//   - it has exactly the record's number of fields (empty ones after the
//     last column aside), and at least two;
//   - its first field is shaped (number, date, text; empty fits any) like
//     the first field of the record in progress, or of the record before
//     when the quote opened in the first field.
//
// A line inside a genuine multi-line field passes all three only when it
// holds the delimiter exactly as often as a record does and starts alike.
func (r *reader) looksLikeRecord(line []byte, field int) bool {
	if r.expect < 2 {
		return false
	}
	n, first, ok := soundFields(line, r.delim, r.expect)
	if !ok || n != r.expect {
		return false
	}
	like := r.prevFirst
	if field > 0 {
		like = string(r.buf[:r.ends[0]])
	}
	a, b := shapeOf(first), shapeOf(like)
	return a == b || a == shapeEmpty || b == shapeEmpty
}

// soundFields splits one line on its own, strictly. It returns the number
// of fields (empty ones after the first want not counted), the first one,
// and whether every quote stood where a well-formed record has them.
func soundFields(line []byte, delim byte, want int) (n int, first string, ok bool) {
	runs := delim == SpaceRuns
	if runs {
		line = bytes.TrimLeft(line, " \t")
	}
	filled := 0 // fields up to the last non-empty one
	for {
		i := 0
		for i < len(line) && line[i] == ' ' {
			i++
		}
		var val []byte
		if i < len(line) && line[i] == '"' {
			j := i + 1
			for {
				k := bytes.IndexByte(line[j:], '"')
				if k < 0 {
					return 0, "", false // not closed on this line
				}
				j += k + 1
				if j < len(line) && line[j] == '"' {
					j++ // "" is one quote
					continue
				}
				break
			}
			val, line = line[i+1:j-1], line[j:]
			if !runs {
				line = bytes.TrimLeft(line, " ")
			}
			if len(line) > 0 && !(line[0] == delim || runs && isSpace(line[0])) {
				return 0, "", false // text after the closing quote
			}
		} else {
			end := fieldEnd(line, delim)
			val, line = line[:end], line[end:]
			if bytes.IndexByte(val, '"') >= 0 {
				return 0, "", false // a quote inside an unquoted field
			}
		}
		n++
		if n == 1 {
			first = string(val)
		}
		if len(bytes.TrimSpace(val)) > 0 {
			filled = n
		}
		if len(line) == 0 {
			break
		}
		line = line[1:]
		if runs {
			if line = bytes.TrimLeft(line, " \t"); len(line) == 0 {
				break
			}
		}
	}
	if n > want && filled <= want {
		n = want // a trailing delimiter, as check allows
	}
	return n, first, true
}

// Shapes of a first field, compared by looksLikeRecord.
const (
	shapeEmpty = iota
	shapeNumber
	shapeDate
	shapeText
)

func shapeOf(s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return shapeEmpty
	}
	if digits, _ := plainInteger(s); digits {
		return shapeNumber
	}
	if _, ok := parse.Number(s, parse.DecimalPoint); ok {
		return shapeNumber
	}
	if _, ok := parse.Number(s, parse.DecimalComma); ok {
		return shapeNumber
	}
	if _, ok := parse.ParseDate(s, parse.DayFirst); ok {
		return shapeDate
	}
	if _, ok := parse.ParseDate(s, parse.MonthFirst); ok {
		return shapeDate
	}
	return shapeText
}

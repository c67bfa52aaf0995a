package store

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// ListItem is one customer of a target list, as decided by the campaign
// plan; the personal fields are filled in by WriteList from the database.
type ListItem struct {
	RowID      int64
	CustomerID string
	Channel    string // email, sms, phone, post
	Segment    string
	Group      string // target or control
	Prob       float64
	Expected   float64 // probability × value of a response
}

// ListColumns names the personal columns a list reads: the name and the
// contact column of each channel.
type ListColumns struct {
	Name    string
	Contact map[string]string // channel → column
}

// ListFormat says how a list is written.
type ListFormat struct {
	JSONLines bool
	// Excel: a UTF-8 byte-order mark, ";" between fields and "," as the
	// decimal mark, which is what spreadsheet programs in comma-decimal
	// locales open correctly with a double click.
	Excel bool
}

var listHeader = []string{"customer_id", "name", "contact", "channel", "segment", "group", "response_probability", "expected_value"}

// ListWriter writes list rows as CSV or JSON lines.
type ListWriter struct {
	format ListFormat
	buf    *bufio.Writer
	csv    *csv.Writer
}

// NewListWriter starts a list on w, writing the header (and BOM) at once.
func NewListWriter(w io.Writer, f ListFormat) (*ListWriter, error) {
	lw := &ListWriter{format: f, buf: bufio.NewWriterSize(w, 1<<16)}
	if f.JSONLines {
		return lw, nil
	}
	if f.Excel {
		lw.buf.WriteString("\ufeff")
	}
	lw.csv = csv.NewWriter(lw.buf)
	if f.Excel {
		lw.csv.Comma = ';'
	}
	return lw, lw.csv.Write(listHeader)
}

func (lw *ListWriter) number(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if lw.format.Excel {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

type jsonRow struct {
	CustomerID string  `json:"customer_id"`
	Name       string  `json:"name"`
	Contact    string  `json:"contact"`
	Channel    string  `json:"channel"`
	Segment    string  `json:"segment"`
	Group      string  `json:"group"`
	Prob       float64 `json:"response_probability"`
	Expected   float64 `json:"expected_value"`
}

// Write adds one row.
func (lw *ListWriter) Write(it ListItem, name, contact string) error {
	if lw.format.JSONLines {
		b, err := json.Marshal(jsonRow{it.CustomerID, name, contact, it.Channel, it.Segment, it.Group, round(it.Prob, 6), round(it.Expected, 4)})
		if err != nil {
			return err
		}
		lw.buf.Write(b)
		return lw.buf.WriteByte('\n')
	}
	return lw.csv.Write([]string{it.CustomerID, name, contact, it.Channel, it.Segment, it.Group,
		lw.number(it.Prob, 6), lw.number(it.Expected, 4)})
}

func round(v float64, prec int) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', prec, 64), 64)
	return f
}

// Flush writes out what is buffered.
func (lw *ListWriter) Flush() error {
	if lw.csv != nil {
		lw.csv.Flush()
		if err := lw.csv.Error(); err != nil {
			return err
		}
	}
	return lw.buf.Flush()
}

// ValidContact re-checks a contact read for the export against its channel,
// the last guard before a row is written: the data may have changed since
// the analysis copy was loaded.
func ValidContact(channel, s string) bool {
	switch channel {
	case "email":
		return ValidEmail(s)
	case "sms", "phone":
		ok, _ := ValidPhone(s)
		return ok
	case "post":
		return ValidAddress(s)
	}
	return false
}

// exportBatch is how many rows' personal fields are read per round trip;
// only one batch of names and addresses is in memory at a time.
const exportBatch = 5000

// WriteList streams items (in the given order) to w, reading each batch's
// name and contact with ReadRows. A row whose contact no longer passes
// ValidContact, or that vanished from the table, is not written but passed
// to skipped with the reason. progress (may be nil) gets rows done.
func (d *DB) WriteList(ctx context.Context, table string, cols ListColumns, items []ListItem, w *ListWriter,
	skipped func(it ListItem, reason string), progress func(done int)) (written int, err error) {
	names := []string{}
	pos := map[string]int{}
	add := func(c string) {
		if _, ok := pos[c]; c != "" && !ok {
			pos[c] = len(names)
			names = append(names, c)
		}
	}
	add(cols.Name)
	for _, c := range cols.Contact {
		add(c)
	}
	ids := make([]int64, 0, exportBatch)
	for start := 0; start < len(items); start += exportBatch {
		if err := ctx.Err(); err != nil {
			return written, err
		}
		batch := items[start:min(start+exportBatch, len(items))]
		ids = ids[:0]
		for _, it := range batch {
			ids = append(ids, it.RowID)
		}
		rows, err := d.ReadRows(ctx, table, names, ids)
		if err != nil {
			return written, err
		}
		byID := make(map[int64]int, len(rows))
		for i, r := range rows {
			byID[r.RowID] = i
		}
		for _, it := range batch {
			i, ok := byID[it.RowID]
			if !ok {
				skipped(it, "no longer in the table")
				continue
			}
			r := rows[i]
			name := ""
			if cols.Name != "" {
				name = r.Values[pos[cols.Name]]
			}
			col, ok := cols.Contact[it.Channel]
			contact := ""
			if ok {
				contact = strings.TrimSpace(r.Values[pos[col]])
			}
			if !ValidContact(it.Channel, contact) {
				skipped(it, "invalid or missing address")
				continue
			}
			if err := w.Write(it, name, contact); err != nil {
				return written, err
			}
			written++
		}
		if progress != nil {
			progress(start + len(batch))
		}
	}
	return written, w.Flush()
}

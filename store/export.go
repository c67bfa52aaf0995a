package store

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
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
	// Postcode, when set, is appended to the address of post rows
	// ("Calle Mayor 1, 3º B, 28013"): a letter needs both.
	Postcode string
	// Checks are, per channel, the consent, opt-out and bounce columns read
	// again with each row's contact, in the same read transaction, so a
	// customer who withdrew consent while the list was planned is not
	// written. Profiles say how those columns' values are read (their kind
	// and date order), and AsOf is the day opt-out dates are judged on
	// (zero: any date counts).
	Checks   map[string]ReachCheck
	Profiles []ColumnProfile
	AsOf     time.Time
}

// ReachCheck names the columns that decide whether a customer may be
// contacted on one channel.
type ReachCheck struct {
	Consent string   // "" means none: nobody may be contacted
	OptOut  []string // any value but a clear no takes the customer out
	Bounced []string // the same, for e-mail
}

// ListFormat says how a list is written.
type ListFormat struct {
	JSONLines bool
	// Excel: a UTF-8 byte-order mark, ";" between fields and "," as the
	// decimal mark, which is what spreadsheet programs in comma-decimal
	// locales open correctly with a double click.
	Excel bool
	// Header, when set, is the CSV header line written instead of
	// ListHeader's names (one per column, in its order): a list's header
	// in the user's language. The rows are the same either way.
	Header []string
	// Values, when set, are the values pulpero names in the list (by
	// column: "channel", "group", "segment"), as the header's language
	// writes them: a list for people (--headers es). A value not in it
	// (the user's segment names) is written as it is.
	Values map[string]map[string]string
}

var listHeader = []string{"customer_id", "name", "contact", "channel", "segment", "group", "response_probability", "expected_value"}

// ListHeader is the names of a list's columns, as a CSV list's header and
// a JSON line's keys write them: stable, for scripts.
func ListHeader() []string { return append([]string(nil), listHeader...) }

// ListWriter writes list rows as CSV or JSON lines.
type ListWriter struct {
	format ListFormat
	buf    *bufio.Writer
	csv    *csv.Writer
	// Neutralised counts the cells of a CSV list prefixed with a quote so a
	// spreadsheet does not run them as formulas (model.SpreadsheetSafe).
	Neutralised int
}

// safe applies model.SpreadsheetSafe to a CSV cell and counts it.
func (lw *ListWriter) safe(s string) string {
	out, changed := model.SpreadsheetSafe(s)
	if changed {
		lw.Neutralised++
	}
	return out
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
	header := listHeader
	if f.Header != nil {
		if len(f.Header) != len(listHeader) {
			return nil, fmt.Errorf("list header: %d names for %d columns", len(f.Header), len(listHeader))
		}
		header = f.Header
	}
	return lw, lw.csv.Write(header)
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
	return lw.csv.Write([]string{lw.safe(it.CustomerID), lw.safe(name), lw.safe(contact), lw.value("channel", it.Channel),
		lw.safe(lw.value("segment", it.Segment)), lw.value("group", it.Group), lw.number(it.Prob, 6), lw.number(it.Expected, 4)})
}

// value is v, a value of column, as the list's Values write it.
func (lw *ListWriter) value(column, v string) string {
	if said, ok := lw.format.Values[column][v]; ok {
		return said
	}
	return v
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

// WriteList streams items (in rowid order, as the columnar copy holds them)
// to w, reading each batch's name and contact from the table while the
// previous batch is written. A row whose contact no longer passes
// ValidContact, or that vanished from the table, is not written but passed
// to skipped with the reason. progress (may be nil) gets rows done.
func (d *DB) WriteList(ctx context.Context, table string, cols ListColumns, items []ListItem, w *ListWriter,
	skipped func(it ListItem, reason string), progress func(done int)) (written int, at campaign.Fingerprint, err error) {
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
	add(cols.Postcode)
	for _, c := range cols.Checks {
		add(c.Consent)
		for _, o := range c.OptOut {
			add(o)
		}
		for _, o := range c.Bounced {
			add(o)
		}
	}
	judge := newReachJudge(cols)
	// one read transaction on one connection: every batch, and the
	// fingerprint below, see the same state of the database
	conn, err := d.sql.Conn(ctx)
	if err != nil {
		return 0, at, fmt.Errorf("%s: %s", d.Name(), cleanSQLiteError(err))
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return 0, at, fmt.Errorf("%s: %s", d.Name(), cleanSQLiteError(err))
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	// the first read takes the snapshot; the fingerprint is read after it
	var one int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM "+QuoteIdent(table)+" WHERE rowid < 0").Scan(&one); err != nil {
		return 0, at, fmt.Errorf("%s: %s", d.Name(), cleanSQLiteError(err))
	}
	if at, err = d.fingerprint(); err != nil {
		return 0, at, err
	}
	type batch struct {
		items []ListItem
		rows  []Row
		err   error
	}
	readCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan batch, 2)
	go func() {
		defer close(batches)
		for start := 0; start < len(items); start += exportBatch {
			b := batch{items: items[start:min(start+exportBatch, len(items))]}
			b.rows, b.err = d.readListBatch(readCtx, conn, table, names, b.items)
			select {
			case batches <- b:
			case <-readCtx.Done():
				return
			}
			if b.err != nil {
				return
			}
		}
	}()
	done := 0
	for b := range batches {
		if b.err != nil {
			return written, at, b.err
		}
		if err := ctx.Err(); err != nil {
			return written, at, err
		}
		byID := make(map[int64]int, len(b.rows))
		for i, r := range b.rows {
			byID[r.RowID] = i
		}
		for _, it := range b.items {
			i, ok := byID[it.RowID]
			if !ok {
				skipped(it, "no longer in the table")
				continue
			}
			r := b.rows[i]
			if why := judge.why(it.Channel, r, pos); why != "" {
				skipped(it, why)
				continue
			}
			name := ""
			if cols.Name != "" {
				name = r.Values[pos[cols.Name]]
			}
			col, ok := cols.Contact[it.Channel]
			contact := ""
			if ok && col != "" {
				contact = strings.TrimSpace(r.Values[pos[col]])
			}
			if !ValidContact(it.Channel, contact) {
				skipped(it, "invalid or missing address")
				continue
			}
			if it.Channel == "post" && cols.Postcode != "" {
				pc := strings.TrimSpace(r.Values[pos[cols.Postcode]])
				if pc == "" {
					skipped(it, "invalid or missing address")
					continue
				}
				contact += ", " + pc
			}
			if err := w.Write(it, name, contact); err != nil {
				return written, at, err
			}
			written++
		}
		done += len(b.items)
		if progress != nil {
			progress(done)
		}
	}
	return written, at, w.Flush()
}

// readListBatch reads the named columns of a batch's rows. A dense batch
// (its rowids spanning at most 4 times its size, the usual case for a big
// list) is read as one rowid range, far cheaper than a lookup per row;
// a sparse one through ReadRows.
func (d *DB) readListBatch(ctx context.Context, q querier, table string, names []string, items []ListItem) ([]Row, error) {
	ids := make([]int64, len(items))
	sorted := true
	for i, it := range items {
		ids[i] = it.RowID
		sorted = sorted && (i == 0 || ids[i-1] < ids[i])
	}
	if len(ids) == 0 || !sorted || ids[len(ids)-1]-ids[0] >= int64(4*len(ids)) {
		return d.readRows(ctx, q, table, names, ids)
	}
	list := "rowid"
	for _, c := range names {
		list += ", " + QuoteIdent(c)
	}
	query := fmt.Sprintf("SELECT %s FROM %s WHERE rowid BETWEEN ? AND ? ORDER BY rowid", list, QuoteIdent(table))
	rows, err := q.QueryContext(ctx, query, ids[0], ids[len(ids)-1])
	if err != nil {
		return nil, fmt.Errorf("%s: reading rows of %q: %s", d.Name(), table, cleanSQLiteError(err))
	}
	defer rows.Close()
	vals := make([]any, len(names)+1)
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	out := make([]Row, 0, len(ids))
	next := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("%s: reading rows of %q: %s", d.Name(), table, cleanSQLiteError(err))
		}
		id, _ := vals[0].(int64)
		for next < len(ids) && ids[next] < id {
			next++
		}
		if next == len(ids) || ids[next] != id {
			continue
		}
		r := Row{RowID: id, Values: make([]string, len(names)), Nulls: make([]bool, len(names)), raw: append([]any(nil), vals[1:]...)}
		for i, v := range vals[1:] {
			r.Values[i], r.Nulls[i] = textOf(v)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

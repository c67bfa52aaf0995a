package store

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pulpero/pulpero/model/campaign"

	"github.com/pulpero/pulpero/store/parse"
)

// campaignResponsesMigration keeps who responded to a recorded campaign and
// what they spent, and where that came from. Only members can have a
// response (the foreign key says so); a member without one did not respond.
// pulpero_campaign_imports tells "nobody responded" from "not imported yet".
const campaignResponsesMigration = `
	CREATE TABLE IF NOT EXISTS pulpero_campaign_responses (
	    campaign_id INTEGER NOT NULL REFERENCES pulpero_campaigns(id) ON DELETE CASCADE,
	    customer_id TEXT NOT NULL,
	    responded   INTEGER NOT NULL,
	    revenue     REAL NOT NULL,
	    PRIMARY KEY (campaign_id, customer_id),
	    FOREIGN KEY (campaign_id, customer_id) REFERENCES pulpero_campaign_members(campaign_id, customer_id) ON DELETE CASCADE);
	CREATE TABLE IF NOT EXISTS pulpero_campaign_imports (
	    campaign_id   INTEGER PRIMARY KEY REFERENCES pulpero_campaigns(id) ON DELETE CASCADE,
	    imported_at   TEXT NOT NULL,
	    source        TEXT NOT NULL,
	    source_sha256 TEXT NOT NULL,
	    rows_read     INTEGER NOT NULL,
	    unmatched     INTEGER NOT NULL);`

// ImportResponsesResult says what an import of responses did.
type ImportResponsesResult struct {
	CampaignID int64
	Campaign   string
	Recorded   string // when the export was recorded (RFC 3339)
	Members    int    // the campaign's members (treated and control)
	File       string
	Delimiter  rune
	IDColumn   string // the header of the customer-id column ("" when the file has no header)
	// RespondedColumn is "" when the file has none: every listed customer responded.
	RespondedColumn, RevenueColumn string

	Rows      int     // data rows read
	Imported  int     // members with a row (their responses were stored)
	Treated   int     // of Imported, in the treated group
	Control   int     // of Imported, in the control group
	Responded int     // of Imported, those who responded
	Revenue   float64 // their revenue

	// Unmatched counts the distinct ids of the file that are not members of
	// the campaign (not imported); UnmatchedIDs holds the first few.
	Unmatched    int
	UnmatchedIDs []string
	// Duplicates counts rows whose id came earlier in the file: their
	// revenue was added to it, and it responded if any of its rows did.
	Duplicates   int
	DuplicateIDs []string

	// Replaced is how many responses of an earlier import were replaced
	// (ReplacedImport says when and from which file); zero on a first import.
	Replaced       int
	ReplacedImport string
}

// ResponsesError is a problem at one place of a responses file. Line is
// 1-based; Column is the 1-based field number, 0 when the whole line (or
// file, with Line 0) is at fault. An import that fails imports nothing.
type ResponsesError struct {
	File       string
	Line       int
	Column     int
	ColumnName string
	Err        error
	Hint       string // what to do
}

func (e *ResponsesError) Error() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
		if e.Column > 0 {
			s += ":" + strconv.Itoa(e.Column)
		}
	}
	s += ": "
	if e.ColumnName != "" {
		s += "column " + strconv.Quote(e.ColumnName) + ": "
	}
	s += e.Err.Error()
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s + " (nothing was imported)"
}

func (e *ResponsesError) Unwrap() error { return e.Err }

// ImportResponses reads who responded to a campaign, and what they spent,
// from a CSV file, and stores it for the latest campaign recorded under that
// name (names ignore case), replacing that campaign's earlier responses, in
// one transaction: either the whole file lands or nothing changes.
//
// The file is UTF-8 (a BOM is fine), its delimiter ',', ';' or tab (sniffed
// from the header). Columns are found by their header, ignoring case and
// accents: the customer id (customer_id, id, customer, cliente, id_cliente,
// ...), optionally whether they responded (responded, response, respondió,
// converted, ...: yes/no, sí/no, true/false, 1/0; an empty cell is no) and
// optionally what they spent (revenue, spent, amount, importe, ...; a decimal
// point or comma, currency signs allowed; empty is 0). Without a responded
// column every listed customer responded. A file of one column without a
// recognised header is a plain list of responders. Ids that are not members
// of the campaign are counted, not imported; an id listed twice is one
// customer whose revenue is summed.
func (w *Workspace) ImportResponses(ctx context.Context, campaign, csvPath string) (ImportResponsesResult, error) {
	res := ImportResponsesResult{File: csvPath}
	c, err := w.findCampaign(ctx, campaign)
	if err != nil {
		return res, err
	}
	res.CampaignID, res.Campaign, res.Recorded = c.id, c.name, c.created
	members := map[string]bool{} // id → control
	err = w.Query(ctx, "pulpero_campaign_members", `SELECT customer_id, grp FROM pulpero_campaign_members WHERE campaign_id = ?`,
		[]any{c.id}, func(r *sql.Rows) error {
			var id, grp string
			err := r.Scan(&id, &grp)
			members[id] = grp == "control"
			return err
		})
	if err != nil {
		return res, fmt.Errorf("%s: reading campaign %q: %w", w.Path, c.name, err)
	}
	res.Members = len(members)
	key := func(id string) (string, bool) {
		if _, ok := members[id]; ok {
			return id, true
		}
		if n, ok := parse.Integer(id, parse.DecimalPoint); ok { // "00017", "17.0"
			s := strconv.FormatInt(n, 10)
			_, ok := members[s]
			return s, ok
		}
		return id, false
	}
	f, err := readResponseFile(csvPath, func(id string) bool { _, ok := key(id); return ok })
	if err != nil {
		return res, err
	}
	res.Delimiter, res.IDColumn, res.RespondedColumn, res.RevenueColumn = f.delim, f.idCol, f.respCol, f.revCol
	res.Rows = len(f.rows)
	if res.Rows == 0 {
		return res, &ResponsesError{File: csvPath, Err: errors.New("has no rows under its header"),
			Hint: "list the customers who responded, one a line, under a customer_id header"}
	}
	type response struct {
		responded bool
		revenue   float64
	}
	got := map[string]*response{}
	var order []string
	unmatched := map[string]bool{}
	for _, row := range f.rows {
		id, ok := key(row.id)
		if !ok {
			if !unmatched[id] {
				unmatched[id] = true
				res.Unmatched++
				res.UnmatchedIDs = appendFew(res.UnmatchedIDs, row.id)
			}
			continue
		}
		r := got[id]
		if r == nil {
			r = &response{}
			got[id] = r
			order = append(order, id)
		} else {
			res.Duplicates++
			res.DuplicateIDs = appendFew(res.DuplicateIDs, row.id)
		}
		r.responded = r.responded || row.responded
		r.revenue += row.revenue
	}
	if len(got) == 0 {
		return res, &ResponsesError{File: csvPath, Err: fmt.Errorf("none of its %d customer ids (e.g. %s) is a member of campaign %q",
			res.Unmatched, strings.Join(res.UnmatchedIDs, ", "), c.name), Hint: "is it the right file, and the right campaign?"}
	}
	for _, id := range order {
		r := got[id]
		res.Imported++
		if members[id] {
			res.Control++
		} else {
			res.Treated++
		}
		if r.responded {
			res.Responded++
		}
		res.Revenue += r.revenue
	}
	res.ReplacedImport = w.lastImport(ctx, c.id)
	err = w.Tx(ctx, func(tx *sql.Tx) error {
		del, err := tx.ExecContext(ctx, `DELETE FROM pulpero_campaign_responses WHERE campaign_id = ?`, c.id)
		if err != nil {
			return err
		}
		n, _ := del.RowsAffected()
		res.Replaced = int(n)
		if _, err := tx.ExecContext(ctx, `INSERT INTO pulpero_campaign_imports VALUES (?,?,?,?,?,?)
			ON CONFLICT(campaign_id) DO UPDATE SET imported_at=excluded.imported_at, source=excluded.source,
			source_sha256=excluded.source_sha256, rows_read=excluded.rows_read, unmatched=excluded.unmatched`,
			c.id, time.Now().UTC().Format(time.RFC3339), csvPath, f.sha256, res.Rows, res.Unmatched); err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, `INSERT INTO pulpero_campaign_responses VALUES (?,?,?,?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, id := range order {
			if _, err := st.ExecContext(ctx, c.id, id, got[id].responded, got[id].revenue); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("importing responses of %q into %s: %w (nothing was imported)", c.name, w.Path, err)
	}
	return res, nil
}

func appendFew(list []string, s string) []string {
	if len(list) < 5 {
		list = append(list, s)
	}
	return list
}

// recordedCampaign is a row of pulpero_campaigns.
type recordedCampaign struct {
	id            int64
	name, created string
}

// findCampaign is the latest campaign recorded as name (ignoring case).
func (w *Workspace) findCampaign(ctx context.Context, name string) (recordedCampaign, error) {
	var all []recordedCampaign
	err := w.Query(ctx, "pulpero_campaigns", `SELECT id, name, created_at FROM pulpero_campaigns WHERE state = 'done' ORDER BY id DESC`, nil,
		func(r *sql.Rows) error {
			var c recordedCampaign
			err := r.Scan(&c.id, &c.name, &c.created)
			all = append(all, c)
			return err
		})
	if err != nil {
		return recordedCampaign{}, fmt.Errorf("%s: reading the recorded campaigns: %w", w.Path, err)
	}
	day := ""
	if at := strings.LastIndex(name, "@"); at > 0 {
		name, day = name[:at], name[at+1:]
	}
	var names []string
	var found []recordedCampaign
	seen := map[string]bool{}
	for _, c := range all {
		if campaign.SameName(c.name, name) && (day == "" || strings.HasPrefix(c.created, day)) {
			found = append(found, c)
		}
		if !seen[c.name] {
			seen[c.name] = true
			names = append(names, strconv.Quote(c.name))
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		var list []string
		for _, c := range found {
			list = append(list, strconv.Quote(c.name+"@"+dateOf(c.created)))
		}
		return recordedCampaign{}, fmt.Errorf("%d exports are called %q: %s; name one with NAME@DATE", len(found), name, strings.Join(list, ", "))
	case len(all) == 0:
		return recordedCampaign{}, fmt.Errorf("no campaign %q: no campaign has been recorded for this database yet (`pulpero export` records each list it writes)", name)
	}
	return recordedCampaign{}, fmt.Errorf("no campaign %q was recorded; the recorded campaigns are %s", name, strings.Join(names, ", "))
}

// lastImport describes the campaign's earlier import ("" when none).
func (w *Workspace) lastImport(ctx context.Context, id int64) string {
	var s string
	w.Query(ctx, "pulpero_campaign_imports", `SELECT imported_at, source FROM pulpero_campaign_imports WHERE campaign_id = ?`,
		[]any{id}, func(r *sql.Rows) error {
			var at, src string
			err := r.Scan(&at, &src)
			s = fmt.Sprintf("imported %s from %s", at, src)
			return err
		})
	return s
}

// responseFile is a responses CSV read whole.
type responseFile struct {
	delim                  rune
	idCol, respCol, revCol string
	sha256                 string
	rows                   []responseRow
}

type responseRow struct {
	id        string
	responded bool
	revenue   float64
}

// Header names of each column, compared after headerKey.
var (
	idHeaders = []string{"customer_id", "customerid", "id_customer", "customer", "customer_no", "customer_number", "client_id",
		"clientid", "client", "id_cliente", "idcliente", "cliente_id", "cliente", "codigo_cliente", "cod_cliente", "n_cliente",
		"num_cliente", "numero_cliente", "member_id", "id"}
	respondedHeaders = []string{"responded", "response", "responder", "respondio", "respondido", "respuesta", "respondio_si_no",
		"converted", "conversion", "convirtio", "purchased", "bought", "compro", "redeemed", "canjeado"}
	revenueHeaders = []string{"revenue", "spent", "spend", "amount", "importe", "gasto", "gastado", "total", "sales", "ventas",
		"monto", "ingresos", "value", "valor"}
)

// readResponseFile reads and checks the whole file before anything is
// stored. isMember decides whether a one-column file without a recognised
// header starts with data.
func readResponseFile(path string, isMember func(string) bool) (*responseFile, error) {
	fail := func(line, col int, name string, err error, hint string) error {
		return &ResponsesError{File: path, Line: line, Column: col, ColumnName: name, Err: err, Hint: hint}
	}
	fh, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fail(0, 0, "", err, "give the path of the CSV of responses")
	}
	defer fh.Close()
	sum := sha256.New()
	br := bufio.NewReaderSize(io.TeeReader(fh, sum), 64<<10)
	head, _ := br.Peek(64 << 10)
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		br.Discard(3)
		head = head[3:]
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		return nil, fail(0, 0, "", errors.New("is UTF-16 text"), "save it as CSV UTF-8")
	}
	out := &responseFile{delim: sniffResponseDelimiter(head)}
	r := csv.NewReader(br)
	r.Comma = out.delim
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err == io.EOF {
		return out, nil
	}
	if err != nil {
		return nil, csvProblem(path, err)
	}
	headerLine, _ := r.FieldPos(0)
	idCol, respCol, revCol := findHeader(header, idHeaders, false), findHeader(header, respondedHeaders, false), findHeader(header, revenueHeaders, true)
	var first []string
	if idCol < 0 {
		if len(header) != 1 || !isMember(strings.TrimSpace(header[0])) {
			var names []string
			for _, h := range header {
				names = append(names, strconv.Quote(h))
			}
			return nil, fail(headerLine, 0, "", fmt.Errorf("no customer id column among %s", strings.Join(names, ", ")),
				"name that column customer_id (or id, cliente)")
		}
		idCol, first = 0, header // a plain list of ids, no header
	} else {
		out.idCol = header[idCol]
		if respCol >= 0 {
			out.respCol = header[respCol]
		}
		if revCol >= 0 {
			out.revCol = header[revCol]
		}
	}
	cell := func(rec []string, i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	for {
		rec, line := first, headerLine
		if rec == nil {
			if rec, err = r.Read(); err == io.EOF {
				break
			} else if err != nil {
				return nil, csvProblem(path, err)
			}
			line, _ = r.FieldPos(0)
		}
		first = nil
		for i, v := range rec {
			if !utf8.ValidString(v) {
				return nil, fail(line, i+1, "", errors.New("is not UTF-8 text"), "save the file as CSV UTF-8")
			}
		}
		row := responseRow{id: cell(rec, idCol), responded: true}
		if row.id == "" {
			return nil, fail(line, idCol+1, out.idCol, errors.New("the customer id is empty"), "fill it in or delete the line")
		}
		if respCol >= 0 {
			v := cell(rec, respCol)
			yes, ok := parse.Bool(v)
			if v != "" && !ok {
				return nil, fail(line, respCol+1, out.respCol, fmt.Errorf("%q is not yes or no", v), "write yes/no, sí/no, true/false or 1/0")
			}
			row.responded = yes
		}
		if revCol >= 0 {
			v := cell(rec, revCol)
			amount, ok := parseAmount(v)
			if !ok {
				return nil, fail(line, revCol+1, out.revCol, fmt.Errorf("%q is not an amount", v), "write it like 12.50 or 12,50")
			}
			row.revenue = amount
		}
		out.rows = append(out.rows, row)
	}
	io.Copy(io.Discard, br) // the hash covers the whole file
	out.sha256 = hex.EncodeToString(sum.Sum(nil))
	return out, nil
}

// csvProblem turns encoding/csv's error into a ResponsesError.
func csvProblem(path string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ResponsesError{File: path, Line: pe.Line, Err: fmt.Errorf("character %d: %w", pe.Column, pe.Err),
			Hint: "fix the quotes on that line"}
	}
	return fmt.Errorf("%s: %w", path, err)
}

// sniffResponseDelimiter is the most frequent of tab, ';' and ',' outside
// quotes on the first line (',' when none is there).
func sniffResponseDelimiter(head []byte) rune {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	counts := map[byte]int{}
	quoted := false
	for _, b := range head {
		switch {
		case b == '"':
			quoted = !quoted
		case !quoted:
			counts[b]++
		}
	}
	best := byte(',')
	for _, d := range []byte{'\t', ';'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return rune(best)
}

// findHeader is the index of the first column named like one of names (in
// the names' order of preference); prefix also accepts "revenue_eur" for
// "revenue". -1 when none.
func findHeader(header []string, names []string, prefix bool) int {
	keys := make([]string, len(header))
	for i, h := range header {
		keys[i] = headerKey(h)
	}
	for _, n := range names {
		for i, k := range keys {
			if k == n || prefix && strings.HasPrefix(k, n+"_") {
				return i
			}
		}
	}
	return -1
}

// headerKey lower-cases a header, drops accents and joins words with '_'.
func headerKey(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch r {
		case 'á', 'à', 'ä':
			r = 'a'
		case 'é', 'è', 'ë':
			r = 'e'
		case 'í', 'ì', 'ï':
			r = 'i'
		case 'ó', 'ò', 'ö':
			r = 'o'
		case 'ú', 'ù', 'ü':
			r = 'u'
		case 'ñ':
			r = 'n'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
		} else {
			gap = true
		}
	}
	return b.String()
}

// parseAmount reads money written with a decimal point or comma (the last
// of '.' and ',' is the decimal mark, so "1.234,50" and "1,234.50" both
// work, and a lone comma is a decimal comma), with currency signs and
// spaces allowed. Empty is 0.
func parseAmount(s string) (float64, bool) {
	s = strings.NewReplacer("€", "", "$", "", "£", "", "\u00a0", "", " ", "").Replace(s)
	for _, code := range []string{"EUR", "USD", "GBP", "eur", "usd", "gbp"} {
		s = strings.TrimSuffix(strings.TrimPrefix(s, code), code)
	}
	if s == "" {
		return 0, true
	}
	mark := parse.DecimalPoint
	if i := strings.LastIndexAny(s, ".,"); i >= 0 && s[i] == ',' {
		mark = parse.DecimalComma
	}
	return parse.Number(s, mark)
}

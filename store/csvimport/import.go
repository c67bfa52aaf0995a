package csvimport

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model"
)

// Import writes the delimited text file csvPath into a table of the SQLite
// database dbPath, creating the database if it does not exist. See the
// package documentation for what is detected and how values are stored.
//
// Problems with the file's content are *ImportError values. Whatever the
// error, and when ctx is cancelled, the database is left as it was.
func Import(ctx context.Context, dbPath, csvPath string, opt Options) (*Result, error) {
	j := &job{ctx: ctx, path: csvPath, opt: opt, start: time.Now()}
	enc, err := j.validate()
	if err != nil {
		return nil, err
	}
	table := opt.Table
	if table == "" {
		table = tableNameFor(csvPath)
	}
	if err := checkTableName(table, opt.Table == ""); err != nil {
		return nil, err
	}
	var src Source
	var hasher hash.Hash
	if opt.RecordSource {
		if src, err = sourceOf(csvPath); err != nil {
			return nil, err
		}
		hasher = sha256.New()
	}
	j.info, err = scanFile(ctx, csvPath, enc, hasher, func(n int64) { j.report(PhaseScan, 0, n) })
	if err != nil {
		return nil, err
	}
	if hasher != nil {
		src.SHA256 = hex.EncodeToString(hasher.Sum(nil))
	}
	if err := j.sniff(); err != nil {
		return nil, err
	}
	t, err := openTarget(ctx, dbPath)
	if err != nil {
		return nil, err
	}
	defer t.abort()
	// Fail before reading the file when the table is in the way.
	if exists, err := t.tableExists(ctx, t.db, table); err != nil {
		return nil, fmt.Errorf("read %s: %w", dbPath, err)
	} else if exists && !opt.Replace {
		return nil, sayErr(ErrTableExists, msgTableExists, dbPath, table)
	}
	key := findKey(j.names, aliases(j.names), opt.Key)
	if opt.Key != "" && key < 0 {
		return nil, fmt.Errorf("%w: no column %q for --key (columns: %s)", ErrBadOption, opt.Key, strings.Join(j.names, ", "))
	}
	// Decide types from the whole file, or from a sample that the writing
	// pass then checks against the whole file (see optimisticRows).
	optimistic := opt.SampleRows == 0 && j.info.lines > optimisticRows+optimisticRows/4
	limit := opt.SampleRows
	if optimistic {
		limit = optimisticRows
	}
	ts, err := j.inferTypes(limit)
	if err != nil {
		return nil, err
	}
	cols, mark := j.decideTypes(ts, key)
	if err := t.begin(ctx); err != nil {
		return nil, err
	}
	if err := prepareTable(ctx, t, table, cols, opt.Replace); err != nil {
		return nil, err
	}
	rej := &rejects{path: opt.RejectsPath, header: j.names, fallback: filepath.Dir(dbPath)}
	if rej.path == "" {
		rej.path = rejectsPath(csvPath)
	}
	defer rej.discard()
	var learn *typeStats
	if optimistic {
		learn = newTypeStats(j.ncols)
	}
	rows, err := j.insert(t, table, cols, mark, rej, learn)
	if optimistic && (err == nil || errors.Is(err, errRetype)) {
		stopped := err != nil
		if stopped { // learn from the whole file
			if learn, err = j.inferTypes(0); err != nil {
				return nil, err
			}
		}
		full, fullMark := j.decideTypes(learn, key)
		if !stopped && fullMark == mark && sameStorage(cols, full) {
			for i, c := range full { // kinds and notes from every value
				c.keepStored(cols[i])
			}
		} else {
			// The sample misled: write the rows again with the whole file's types.
			rej.discard()
			rej.n = 0
			if err := prepareTable(ctx, t, table, full, true); err != nil {
				return nil, err
			}
			rows, err = j.insert(t, table, full, fullMark, rej, nil)
		}
		cols, mark = full, fullMark
	}
	if err != nil {
		return nil, err
	}
	j.report(PhaseIndex, rows, j.info.fileSize)
	res := &Result{Database: dbPath, Table: table, Created: t.created, Rows: rows, Rejected: rej.n,
		Dialect: Dialect{Delimiter: rune(j.delim), Header: j.header, Encoding: j.info.encoding,
			EncodingWhy: j.info.why, EncodingNote: english(j.info.note), EncodingSentence: j.info.note, BOM: j.info.bom, Decimal: rune(mark),
			LineEnd: j.info.lineEnd, Gzip: j.info.gzip},
		Warnings: j.warnings()}
	for _, c := range cols {
		res.Columns = append(res.Columns, ColumnSummary{Name: c.name, Alias: c.alias, SQLType: c.typ.sql(),
			Kind: c.kind, Key: c.isKey, Nulls: c.nulls, Examples: c.samples, Note: english(c.summaryNote()), NoteSentence: c.summaryNote(), Rewritten: c.rewritten})
	}
	if key >= 0 {
		res.Key = cols[key].name
		if res.Links, err = linkKey(ctx, t, table, cols[key]); err != nil {
			return nil, err
		}
	}
	if err := writeMeta(ctx, t, csvPath, res); err != nil {
		return nil, err
	}
	if opt.RecordSource {
		src.Table = table
		if err := writeSource(ctx, t.conn, src); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if res.RejectsFile, err = rej.keep(); err != nil {
		return nil, fmt.Errorf("write rejects: %w", err)
	}
	if err := t.commit(); err != nil {
		if res.RejectsFile != "" {
			os.Remove(res.RejectsFile)
		}
		return nil, err
	}
	res.Elapsed = time.Since(j.start)
	return res, nil
}

// validate checks the options and returns the forced encoding, if any.
func (j *job) validate() (string, error) {
	switch j.opt.Delimiter {
	case 0, ',', ';', '\t', '|', SpaceRuns:
		j.delim = byte(j.opt.Delimiter)
	default:
		return "", fmt.Errorf("%w: delimiter %q (use , ; tab | or space)", ErrBadOption, j.opt.Delimiter)
	}
	switch j.opt.Decimal {
	case 0, '.', ',':
	default:
		return "", fmt.Errorf("%w: decimal mark %q (use . or ,)", ErrBadOption, j.opt.Decimal)
	}
	if j.opt.SampleRows < 0 {
		return "", fmt.Errorf("%w: negative sample size", ErrBadOption)
	}
	return normEncoding(j.opt.Encoding)
}

// sniff decides delimiter and header from the head of the file and reads
// the column names.
func (j *job) sniff() error {
	if j.info.size == 0 || j.info.bom && j.info.size <= int64(len(utf8BOM)) {
		return fmt.Errorf("%s: %w", j.path, sayErr(ErrNoData, msgNoData))
	}
	in, err := openInput(j.path, nil)
	if err != nil {
		return err
	}
	defer in.Close()
	if j.info.bom {
		if _, err := io.CopyN(io.Discard, in.text, int64(len(utf8BOM))); err != nil {
			return err
		}
	}
	head, complete, err := readHead(j.decode(in.text))
	if err != nil {
		return err
	}
	if j.delim == 0 {
		j.delim = sniffDelimiter(head, complete)
	}
	if !complete {
		if i := bytes.LastIndexByte(head, '\n'); i > 0 {
			head = head[:i+1]
		}
	}
	r := newReader(bytes.NewReader(head), j.delim)
	first, err := r.Read()
	if err == io.EOF {
		return fmt.Errorf("%s: %w", j.path, sayErr(ErrNoData, msgNoData))
	}
	if err != nil {
		return j.importErr(r.Line(), 0, err)
	}
	firstLine := r.Line()
	first = append([]string(nil), first...)
	if col, err := j.unreadable(strings.Join(first, ""), first); err != nil {
		return j.importErr(r.Line(), col, err)
	}
	counts := map[int]int{}
	for range sniffRecords {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err == nil {
			counts[len(rec)]++
		}
	}
	mode, freq := len(first), 0
	for n, f := range counts {
		if f > freq || f == freq && n > mode {
			mode, freq = n, f
		}
	}
	switch j.opt.Header {
	case HeaderYes:
		j.header = true
	case HeaderNo:
		j.header = false
	default:
		j.header = looksLikeHeader(first)
	}
	if !j.header {
		j.ncols = max(mode, len(first))
		if freq == 0 {
			j.ncols = len(first)
		}
		j.names = columnNames(nil, j.ncols)
	} else {
		// A header with a trailing delimiter the data lines lack.
		for len(first) > 1 && freq > 0 && len(first) > mode && strings.TrimSpace(first[len(first)-1]) == "" {
			first = first[:len(first)-1]
		}
		j.ncols = len(first)
		j.names = columnNames(first, j.ncols)
	}
	if j.ncols > maxColumns {
		return j.importErr(firstLine, 0, &tooManyColumnsError{got: j.ncols, limit: maxColumns})
	}
	return nil
}

// readHead reads the first sniffBytes of the text and on to the end of the
// line they cut, so that a long first line (a wide header) is read whole,
// up to maxRecordBytes. complete says the text ended within.
func readHead(text io.Reader) (head []byte, complete bool, err error) {
	br := bufio.NewReaderSize(text, 64<<10)
	head, err = io.ReadAll(io.LimitReader(br, sniffBytes))
	if err != nil || len(head) < sniffBytes {
		return head, err == nil, err
	}
	for len(head) <= maxRecordBytes {
		more, err := br.ReadSlice('\n')
		head = append(head, more...)
		switch err {
		case nil:
			return head, false, nil
		case io.EOF:
			return head, true, nil
		case bufio.ErrBufferFull:
		default:
			return nil, false, err
		}
	}
	return head, false, nil
}

// warnings are what the scan and the last whole pass found worth saying.
func (j *job) warnings() []Warning {
	var ws []Warning
	if j.info.odd > 0 {
		say := model.Say(msgOddBytes, int64(j.info.odd), lineList(j.info.oddLines))
		ws = append(ws, Warning{Key: WarnOddBytes, Count: j.info.odd, Lines: j.info.oddLines, Text: english(say), Sentence: say})
	}
	if j.repaired > 0 {
		say := model.Say(msgQuoteNotClosed, int64(j.repaired), lineList(j.repairedAt))
		ws = append(ws, Warning{Key: WarnQuoteNotClosed, Count: j.repaired, Lines: j.repairedAt, Text: english(say), Sentence: say})
	}
	return ws
}

// lineList writes lines for a warning: "4, 17, 30", with "…" when the list
// was cut at maxWarnLines.
func lineList(lines []int) string {
	s := make([]string, len(lines))
	for i, l := range lines {
		s[i] = count(int64(l))
	}
	if len(lines) >= maxWarnLines {
		s = append(s, "…")
	}
	return strings.Join(s, ", ")
}

// addSample keeps a distinct example of the stored values.
func (c *column) addSample(v any) {
	s := fmt.Sprint(v)
	for _, x := range c.samples {
		if x == s {
			return
		}
	}
	c.samples = append(c.samples, s)
}

package csvimport

import (
	"testing"
)

func TestDelimiters(t *testing.T) {
	cases := []struct {
		name, content string
		want          rune
	}{
		{"comma", "id,name,city\n1,Ana,Madrid\n2,Bo,Lyon\n", ','},
		{"semicolon", "id;name;city\n1;Ana;Madrid\n2;Bo;Lyon\n", ';'},
		{"tab", "id\tname\tcity\n1\tAna\tMadrid\n2\tBo\tLyon\n", '\t'},
		{"pipe", "id|name|city\n1|Ana|Madrid\n2|Bo|Lyon\n", '|'},
		{"spaces", "id   name  city\n1    Ana   Madrid\n 2   Bo    Lyon  \n", SpaceRuns},
		{"quoted commas in semicolon file", "id;name;city\n1;\"Ana, María\";Madrid\n2;Bo;\"Lyon, FR\"\n", ';'},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, db := mustImport(t, "people.csv", c.content, Options{})
			if res.Dialect.Delimiter != c.want {
				t.Errorf("delimiter %q, want %q", res.Dialect.Delimiter, c.want)
			}
			if res.Table != "people" || res.Rows != 2 || !res.Dialect.Header {
				t.Errorf("table %q rows %d header %v", res.Table, res.Rows, res.Dialect.Header)
			}
			got := rows(t, db, `SELECT id, name FROM people ORDER BY id`)
			if len(got) != 2 || got[0][0] != int64(1) || got[1][1] != "Bo" {
				t.Errorf("rows %#v", got)
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	content := "id,text,n\n" +
		"1,\"say \"\"hi\"\", then go\",3\n" + // escaped quotes and a comma
		"2,\"two\nlines\",4\n" + // a newline inside quotes
		"3, \"spaced\" ,5\n" + // spaces around a quoted field
		"4,7\" single,6\n" // a bare quote in an unquoted field is a character
	res, db := mustImport(t, "q.csv", content, Options{})
	if res.Rows != 4 {
		t.Fatalf("rows %d", res.Rows)
	}
	wantRows(t, db, `SELECT text, n FROM q ORDER BY id`, [][]any{
		{`say "hi", then go`, int64(3)}, {"two\nlines", int64(4)}, {"spaced", int64(5)}, {`7" single`, int64(6)},
	})
}

func TestBOMAndLineEndings(t *testing.T) {
	// A BOM, CRLF line ends and no newline after the last line.
	res, db := mustImport(t, "b.csv", "\xEF\xBB\xBFid,name\r\n1,Ana\r\n2,Bo", Options{})
	if !res.Dialect.BOM || res.Dialect.Encoding != EncodingUTF8 || res.Rows != 2 {
		t.Fatalf("dialect %+v rows %d", res.Dialect, res.Rows)
	}
	wantRows(t, db, `SELECT "id", name FROM b ORDER BY id`, [][]any{{int64(1), "Ana"}, {int64(2), "Bo"}})
	// LF with a last line without newline, and blank lines skipped.
	_, db = mustImport(t, "c.csv", "id,name\n\n1,Ana\n2,Bo", Options{})
	wantRows(t, db, `SELECT count(*), max(name) FROM c`, [][]any{{int64(2), "Bo"}})
}

func TestEncodings(t *testing.T) {
	// "José;Málaga;señal" in Latin-1 bytes: not UTF-8, so read as Windows-1252.
	latin := "nombre;ciudad\nJos\xe9;M\xe1laga\nPe\xf1a;C\xe1diz\n"
	res, db := mustImport(t, "l.csv", latin, Options{})
	if res.Dialect.Encoding != EncodingWindows1252 {
		t.Errorf("encoding %q", res.Dialect.Encoding)
	}
	wantRows(t, db, `SELECT nombre, ciudad FROM l ORDER BY rowid`, [][]any{{"José", "Málaga"}, {"Peña", "Cádiz"}})
	// Windows-1252's euro sign and curly quotes.
	_, db = mustImport(t, "w.csv", "item,price\n\x93caf\xe9\x94,3 \x80\n", Options{})
	wantRows(t, db, `SELECT item, price FROM w`, [][]any{{"“café”", "3 €"}})
	// A byte Windows-1252 leaves undefined makes it Latin-1.
	res, db = mustImport(t, "x.csv", "a,b\nx\x81,\xe9\n", Options{})
	if res.Dialect.Encoding != EncodingLatin1 {
		t.Errorf("encoding %q", res.Dialect.Encoding)
	}
	wantRows(t, db, `SELECT a, b FROM x`, [][]any{{"x\u0081", "é"}})
	// Forced Latin-1 on a file that is also valid UTF-8.
	_, db = mustImport(t, "f.csv", "a\nÃ©\n", Options{Encoding: "latin1"})
	wantRows(t, db, `SELECT a FROM f`, [][]any{{"Ã\u0083Â©"}})
}

func TestNoHeader(t *testing.T) {
	res, db := mustImport(t, "n.csv", "1,Ana,2020-01-31\n2,Bo,2020-02-29\n", Options{})
	if res.Dialect.Header {
		t.Fatal("a numeric first line taken for a header")
	}
	wantRows(t, db, `SELECT column_1, column_2, column_3 FROM n ORDER BY 1`, [][]any{
		{int64(1), "Ana", "2020-01-31"}, {int64(2), "Bo", "2020-02-29"}})
	// Forced: a first line of words is data too.
	res, db = mustImport(t, "m.csv", "Ana,Madrid\nBo,Lyon\n", Options{Header: HeaderNo})
	if res.Rows != 2 {
		t.Fatalf("rows %d", res.Rows)
	}
	wantRows(t, db, `SELECT column_1 FROM m ORDER BY 1`, [][]any{{"Ana"}, {"Bo"}})
}

func TestDecimalComma(t *testing.T) {
	content := "nombre;importe;unidades;total\nAna;1.234,56;3;1.000\nBo;7,5;12;2.500\nCe;;1;-3\n"
	res, db := mustImport(t, "d.csv", content, Options{})
	if res.Dialect.Decimal != ',' {
		t.Fatalf("decimal %q", res.Dialect.Decimal)
	}
	if c := summaryOf(t, res, "importe"); c.SQLType != "REAL" || c.Nulls != 1 {
		t.Errorf("importe %+v", c)
	}
	if c := summaryOf(t, res, "total"); c.SQLType != "INTEGER" {
		t.Errorf("total %+v (thousands separators)", c)
	}
	wantRows(t, db, `SELECT importe, total FROM d ORDER BY rowid`, [][]any{
		{1234.56, int64(1000)}, {7.5, int64(2500)}, {nil, int64(-3)}})
	// Forced point: "7,5" is then text.
	res, _ = mustImport(t, "e.csv", content, Options{Decimal: '.'})
	if c := summaryOf(t, res, "importe"); c.SQLType != "TEXT" {
		t.Errorf("importe with a point mark: %+v", c)
	}
}

func TestDateOrder(t *testing.T) {
	// 13/04 can only be day-first: 03/04 is then 3 April.
	res, db := mustImport(t, "dm.csv", "d,n\n03/04/2021,1\n13/04/2021,2\n", Options{})
	if c := summaryOf(t, res, "d"); c.Kind.String() != "date" {
		t.Fatalf("kind %v", c.Kind)
	}
	wantRows(t, db, `SELECT d FROM dm ORDER BY n`, [][]any{{"2021-04-03"}, {"2021-04-13"}})
	// 04/13 can only be month-first: 03/04 is then 4 March; times kept.
	res, db = mustImport(t, "md.csv", "d,n\n03/04/2021 8:26,1\n04/13/2021 17:05,2\n", Options{})
	if c := summaryOf(t, res, "d"); c.Kind.String() != "datetime" {
		t.Fatalf("kind %v", c.Kind)
	}
	wantRows(t, db, `SELECT d FROM md ORDER BY n`, [][]any{{"2021-03-04 08:26:00"}, {"2021-04-13 17:05:00"}})
	// Nothing decides: day-first. Both proven: text.
	_, db = mustImport(t, "u.csv", "d\n01-02-2021\n", Options{})
	wantRows(t, db, `SELECT d FROM u`, [][]any{{"2021-02-01"}})
	res, _ = mustImport(t, "c.csv", "d\n13/01/2021\n01/13/2021\n", Options{})
	if c := summaryOf(t, res, "d"); c.SQLType != "TEXT" || c.Note == "" {
		t.Errorf("conflicting orders: %+v", c)
	}
}

func TestTypes(t *testing.T) {
	content := "CustomerID,yes_no,si_no,flag,when,day,price,code,blank,note,phone,card\n" +
		"17850.0,yes,sí,1,2011-12-09 12:50:00,20240131,\"1,234.50\",0042,, padded ,+34600123456,12345678901234567890\n" +
		"13047.0,no,no,0,2011-12-09,20231201,2,0007,  ,x,600123456,2\n" +
		",Y,SI,0,2011-01-02 03:04,19991231,-3.25,1234,,,,\n"
	res, db := mustImport(t, "types.csv", content, Options{})
	// Yes/no words are stored as written (TEXT), no longer as 0/1: a query
	// such as WHERE yes_no = 'yes' must find what the file says, and
	// pulpero's kind inference reads such text as a boolean. A 0/1 column
	// ("flag") is stored as the integers it holds.
	want := map[string][2]string{
		"CustomerID": {"INTEGER", "identifier"},
		"yes_no":     {"TEXT", "boolean"},
		"si_no":      {"TEXT", "boolean"},
		"flag":       {"INTEGER", "boolean"},
		"when":       {"TEXT", "datetime"},
		"day":        {"TEXT", "date"},
		"price":      {"REAL", "real"},
		"code":       {"TEXT", "text"},
		"blank":      {"TEXT", "text"},
		"phone":      {"TEXT", "text"},
		"card":       {"TEXT", "text"},
	}
	for name, w := range want {
		if c := summaryOf(t, res, name); c.SQLType != w[0] || c.Kind.String() != w[1] {
			t.Errorf("%s: %s %s, want %v", name, c.SQLType, c.Kind, w)
		}
	}
	if res.Key != "CustomerID" {
		t.Errorf("key %q", res.Key)
	}
	if c := summaryOf(t, res, "code"); c.Note != `codes such as "0042" kept as text` {
		t.Errorf("code note %q", c.Note)
	}
	wantRows(t, db, `SELECT CustomerID, yes_no, si_no, "when", day, price, code, blank, note FROM types ORDER BY rowid`, [][]any{
		{int64(17850), "yes", "sí", "2011-12-09 12:50:00", "2024-01-31", 1234.5, "0042", nil, "padded"},
		{int64(13047), "no", "no", "2011-12-09 00:00:00", "2023-12-01", 2.0, "0007", nil, "x"},
		{nil, "Y", "SI", "2011-01-02 03:04:00", "1999-12-31", -3.25, "1234", nil, nil},
	})
	// The key is indexed.
	if got := rows(t, db, `SELECT count(*) FROM pragma_index_list('types')`); got[0][0] != int64(1) {
		t.Errorf("indexes on types: %v", got)
	}
}

func TestNames(t *testing.T) {
	content := "\"na\"\"me\",año,😀 score,a b,,a b\nx,1,2,3,4,5\n"
	res, db := mustImport(t, "Weird Names.csv", content, Options{})
	if res.Table != "weird_names" {
		t.Errorf("table %q", res.Table)
	}
	var names, als []string
	for _, c := range res.Columns {
		names = append(names, c.Name)
		als = append(als, c.Alias)
	}
	wantNames := []string{`na"me`, "año", "😀 score", "a b", "column_5", "a b_2"}
	wantAls := []string{"na_me", "ano", "score", "a_b", "column_5", "a_b_2"}
	for i := range wantNames {
		if names[i] != wantNames[i] || als[i] != wantAls[i] {
			t.Errorf("column %d: %q %q, want %q %q", i, names[i], als[i], wantNames[i], wantAls[i])
		}
	}
	wantRows(t, db, `SELECT "na""me", "año", "😀 score", "a b", "a b_2" FROM weird_names`, [][]any{
		{"x", int64(1), int64(2), int64(3), int64(5)}})
	// --table keeps a name as written.
	res, db = mustImport(t, "t.csv", "a\n1\n", Options{Table: `my "table"`})
	wantRows(t, db, `SELECT a FROM "my ""table"""`, [][]any{{int64(1)}})
}

func TestCleanAlias(t *testing.T) {
	for in, want := range map[string]string{
		"CustomerID": "customer_id", "InvoiceNo": "invoice_no", "UnitPrice": "unit_price",
		"Annual Income (k$)": "annual_income_k", "Spending Score (1-100)": "spending_score_1_100",
		"IDNumber": "id_number", "Straße": "strasse", "Ñandú": "nandu", "2019": "c_2019",
		"id_cliente": "id_cliente", "  ": "", "💶": "",
	} {
		if got := cleanAlias(in); got != want {
			t.Errorf("cleanAlias(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTrailingDelimiterOnHeaderOnly(t *testing.T) {
	res, db := mustImport(t, "h.csv", "a;b;\n1;2\n3;4\n", Options{})
	if len(res.Columns) != 2 || res.Rows != 2 {
		t.Fatalf("columns %d rows %d", len(res.Columns), res.Rows)
	}
	wantRows(t, db, `SELECT sum(a), sum(b) FROM h`, [][]any{{int64(4), int64(6)}})
}

package csvimport

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// brokenQuote has a quote opened on line 4 that the file never closes
// there; read naively, the quote closes at the opening quote of line 5 and
// customer 3 takes customer 4's e-mail and consent.
const brokenQuote = "id,name,email,consent\n" +
	"1,Ana,ana@x.com,yes\n" +
	"2,Bo,bo@x.com,no\n" +
	"3,\"Ce Lopez,ce@x.com,yes\n" +
	"4,\"Di\",di@x.com,no\n" +
	"5,Ed,ed@x.com,yes\n"

func TestUnclosedQuoteIsAnError(t *testing.T) {
	_, db, err := importText(t, "c.csv", brokenQuote, Options{})
	var ie *ImportError
	if !errors.As(err, &ie) || !errors.Is(err, ErrQuote) || ie.Line != 4 || ie.Column != 2 {
		t.Fatalf("err = %v, want ErrQuote on line 4, column 2", err)
	}
	if !strings.Contains(err.Error(), "line 4") || !strings.Contains(err.Error(), "--lenient") {
		t.Errorf("message %q", err)
	}
	if db != "" && fileExists(db) {
		t.Errorf("a failed import left %s", db)
	}
	// The quote swallowing a whole record line (closing two lines later).
	three := strings.Replace(brokenQuote, "4,\"Di\",", "4,Di,", 1)
	three = strings.Replace(three, "5,Ed,", "5,\"Ed\",", 1)
	_, _, err = importText(t, "c.csv", three, Options{})
	if !errors.As(err, &ie) || !errors.Is(err, ErrQuote) || ie.Line != 4 {
		t.Fatalf("three lines: err = %v", err)
	}
}

func TestUnclosedQuoteSkipBad(t *testing.T) {
	res, db := mustImport(t, "c.csv", brokenQuote, Options{SkipBad: true})
	if res.Rows != 4 || res.Rejected != 1 {
		t.Fatalf("rows %d rejected %d", res.Rows, res.Rejected)
	}
	wantRows(t, db, `SELECT id, email, consent FROM c ORDER BY id`, [][]any{
		{int64(1), "ana@x.com", "yes"}, {int64(2), "bo@x.com", "no"}, {int64(4), "di@x.com", "no"}, {int64(5), "ed@x.com", "yes"}})
}

func TestUnclosedQuoteLenient(t *testing.T) {
	res, db := mustImport(t, "c.csv", brokenQuote, Options{Lenient: true})
	if res.Rows != 5 {
		t.Fatalf("rows %d", res.Rows)
	}
	wantRows(t, db, `SELECT id, name, email, consent FROM c ORDER BY id`, [][]any{
		{int64(1), "Ana", "ana@x.com", "yes"}, {int64(2), "Bo", "bo@x.com", "no"},
		{int64(3), "\"Ce Lopez", "ce@x.com", "yes"}, {int64(4), "Di", "di@x.com", "no"}, {int64(5), "Ed", "ed@x.com", "yes"}})
	if len(res.Warnings) != 1 || res.Warnings[0].Key != WarnQuoteNotClosed || res.Warnings[0].Count != 1 ||
		!reflect.DeepEqual(res.Warnings[0].Lines, []int{4}) {
		t.Errorf("warnings %+v", res.Warnings)
	}
}

func TestMultiLineFieldsStillWork(t *testing.T) {
	// Properly closed quoted fields spanning lines, holding delimiters,
	// escaped quotes and a continuation that starts with a number.
	content := "id,address,email,consent\n" +
		"1,\"Calle Mayor 5\n28013 Madrid, Spain\",ana@x.com,yes\n" +
		"2,\"Rue de Lyon 3, 2e\nApt \"\"B\"\"\n75012 Paris\",bo@x.com,no\n" +
		"3,\"4,x,y\nz\",ce@x.com,yes\n" +
		"4,plain,di@x.com,no\n"
	res, db := mustImport(t, "m.csv", content, Options{})
	if res.Rows != 4 || len(res.Warnings) != 0 {
		t.Fatalf("rows %d warnings %+v", res.Rows, res.Warnings)
	}
	wantRows(t, db, `SELECT address, email FROM m ORDER BY id`, [][]any{
		{"Calle Mayor 5\n28013 Madrid, Spain", "ana@x.com"}, {"Rue de Lyon 3, 2e\nApt \"B\"\n75012 Paris", "bo@x.com"},
		{"4,x,y\nz", "ce@x.com"}, {"plain", "di@x.com"}})
	// A multi-line field in the first column.
	content = "note,id,email\n\"first\nsecond, more\",1,a@x.com\n\"one\",2,b@x.com\n"
	_, db = mustImport(t, "n.csv", content, Options{})
	wantRows(t, db, `SELECT note, id FROM n ORDER BY id`, [][]any{{"first\nsecond, more", int64(1)}, {"one", int64(2)}})
}

func TestQuoteNeverClosesLenient(t *testing.T) {
	// Without Lenient a quote open at the end of the file is an error on
	// the line it opened; with it, the quote is a plain character.
	content := "a,b\n1,x\n2,\"y\n3,z\n"
	_, _, err := importText(t, "e.csv", content, Options{})
	var ie *ImportError
	if !errors.As(err, &ie) || !errors.Is(err, ErrQuote) || ie.Line != 3 {
		t.Fatalf("err = %v", err)
	}
	res, db := mustImport(t, "e.csv", content, Options{Lenient: true})
	if res.Rows != 3 || len(res.Warnings) != 1 || res.Warnings[0].Count != 1 {
		t.Fatalf("rows %d warnings %+v", res.Rows, res.Warnings)
	}
	wantRows(t, db, `SELECT b FROM e ORDER BY a`, [][]any{{"x"}, {"\"y"}, {"z"}})
}

package csvimport

import (
	"context"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/store"
)

func TestValuesStoredAsWritten(t *testing.T) {
	// Yes/No stays text, so that WHERE Churn = 'Yes' finds the rows the
	// file marks; numbers are numbers and dates ISO, with a note saying
	// what was rewritten.
	content := "id;Churn;Active;amount;joined\n" +
		"1;Yes;1;1.234,56;03/04/2021\n" +
		"2;No;0;7,5;13/04/2021\n" +
		"3;Yes;1;2;2021-05-01\n"
	res, db := mustImport(t, "churn.csv", content, Options{})
	wantRows(t, db, `SELECT count(*) FROM churn WHERE Churn = 'Yes'`, [][]any{{int64(2)}})
	wantRows(t, db, `SELECT Churn, Active, amount, joined FROM churn ORDER BY id`, [][]any{
		{"Yes", int64(1), 1234.56, "2021-04-03"}, {"No", int64(0), 7.5, "2021-04-13"}, {"Yes", int64(1), 2.0, "2021-05-01"}})
	if c := summaryOf(t, res, "Churn"); c.SQLType != "TEXT" || c.Kind.String() != "boolean" || c.Rewritten != 0 {
		t.Errorf("Churn %+v", c)
	}
	if c := summaryOf(t, res, "amount"); c.Rewritten != 2 || !strings.Contains(c.Note, `"1.234,56"`) || !strings.Contains(c.Note, "1234.56") {
		t.Errorf("amount %+v", c)
	}
	if c := summaryOf(t, res, "joined"); c.Rewritten != 2 || !strings.Contains(c.Note, `"03/04/2021"`) || !strings.Contains(c.Note, "2021-04-03") {
		t.Errorf("joined %+v", c)
	}
	if c := summaryOf(t, res, "id"); c.Rewritten != 0 || c.Note != "" {
		t.Errorf("id %+v", c)
	}
	// pulpero's own kind inference (store.Profile) reads the text yes/no as a boolean.
	sdb, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer sdb.Close()
	tbl, err := sdb.Table(context.Background(), "churn")
	if err != nil {
		t.Fatal(err)
	}
	prof, err := sdb.Profile(context.Background(), tbl, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range prof {
		if p.Name == "Churn" && p.Kind.String() != "boolean" {
			t.Errorf("store reads Churn as %s (%s)", p.Kind, p.KindWhy)
		}
	}
}

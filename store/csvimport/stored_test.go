package csvimport

import (
	"strings"
	"testing"
)

func TestValuesStoredAsWritten(t *testing.T) {
	// Yes/No stays text, so that WHERE Churn = 'Yes' finds the rows the
	// file marks (store's kind inference, store/infer.go, reads such text
	// as a boolean); numbers are numbers and dates ISO, with a note saying
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
}

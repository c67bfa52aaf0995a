package csvimport

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// TestErrorsCarrySentences (issue 19): what an import tells people is also
// a model.Sentence a face can translate, reading in English exactly as the
// message does: a problem at a place (what is wrong and the hint), a file
// with no data, a table already there.
func TestErrorsCarrySentences(t *testing.T) {
	cases := []struct{ name, content string }{
		{"ragged.csv", "a,b,c\n1,2,3\n4,5\n"},
		{"quote.csv", "a,b\n1,\"open\n2,3\n"},
		{"bytes.csv", "a,b\n1,ok\n2,caf\xe9\n"},
		{"nul.csv", "a,b\n1,x\x00y\n"},
		{"value.csv", "name,age\nAna,30\nBo,41\nCe,abc\n"},
		{"empty.csv", ""},
	}
	for _, c := range cases {
		opt := Options{SampleRows: 2}
		if c.name == "bytes.csv" {
			opt.Encoding = "utf-8"
		}
		_, _, err := importText(t, c.name, c.content, opt)
		if err == nil {
			t.Fatalf("%s: imported", c.name)
		}
		var s model.Sentence
		if !errors.As(err, &s) && !strings.HasSuffix(err.Error(), errBinary.Error()+"; "+hintBinary) {
			t.Errorf("%s: no sentence in %q", c.name, err)
			continue
		}
		var ie *ImportError
		if !errors.As(err, &ie) {
			if !strings.HasSuffix(err.Error(), s.String()) {
				t.Errorf("%s: sentence %q, message %q", c.name, s, err)
			}
			continue
		}
		// the place, what is wrong, the hint: said again from the parts
		place := ie.File + ":" + strconv.Itoa(ie.Line) + ": "
		if ie.Column > 0 {
			place += "column " + strconv.Itoa(ie.Column)
			if ie.ColumnName != "" {
				place += " " + strconv.Quote(ie.ColumnName)
			}
			place += ": "
		}
		if got := place + ie.Err.Error() + "; " + ie.Hint().String(); got != err.Error() {
			t.Errorf("%s: from the parts %q, message %q", c.name, got, err)
		}
		if errors.As(ie.Err, &s) && s.String() != ie.Err.Error() {
			t.Errorf("%s: sentence %q, error %q", c.name, s, ie.Err)
		}
	}

	p := writeFile(t, "c.csv", "id,name\n1,Ana\n")
	db := filepath.Join(filepath.Dir(p), "c.db")
	if _, err := Import(context.Background(), db, p, Options{}); err != nil {
		t.Fatal(err)
	}
	_, err := Import(context.Background(), db, p, Options{})
	var s model.Sentence
	if !errors.Is(err, ErrTableExists) || !errors.As(err, &s) || s.String() != err.Error() {
		t.Errorf("table exists: %v (sentence %q)", err, s)
	}
	os.Remove(p)
}

// TestNotesCarrySentences: the encoding note, the warnings and the column
// notes come with their Sentence, whose counts are numbers (a face writes
// them in the reader's format) and whose English, counts grouped, is the
// text the result has always held.
func TestNotesCarrySentences(t *testing.T) {
	var b strings.Builder
	b.WriteString("id;amount;code\n")
	for i := range 1500 {
		b.WriteString(strconv.Itoa(i) + ";1.234,5" + strconv.Itoa(i%10) + ";0" + strconv.Itoa(i) + "\n")
	}
	res, _ := mustImport(t, "notes.csv", b.String(), Options{})
	if res.Dialect.EncodingSentence.String() != res.Dialect.EncodingNote || res.Dialect.EncodingNote == "" {
		t.Errorf("encoding %q, sentence %q", res.Dialect.EncodingNote, res.Dialect.EncodingSentence)
	}
	amount := summaryOf(t, res, "amount")
	if amount.Note != english(amount.NoteSentence) || !strings.Contains(amount.Note, "(1,500)") ||
		amount.NoteSentence.Args[0] != int64(1500) {
		t.Errorf("amount note %q, sentence %#v", amount.Note, amount.NoteSentence)
	}
	if c := summaryOf(t, res, "code"); c.Note != english(c.NoteSentence) {
		t.Errorf("code note %q, sentence %#v", c.Note, c.NoteSentence)
	}
	res, _ = mustImport(t, "odd.csv", "a,b\n1,caf\xc3\xa9\n2,caf\xc3\xa9\n3,x\xe9\n", Options{})
	if len(res.Warnings) == 0 {
		t.Fatal("no warning of the odd byte")
	}
	for _, w := range res.Warnings {
		if w.Text != english(w.Sentence) || w.Sentence.Format == "" {
			t.Errorf("warning %q, sentence %#v", w.Text, w.Sentence)
		}
	}
}

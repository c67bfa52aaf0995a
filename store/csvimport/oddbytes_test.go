package csvimport

import (
	"reflect"
	"strings"
	"testing"
)

func TestOddBytesInUTF8File(t *testing.T) {
	// Valid UTF-8 throughout except one Latin-1 byte (0xE9) on line 4: the
	// file stays UTF-8, the byte is replaced and its line reported.
	content := "id,name\n1,Ñoño\n2,Peña\n3,caf\xe9\n4,Müller\n"
	res, db := mustImport(t, "u.csv", content, Options{})
	if res.Dialect.Encoding != EncodingUTF8 || res.Dialect.EncodingWhy != WhyMostlyUTF8 {
		t.Fatalf("encoding %q (%s)", res.Dialect.Encoding, res.Dialect.EncodingWhy)
	}
	if res.Dialect.EncodingNote == "" {
		t.Error("no sentence says why UTF-8 was chosen")
	}
	wantRows(t, db, `SELECT name FROM u ORDER BY id`, [][]any{{"Ñoño"}, {"Peña"}, {"caf\uFFFD"}, {"Müller"}})
	if len(res.Warnings) != 1 {
		t.Fatalf("warnings %+v", res.Warnings)
	}
	w := res.Warnings[0]
	if w.Key != WarnOddBytes || w.Count != 1 || !reflect.DeepEqual(w.Lines, []int{4}) || !strings.Contains(w.Text, "4") {
		t.Errorf("warning %+v", w)
	}
	// Line numbers follow the file's line ends: here lone CRs.
	res, _ = mustImport(t, "c.csv", "id,name\r1,Ñoño\r2,x\xff\r3,y\r4,z\xfe\xfe\r", Options{})
	if len(res.Warnings) != 1 || res.Warnings[0].Count != 3 || !reflect.DeepEqual(res.Warnings[0].Lines, []int{3, 5}) {
		t.Errorf("CR file warnings %+v", res.Warnings)
	}
}

func TestEncodingReasons(t *testing.T) {
	res, _ := mustImport(t, "v.csv", "a\nÑoño\n", Options{})
	if res.Dialect.EncodingWhy != WhyValidUTF8 || len(res.Warnings) != 0 {
		t.Errorf("valid UTF-8: %s %+v", res.Dialect.EncodingWhy, res.Warnings)
	}
	res, _ = mustImport(t, "b.csv", "\xEF\xBB\xBFa\nx\n", Options{})
	if res.Dialect.EncodingWhy != WhyBOM {
		t.Errorf("BOM: %s", res.Dialect.EncodingWhy)
	}
	res, _ = mustImport(t, "f.csv", "a\nx\n", Options{Encoding: "latin1"})
	if res.Dialect.EncodingWhy != WhyForced {
		t.Errorf("forced: %s", res.Dialect.EncodingWhy)
	}
	// Windows-1252 text with many high bytes, one pair of which happens to
	// form a UTF-8 sequence ("É" 0xC9 before "”" 0x94): still Windows-1252.
	latin := "nombre;ciudad\nJos\xe9;M\xe1laga\nPe\xf1a;C\xe1diz\nIb\xe1\xf1ez;Le\xf3n\n\x93CAF\xc9\x94;\xc1vila\n"
	res, db := mustImport(t, "l.csv", latin, Options{})
	if res.Dialect.Encoding != EncodingWindows1252 || res.Dialect.EncodingWhy != WhyNotUTF8 || len(res.Warnings) != 0 {
		t.Fatalf("Latin text: %q %s %+v", res.Dialect.Encoding, res.Dialect.EncodingWhy, res.Warnings)
	}
	wantRows(t, db, `SELECT nombre, ciudad FROM l ORDER BY rowid`, [][]any{
		{"José", "Málaga"}, {"Peña", "Cádiz"}, {"Ibáñez", "León"}, {"“CAFÉ”", "Ávila"}})
}

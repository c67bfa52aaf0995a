package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestListFormats(t *testing.T) {
	it := ListItem{CustomerID: "7", Channel: "email", Segment: "VIP; \"gold\"", Group: "control", Prob: 0.0825, Expected: 3.3}
	var csvOut, excel, jsonl strings.Builder
	for _, c := range []struct {
		w *strings.Builder
		f ListFormat
	}{{&csvOut, ListFormat{}}, {&excel, ListFormat{Excel: true}}, {&jsonl, ListFormat{JSONLines: true}}} {
		lw, err := NewListWriter(c.w, c.f)
		if err != nil {
			t.Fatal(err)
		}
		lw.Write(it, "Ana Pérez", "ana@example.es")
		if err := lw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	if want := "customer_id,name,contact,channel,segment,group,response_probability,expected_value\n" +
		"7,Ana Pérez,ana@example.es,email,\"VIP; \"\"gold\"\"\",control,0.082500,3.3000\n"; csvOut.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", csvOut.String(), want)
	}
	if !strings.HasPrefix(excel.String(), "\ufeffcustomer_id;name;") || !strings.Contains(excel.String(), ";0,082500;3,3000\n") {
		t.Errorf("excel: %q", excel.String())
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(jsonl.String()), &row); err != nil || row["contact"] != "ana@example.es" || row["response_probability"] != 0.0825 {
		t.Errorf("jsonl %q: %v", jsonl.String(), err)
	}
}

func TestAtomicFile(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "list.csv")
	os.WriteFile(dest, []byte("old"), 0o600)
	if _, err := CreateAtomic(dest, false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("overwrote without force: %v", err)
	}
	f, err := CreateAtomic(dest, true)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("new")
	f.Abort()
	if b, _ := os.ReadFile(dest); string(b) != "old" {
		t.Fatalf("abort changed the file: %q", b)
	}
	f, _ = CreateAtomic(dest, true)
	f.WriteString("new")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dest); string(b) != "new" {
		t.Fatalf("commit left %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".pulpero-*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

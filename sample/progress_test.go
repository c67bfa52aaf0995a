package sample

import (
	"strings"
	"testing"
)

func TestTextBar(t *testing.T) {
	var b strings.Builder
	bar := TextBar(&b)
	bar(Progress{Phase: "customers", Done: 9000, Total: 20000, Fraction: 0.45})
	bar(Progress{Phase: "customers", Done: 9000, Total: 20000, Fraction: 0.45}) // unchanged: not redrawn
	bar(Progress{Phase: "done", Fraction: 1})
	want := "\r[#############.................]  45%  customers 9000/20000" +
		"\r[##############################] 100%  done                \n"
	if b.String() != want {
		t.Fatalf("got  %q\nwant %q", b.String(), want)
	}
	if TextBar(nil) != nil {
		t.Fatal("TextBar(nil) should be nil")
	}
}

package tables

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// screen is the Tables screen over db's customer table at a size, in loc's
// language, with its table list read.
func screen(t *testing.T, w, h int, loc locale.Locale) *Model {
	t.Helper()
	db := demo(t)
	cust, why, err := db.CustomerTable(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Locale: loc,
		Session: &common.Session{DB: db, Table: cust, TableWhy: why}}
	m := New(c)
	m.SetSize(w, h-2)
	send(m, m.Init()())
	return m
}

// TestGoldenViews: the table list and a page of a table, in English and
// in Spanish, at 100×30 and 80×24.
func TestGoldenViews(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	for _, lang := range []struct {
		name string
		loc  locale.Locale
	}{{"", locale.Default()}, {"_es", es}} {
		for _, sz := range [][2]int{{100, 30}, {80, 24}} {
			m := screen(t, sz[0], sz[1], lang.loc)
			size := fmt.Sprintf("%s_%dx%d", lang.name, sz[0], sz[1])
			screentest.Golden(t, "list"+size, m.View(), *update)
			for i, tb := range m.tables {
				if tb.Name == "invoice_lines" {
					m.cursor = i
				}
			}
			send(m, keyPress("enter"))
			screentest.Golden(t, "page"+size, m.View(), *update)
		}
	}
}

// TestSpanishTableList: the list's header, its note and its counts are
// Spanish, with the thousands as Spain groups them.
func TestSpanishTableList(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	m := screen(t, 100, 30, es)
	v := ansi.Strip(m.View())
	for _, want := range []string{"tabla", "filas", "columnas", "* la tabla de clientes: "} {
		if !strings.Contains(v, want) {
			t.Errorf("the list lacks %q:\n%s", want, v)
		}
	}
	for i, tb := range m.tables {
		if tb.Name == "invoice_lines" {
			m.cursor = i
		}
	}
	send(m, keyPress("enter"))
	if v := ansi.Strip(m.View()); !strings.Contains(v, "invoice_lines · filas 1–") || !strings.Contains(v, " de "+m.common.Int(int(m.tables[m.cursor].Rows))) {
		t.Errorf("page title:\n%s", v)
	}
}

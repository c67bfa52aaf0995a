package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// TestImportedYesNoColumnsAreYesNo: an import stores yes/no words as the
// file says, and the profile still reads the column as yes/no, whatever
// spellings it mixes ("yes", "no", "Y", "sí").
func TestImportedYesNoColumnsAreYesNo(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "clientes.csv")
	body := "id,churn,acepta_email\n"
	spell := []string{"yes", "no", "Y", "No", "sí", "NO"}
	for i := 1; i <= 60; i++ {
		body += string(rune('0'+i/10)) + string(rune('0'+i%10)) + "," + spell[i%len(spell)] + "," + spell[(i+1)%len(spell)] + "\n"
	}
	os.WriteFile(csvPath, []byte(body), 0o644)
	ctx := context.Background()
	dbPath := filepath.Join(dir, "shop.db")
	if _, err := ImportCSV(ctx, dbPath, csvPath, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dbPath, OpenOptions{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tab, _, err := db.CustomerTable(ctx, "clientes")
	if err != nil {
		t.Fatal(err)
	}
	profiles, err := db.Profile(ctx, tab)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range profiles {
		if (p.Name == "churn" || p.Name == "acepta_email") && p.Kind != model.KindBoolean {
			t.Errorf("%s: kind %s (%s), want boolean", p.Name, p.Kind, p.KindWhy)
		}
	}
	rows, err := db.ReadRows(ctx, "clientes", []string{"churn"}, []int64{1, 2, 3})
	if err != nil || len(rows) != 3 || rows[1].Values[0] != "Y" {
		t.Fatalf("stored values: %+v %v (the file's own spelling is kept)", rows, err)
	}
}

package cli

import (
	"database/sql"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

// TestRolesShowAndCorrectThePurchases: `pulpero roles` says where the
// purchases are read from and what each column means, names what is
// missing (two date columns no name tells apart), and its --set corrects a
// purchase role as well as a customer role.
func TestRolesShowAndCorrectThePurchases(t *testing.T) {
	dir := t.TempDir()
	shop := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: shop}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE clientes (id_cliente INTEGER PRIMARY KEY, zona TEXT);
		CREATE TABLE ventas (id INTEGER PRIMARY KEY, id_cliente INTEGER REFERENCES clientes(id_cliente), importe REAL, cuando TEXT, entrega TEXT);
		INSERT INTO clientes VALUES (1, 'norte'), (2, 'sur');
		INSERT INTO ventas VALUES (1, 1, 10.5, '2024-03-01', '2024-03-09'), (2, 2, 20, '2024-03-05', '2024-03-09')`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	code, stdout, stderr := runCLI(t, "roles", shop, "--data-dir", dir)
	if code != exitOK || !strings.Contains(stdout, "Purchases:") || !strings.Contains(stdout, "ventas.importe") ||
		!strings.Contains(stdout, "missing:") {
		t.Fatalf("exit %d: %s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = runCLI(t, "roles", shop, "--data-dir", dir, "--set", "purchase_date=ventas.cuando")
	if code != exitOK || !strings.Contains(stdout, "ventas.cuando") || strings.Contains(stdout, "missing:") {
		t.Fatalf("after --set: exit %d: %s\n%s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "roles", shop, "--data-dir", dir, "--set", "nonsense=ventas.cuando"); code != exitUsage ||
		!strings.Contains(stderr, "purchase_date") {
		t.Errorf("unknown role: exit %d %s", code, stderr)
	}
}

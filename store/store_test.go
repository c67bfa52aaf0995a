package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// makeDB writes a real SQLite file from SQL statements.
func makeDB(t *testing.T, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	db, err := sql.Open("sqlite", readWriteDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}

const shopSchema = `CREATE TABLE "clientes del año 😀" (
	id_cliente INTEGER PRIMARY KEY, "Nombre" TEXT, correo TEXT, "Fecha de Nacimiento" TEXT, sexo TEXT,
	"ingresos ""netos""" REAL, acepta_email TEXT, hijos INTEGER, siempre_nulo TEXT, alta TEXT, telefono TEXT, fecha_consentimiento TEXT)`

func fillShop(n int) []string {
	stmts := []string{shopSchema,
		`CREATE TABLE ventas (id INTEGER PRIMARY KEY, id_cliente INTEGER REFERENCES "clientes del año 😀"(id_cliente), importe REAL)`}
	sexes := []string{"mujer", "hombre"}
	for i := 1; i <= n; i++ {
		consent := "si"
		if i%3 == 0 {
			consent = "no"
		}
		income := "NULL"
		if i%7 != 0 {
			income = itoa(1000+i*13%5000) + ".5"
		}
		stmts = append(stmts, `INSERT INTO "clientes del año 😀" VALUES (`+itoa(i)+`, 'Ana Pérez `+itoa(i)+`', 'ana`+itoa(i)+`@correo.es', '`+
			itoa(1950+i%50)+`-0`+itoa(1+i%9)+`-1`+itoa(i%10)+`', '`+sexes[i%2]+`', `+income+`, '`+consent+`', `+itoa(i%4)+
			`, NULL, '1`+itoa(i%10)+`/03/2020', '+34 600 `+itoa(100000+i)+`', '2021-0`+itoa(1+i%9)+`-2`+itoa(i%9)+`')`)
		stmts = append(stmts, `INSERT INTO ventas(id_cliente, importe) VALUES (`+itoa(i)+`, `+itoa(i%50)+`.25)`)
	}
	return stmts
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestOpenRejectsBadFilesClearly(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := makeDB(t, fillShop(50)...)
	full, _ := os.ReadFile(good)
	cases := map[string]struct{ path, want string }{
		"missing":    {filepath.Join(dir, "nope.db"), "no such file"},
		"folder":     {dir, "is a folder"},
		"empty":      {write("empty.db", nil), "the file is empty"},
		"csv":        {write("x.csv", []byte("a,b\n1,2\n")), "pulpero import"},
		"not sqlite": {write("x.db", []byte("hello world, this is not a database at all")), "not a SQLite database"},
		"truncated":  {write("trunc.db", full[:len(full)/2]), "x"},
	}
	for name, c := range cases {
		d, err := Open(c.path)
		if name == "truncated" {
			// A truncated file opens only if the damage is found later; either
			// way it must not load silently.
			if err == nil {
				_, err = d.Tables(context.Background())
				d.Close()
			}
			if err == nil || !strings.Contains(err.Error(), "truncated") && !strings.Contains(err.Error(), "damaged") {
				t.Errorf("truncated database: %v", err)
			}
			continue
		}
		if err == nil {
			d.Close()
			t.Errorf("%s: opened without error", name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), filepath.Base(c.path)) {
			t.Errorf("%s: error %q should name the file and say %q", name, err, c.want)
		}
		if strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error spans lines: %q", name, err)
		}
	}
}

func TestEmptyDatabaseSaysWhatToDo(t *testing.T) {
	path := makeDB(t, "CREATE TABLE t(x); DROP TABLE t;")
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	tables, err := d.Tables(context.Background())
	if err != nil || len(tables) != 0 {
		t.Fatalf("tables %v, %v", tables, err)
	}
	if _, err := d.DetectCustomerTable(context.Background(), tables); err == nil || !strings.Contains(err.Error(), "pulpero import") {
		t.Fatalf("want an import hint, got %v", err)
	}
}

func openShop(t *testing.T, n int) (*DB, TableInfo, []ColumnProfile) {
	t.Helper()
	d, err := Open(makeDB(t, fillShop(n)...))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	ctx := context.Background()
	tables, err := d.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	choice, err := d.DetectCustomerTable(ctx, tables)
	if err != nil {
		t.Fatal(err)
	}
	cols, err := d.Profile(ctx, choice.Table, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d, choice.Table, cols
}

func TestDetectsCustomerTableKindsAndRoles(t *testing.T) {
	_, table, cols := openShop(t, 300)
	if table.Name != "clientes del año 😀" || table.Rows != 300 {
		t.Fatalf("customer table %q with %d rows", table.Name, table.Rows)
	}
	want := map[string]struct {
		kind     model.Kind
		role     model.Role
		personal bool
	}{
		"id_cliente":           {model.KindIdentifier, model.RoleCustomerID, false},
		"Nombre":               {model.KindText, model.RoleName, true},
		"correo":               {model.KindIdentifier, model.RoleEmail, true},
		"Fecha de Nacimiento":  {model.KindDate, model.RoleBirthDate, false},
		"sexo":                 {model.KindCategorical, model.RoleGender, false},
		`ingresos "netos"`:     {model.KindReal, model.RoleIncome, false},
		"acepta_email":         {model.KindBoolean, model.RoleConsentEmail, false},
		"hijos":                {model.KindInteger, model.RoleChildren, false},
		"alta":                 {model.KindDate, model.RoleSignupDate, false},
		"telefono":             {model.KindText, model.RolePhone, true},
		"fecha_consentimiento": {model.KindDate, model.RoleNone, false},
	}
	for _, c := range cols {
		w, ok := want[c.Name]
		if !ok {
			continue
		}
		if c.Kind != w.kind || c.Role != w.role || c.Personal != w.personal {
			t.Errorf("%s: kind %s role %q personal %v; want %s %q %v (%s)", c.Name, c.Kind, c.Role, c.Personal, w.kind, w.role, w.personal, c.KindWhy)
		}
	}
}

func TestLoadEqualsSQL(t *testing.T) {
	d, table, cols := openShop(t, 400)
	ds, err := d.Load(context.Background(), table, cols, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ds.Rows() != 400 {
		t.Fatalf("rows %d", ds.Rows())
	}
	for _, c := range ds.Columns {
		if c.Meta().Role.Personal() {
			t.Errorf("personal column %q loaded", c.Meta().Name)
		}
	}
	// income: sum and null count against SQL
	inc := ds.ByRole(model.RoleIncome).(*model.NumberColumn)
	var sum, nulls float64
	for i, v := range inc.Values {
		if inc.IsNull(i) {
			nulls++
		} else {
			sum += v
		}
	}
	var sqlSum, sqlNulls float64
	q := `SELECT total("ingresos ""netos"""), sum("ingresos ""netos""" IS NULL) FROM "clientes del año 😀"`
	if err := d.SQL().QueryRow(q).Scan(&sqlSum, &sqlNulls); err != nil {
		t.Fatal(err)
	}
	if sum != sqlSum || nulls != sqlNulls {
		t.Errorf("income sum %v nulls %v; SQL says %v %v", sum, nulls, sqlSum, sqlNulls)
	}
	// consent: yes count against SQL
	consent := ds.ByRole(model.RoleConsentEmail).(*model.CodedColumn)
	yes := 0
	for _, code := range consent.Codes {
		if code == 1 {
			yes++
		}
	}
	var sqlYes int
	d.SQL().QueryRow(`SELECT count(*) FROM "clientes del año 😀" WHERE acepta_email='si'`).Scan(&sqlYes)
	if yes != sqlYes || consent.Dict[1] != "yes" {
		t.Errorf("consent yes %d, SQL %d", yes, sqlYes)
	}
	// dates as day numbers: min birth date against SQL's julianday
	birth := ds.ByRole(model.RoleBirthDate).(*model.NumberColumn)
	lo := birth.Values[0]
	for _, v := range birth.Values {
		lo = min(lo, v)
	}
	var sqlLo float64
	d.SQL().QueryRow(`SELECT min(julianday("Fecha de Nacimiento") - 2440587.5) FROM "clientes del año 😀"`).Scan(&sqlLo)
	if lo != sqlLo {
		t.Errorf("earliest birth day %v, SQL %v", lo, sqlLo)
	}
	// a column NULL everywhere loads as all-null, not an error
	never := ds.Column("siempre_nulo")
	for i := 0; i < ds.Rows(); i++ {
		if !never.IsNull(i) {
			t.Fatalf("siempre_nulo row %d not null", i)
		}
	}
}

func TestZeroRowTableLoadsEmpty(t *testing.T) {
	d, err := Open(makeDB(t, shopSchema))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx := context.Background()
	tables, _ := d.Tables(ctx)
	cols, err := d.Profile(ctx, tables[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := d.Load(ctx, tables[0], cols, nil)
	if err != nil || ds.Rows() != 0 {
		t.Fatalf("rows %v err %v", ds, err)
	}
}

func TestRoleOverridesLiveInTheWorkspaceNotTheUsersTables(t *testing.T) {
	d, table, _ := openShop(t, 30)
	ctx := context.Background()
	ws, err := OpenWorkspace(d, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if err := ws.SetRole(ctx, table.Name, model.RoleIncome, ""); err != nil {
		t.Fatal(err)
	}
	if err := ws.SetRole(ctx, table.Name, model.RoleHousehold, "hijos"); err != nil {
		t.Fatal(err)
	}
	ov, err := ws.RoleOverrides(ctx, table.Name)
	if err != nil {
		t.Fatal(err)
	}
	cols, err := d.Profile(ctx, table, ov)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cols {
		if c.Role == model.RoleIncome {
			t.Errorf("income still detected on %q", c.Name)
		}
		if c.Name == "hijos" && c.Role != model.RoleHousehold {
			t.Errorf("hijos has role %q", c.Role)
		}
	}
	// the user's own tables are unchanged: the same two tables as before
	tables, _ := d.Tables(ctx)
	if len(tables) != 2 {
		t.Errorf("user tables now %d", len(tables))
	}
	if err := ApplyRoleOverrides(cols, map[model.Role]string{model.RoleIncome: "nope"}); err == nil || !strings.Contains(err.Error(), "columns are") {
		t.Errorf("unknown column: %v", err)
	}
}

func TestReadOnlyDatabaseGetsASeparateWorkspace(t *testing.T) {
	path := makeDB(t, fillShop(5)...)
	os.Chmod(path, 0o444)
	os.Chmod(filepath.Dir(path), 0o555)
	defer os.Chmod(filepath.Dir(path), 0o755)
	if os.Geteuid() == 0 {
		// root writes anywhere; the check below still proves the fallback path
		// is chosen from what the file system allows.
		t.Log("running as root: permissions do not bind, checking the path choice only")
	}
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	data := t.TempDir()
	ws, err := OpenWorkspace(d, data)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if os.Geteuid() != 0 && (!ws.Separate || !strings.HasPrefix(ws.Path, data)) {
		t.Fatalf("workspace at %s", ws.Path)
	}
	if err := ws.SetRole(context.Background(), "x", model.RoleIncome, "y"); err != nil {
		t.Fatal(err)
	}
}

// Without declared keys, a table called customers wins over a bigger one
// whose name only contains a customer word.
func TestCustomersBeatsCampaignContactsWithoutKeys(t *testing.T) {
	d, err := Open(makeDB(t,
		`CREATE TABLE customers (customer_id INTEGER, zone TEXT)`,
		`INSERT INTO customers VALUES (1,'n'),(1,'s')`, // not unique: no link evidence either way
		`CREATE TABLE campaign_contacts (campaign_id INTEGER, customer_id INTEGER)`,
		`INSERT INTO campaign_contacts VALUES (1,1),(1,2),(2,1),(2,2),(3,1)`))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	tables, _ := d.Tables(context.Background())
	choice, err := d.DetectCustomerTable(context.Background(), tables)
	if err != nil || choice.Table.Name != "customers" {
		t.Fatalf("chose %q (%s), %v", choice.Table.Name, choice.Why, err)
	}
}

// TestATableWiderThanOneQueryLoads: a valid SQLite table of 2,000 columns
// (more than one result set may hold with its rowid) is profiled and loaded
// in groups of columns, every value where SQL has it.
func TestATableWiderThanOneQueryLoads(t *testing.T) {
	const ncols = 2000
	cols := make([]string, ncols)
	for i := range cols {
		cols[i] = fmt.Sprintf("c%d INTEGER", i)
	}
	stmts := []string{"CREATE TABLE wide (" + strings.Join(cols, ", ") + ")"}
	for r := 0; r < 30; r++ {
		vals := make([]string, ncols)
		for i := range vals {
			vals[i] = strconv.Itoa(r*7 + i%13)
		}
		stmts = append(stmts, "INSERT INTO wide VALUES ("+strings.Join(vals, ",")+")")
	}
	d, err := Open(makeDB(t, stmts...))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	c, err := d.LoadCustomers(t.Context(), nil, "wide", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Data.Columns) != ncols || c.Data.Rows() != 30 {
		t.Fatalf("%d columns, %d rows", len(c.Data.Columns), c.Data.Rows())
	}
	last := c.Data.Columns[ncols-1].(*model.NumberColumn)
	for r := 0; r < 30; r++ {
		if want := float64(r*7 + (ncols-1)%13); last.Values[r] != want {
			t.Fatalf("row %d of the last column: %v, want %v", r, last.Values[r], want)
		}
	}
	p, err := d.ReadPage(t.Context(), c.Table, 0, 5)
	if err != nil || len(p.Columns) != groupSize || p.Hidden != 1 || len(p.Rows) != 5 {
		t.Fatalf("page: %d columns, %d hidden, %d rows, %v", len(p.Columns), p.Hidden, len(p.Rows), err)
	}
}

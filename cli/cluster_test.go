package cli

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/sample/publicdata"
)

// mallDB imports Mall Customers into a temporary database.
func mallDB(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "mall.db")
	if _, err := app.ImportCSV(t.Context(), db, publicdata.Path(t, publicdata.MallCustomers), app.ImportOptions{Table: "mall"}); err != nil {
		t.Fatal(err)
	}
	return db, dir
}

func clusterJSONOf(t *testing.T, args ...string) clusterJSON {
	t.Helper()
	code, out, errOut := runCLI(t, append([]string{"cluster"}, args...)...)
	if code != exitOK {
		t.Fatalf("pulpero cluster %v: exit %d\n%s", args, code, errOut)
	}
	var got clusterJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return got
}

// Mall Customers (income and spending score) through the command line:
// the k table suggests five clusters, and at k = 5 the silhouette is the
// one analysis/cluster's TestMallCustomersFiveGroups checks against
// scikit-learn (≈ 0.555), with the five published groups' sizes.
func TestClusterMallCustomers(t *testing.T) {
	db, dir := mallDB(t)
	feats := "Annual Income (k$),Spending Score (1-100)"
	got := clusterJSONOf(t, db, "--data-dir", dir, "--features", feats, "--format", "json")
	if got.K != 5 || got.KTable == nil || got.KTable.Suggested != 5 || got.KTable.Sampled || got.KTable.SilhouetteRows != 200 {
		t.Fatalf("auto: k %d, table %+v", got.K, got.KTable)
	}
	five := clusterJSONOf(t, db, "--data-dir", dir, "--features", feats, "--k", "5", "--format", "json")
	if five.K != 5 || len(five.Clusters) != 5 || five.Silhouette == nil || math.Abs(*five.Silhouette-0.555) > 0.005 {
		t.Fatalf("k = 5: %d clusters, silhouette %v", len(five.Clusters), five.Silhouette)
	}
	sizes := map[int]bool{}
	total := 0
	for _, c := range five.Clusters {
		sizes[c.Size] = true
		total += c.Size
	}
	for _, n := range []int{81, 39, 35, 23, 22} { // the published groups
		if !sizes[n] {
			t.Errorf("no cluster of %d customers: %+v", n, sizes)
		}
	}
	if total != 200 || five.Customers != 200 {
		t.Errorf("%d customers in clusters, %d clustered", total, five.Customers)
	}
	code, text, _ := runCLI(t, "cluster", db, "--data-dir", dir, "--features", feats, "--k", "5")
	for _, want := range []string{"Choosing k (silhouette on all 200 customers)", "← suggested", "Clusters at k = 5 (silhouette 0.55",
		"Cluster 1: 81 customers", "precision", "recall"} {
		if code != exitOK || !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
}

// Each rule's precision and recall, re-counted with `pulpero segment
// count` on the saved segment and the saved labels, are what `pulpero
// cluster` printed; the labels in the workspace agree with SQL.
func TestClusterRulesRecountedWithSegmentCount(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if err := app.GenerateSample(t.Context(), db, sample.Options{Customers: 1500, Seed: 5}, false); err != nil {
		t.Fatal(err)
	}
	got := clusterJSONOf(t, db, "--data-dir", dir, "--features", "recency_days,frequency,monetary,age", "--log", "monetary",
		"--k", "4", "--leave-out", "--format", "json", "--assign-to", "shape", "--save-rules", "Shape")
	if got.AssignedTo != "shape" || got.Assigned != got.Customers || got.LeftOut == 0 {
		t.Fatalf("assigned %d of %d to %q (left out %d)", got.Assigned, got.Customers, got.AssignedTo, got.LeftOut)
	}
	count := func(rule string) int {
		t.Helper()
		code, out, errOut := runCLI(t, "segment", "count", db, "--data-dir", dir, "--format", "json", rule)
		if code != exitOK {
			t.Fatalf("%s: %s", rule, errOut)
		}
		var c struct{ Size int }
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatal(err)
		}
		return c.Size
	}
	checked := 0
	for _, c := range got.Clusters {
		name := fmt.Sprintf("Shape %d", c.Cluster)
		if c.Rule.Text == "" {
			continue
		}
		selected := count(fmt.Sprintf(`in segment %q`, name))
		clustered := count(fmt.Sprintf(`in segment %q and shape is not empty`, name))
		hits := count(fmt.Sprintf(`in segment %q and shape = %d`, name, c.Cluster))
		size := count(fmt.Sprintf(`shape = %d`, c.Cluster))
		prec, rec := float64(hits)/float64(clustered), float64(hits)/float64(size)
		if selected != c.Rule.Selected || size != c.Size || math.Abs(prec-c.Rule.Precision) > 1e-9 || math.Abs(rec-c.Rule.Recall) > 1e-9 {
			t.Errorf("cluster %d: segment count gives %d selected, %d in the cluster, precision %.4f, recall %.4f; cluster printed %d, %d, %.4f, %.4f",
				c.Cluster, selected, size, prec, rec, c.Rule.Selected, c.Size, c.Rule.Precision, c.Rule.Recall)
		}
		checked++
	}
	if checked < 2 {
		t.Fatalf("only %d rules checked", checked)
	}
	// the labels as stored: one row per clustered customer, none for the
	// left out, none in the user's tables
	ws, err := sql.Open("sqlite", "file:"+workspaceOf(t, db, dir)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	var rows int
	if err := ws.QueryRow(`SELECT count(*) FROM pulpero_cluster_labels`).Scan(&rows); err != nil || rows != got.Customers {
		t.Errorf("%d labels in the workspace (%v), %d customers clustered", rows, err, got.Customers)
	}
	user, _ := sql.Open("sqlite", "file:"+db+"?mode=ro")
	defer user.Close()
	var tables int
	user.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name LIKE 'pulpero_cluster%'`).Scan(&tables)
	if tables != 0 {
		t.Errorf("the generated database got %d cluster tables", tables)
	}
}

// workspaceOf is where a database's workspace lives.
func workspaceOf(t *testing.T, db, dir string) string {
	t.Helper()
	d, err := app.Open(db, app.OpenOptions{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	return d.WorkspacePath()
}

// Bad input gets one clear line and exit status 1 or 2, never a panic
// and never NaN.
func TestClusterBadInputSaysWhy(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "bad.db")
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{`CREATE TABLE customers (id INTEGER PRIMARY KEY, income REAL, flat REAL, blank REAL, code TEXT, spend REAL)`}
	for i := 1; i <= 10_000; i++ {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO customers VALUES (%d, %d, 5, NULL, 'c%05d', %d)`, i, 1000+i%97, i, i%13))
	}
	tx, _ := raw.Begin()
	for _, s := range stmts {
		if _, err := tx.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	tx.Commit()
	raw.Exec(`CREATE TABLE tiny (id INTEGER PRIMARY KEY, income REAL)`)
	raw.Exec(`INSERT INTO tiny VALUES (1, 10), (2, 20), (3, 30)`)
	raw.Close()
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--table", "tiny", "--features", "income", "--k", "5"}, exitFail, "3 customers are too few for 5 clusters"},
		{[]string{"--features", "income,flat"}, exitFail, "flat has the same value for every customer"},
		{[]string{"--features", "income,blank"}, exitFail, "blank is empty for every customer"},
		{[]string{"--features", "income,code"}, exitFail, "code is free text"},
		{[]string{"--features", "income", "--k", "60"}, exitUsage, "from 2 to 50"},
		{[]string{"--features", "incme"}, exitUsage, `no attribute "incme"; did you mean income`},
		{[]string{"--k", "3"}, exitUsage, "--features"},
		{[]string{"--features", "income", "--depth", "9"}, exitUsage, "rule depth 9"},
	}
	for _, tc := range cases {
		code, out, errOut := runCLI(t, append([]string{"cluster", db, "--data-dir", dir}, tc.args...)...)
		if code != tc.code || !strings.Contains(errOut, tc.want) || strings.Contains(out+errOut, "NaN") || strings.Contains(errOut, "panic") {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}

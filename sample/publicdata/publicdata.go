// Package publicdata finds the public data sets that tests and benchmarks
// read (../shared/data beside the repository: Online Retail, Bank Marketing,
// Mall Customers). A fresh clone has no such folder, so a test that needs one
// skips with a message naming what is missing; CI sets PULPERO_REQUIRE_DATA=1
// so that the same test fails instead of skipping, and can never pass by
// silently checking nothing.
package publicdata

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// RequireEnv names the variable that turns a missing data set from a skip
// into a failure.
const RequireEnv = "PULPERO_REQUIRE_DATA"

// The data sets, relative to the shared data folder.
const (
	MallCustomers = "mall-customers/Mall_Customers.csv"
	BankMarketing = "bank-marketing/bank-full.csv"
	OnlineRetail  = "online-retail/online-retail-dataset.csv.gz"
)

// Dir finds the shared/data folder by walking up from the working directory;
// ok is false when there is none.
func Dir() (dir string, ok bool) {
	d, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(d, "shared", "data")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}

// Path returns the path of a data set (one of the constants above). When it
// is missing the test is skipped with a message naming it, or fails when
// PULPERO_REQUIRE_DATA=1.
func Path(tb testing.TB, name string) string {
	tb.Helper()
	dir, ok := Dir()
	if ok {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("public data set %s not found: put the shared data folder at ../shared/data beside the repository to run this test", name)
	if os.Getenv(RequireEnv) == "1" {
		tb.Fatal(msg + " (required: " + RequireEnv + "=1)")
	}
	tb.Skip(msg)
	return ""
}

// Gunzipped decompresses a .gz data set into dir (a test's temporary folder)
// and returns the path of the plain file.
func Gunzipped(tb testing.TB, name, dir string) string {
	tb.Helper()
	src, err := os.Open(Path(tb, name))
	if err != nil {
		tb.Fatal(err)
	}
	defer src.Close()
	zr, err := gzip.NewReader(src)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	out := filepath.Join(dir, filepath.Base(name[:len(name)-len(".gz")]))
	f, err := os.Create(out)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(f, zr); err != nil {
		f.Close()
		tb.Fatalf("%s: %v", name, err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return out
}

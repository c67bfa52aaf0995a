package csvimport

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// sharedData finds the shared/data folder beside the repository by walking
// up from the test's working directory.
func sharedData(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "data")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("shared/data not found in any folder above the test's; the real-data tests need ../shared/data beside the repository")
		}
		dir = parent
	}
}

// onlineRetailCSV decompresses Online Retail into dir and returns its path.
func onlineRetailCSV(tb testing.TB, dir string) string {
	tb.Helper()
	src, err := os.Open(filepath.Join(sharedData(tb), "online-retail", "online-retail-dataset.csv.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	defer src.Close()
	zr, err := gzip.NewReader(src)
	if err != nil {
		tb.Fatal(err)
	}
	out := filepath.Join(dir, "online-retail-dataset.csv")
	f, err := os.Create(out)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(f, zr); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return out
}

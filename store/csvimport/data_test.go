package csvimport

import (
	"testing"

	"github.com/pulpero/pulpero/sample/publicdata"
)

// onlineRetailCSV decompresses Online Retail into dir and returns its path.
func onlineRetailCSV(tb testing.TB, dir string) string {
	tb.Helper()
	return publicdata.Gunzipped(tb, publicdata.OnlineRetail, dir)
}

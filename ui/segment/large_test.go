package segment

import (
	"os"
	"testing"
	"time"

	"github.com/pulpero/pulpero/ui/screentest"
)

// TestLargeTable drives the screen over a big database and logs how long
// each step takes (it asserts no times). Run with
//
//	PULPERO_SEG_DB=/tmp/seg1m.db go test ./ui/segment -run TestLargeTable -v
func TestLargeTable(t *testing.T) {
	p := os.Getenv("PULPERO_SEG_DB")
	if p == "" {
		t.Skip("set PULPERO_SEG_DB to a big database")
	}
	s := screentest.Session(t, p, "", asOf)
	c := s
	start := time.Now()
	m := newScreen(t, s, 120, 40)
	t.Logf("open the screen (everyone's profile, first count): %v", time.Since(start))
	for _, col := range c.Data.Columns[1:4] {
		rule := col.Meta().Name + " is not empty"
		press(m, "a")
		typeText(m, rule)
		start = time.Now()
		_, cmd := m.Update(keyMsg("enter"))
		msg := cmd().(resultMsg) // the count, in the background on a big table
		t.Logf("add %s: count and waterfall %v → %d customers", rule, time.Since(start), msg.r.size)
		_, next := m.Update(msg)
		start = time.Now()
		runCmd(m, next)
		t.Logf("  then profile and sample rows: %v", time.Since(start))
	}
	t.Log("\n" + view(m))
}

package campaign

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

// newcombe is Newcombe's example (a) (Statistics in Medicine 17:873, 1998):
// 56 of 70 treated responded against 48 of 80 held out, lift 0.2000 with the
// interval 0.0524 to 0.3339; revenues per responder are added so the
// revenue has an interval too, at cost 2 a contact (140 in all).
func newcombe(treatedResponses int) targeting.CampaignResult {
	var control, responded []bool
	var revenue []float64
	add := func(ctl bool, k, n int) {
		for i := range n {
			control, responded = append(control, ctl), append(responded, i < k)
			v := 0.0
			if i < k {
				v = float64(10 + i%7)
			}
			revenue = append(revenue, v)
		}
	}
	add(false, treatedResponses, 70)
	add(true, 48, 80)
	return targeting.MeasureCampaign(control, responded, revenue, nil, 2)
}

// TestResultLinesShowIntervals: every figure of a measured campaign is shown
// with its 95% interval; the incremental responses' and the cost per
// incremental response's come from the lift's (14 extra responses, 3.7 to
// 23.4; 140 over them is 10.00, from 140/23.37 = 5.99 to 140/3.67 = 38.1),
// and an interval of the lift reaching zero leaves the cost without an upper
// bound.
func TestResultLinesShowIntervals(t *testing.T) {
	st := common.NewStyles(true)
	c := &common.Common{Styles: st}
	got := ansi.Strip(resultLines(c, newcombe(56), 100))
	r := newcombe(56)
	money := c.Money
	for _, want := range []string{
		"lift +20.00 points (95% CI +5.24 to +33.39)",
		"incremental responses 14.0 (95% CI 3.7 to 23.4)",
		"incremental revenue " + money(r.IncrementalRevenue) + " (95% CI " + money(r.IncrementalRevenueLo) + " to " + money(r.IncrementalRevenueHi) + ")",
		"per incremental response 10.00 (95% CI 5.99 to 38.1", // 140/(70·0.05243)
		"incremental revenue − cost " + money(r.IncrementalRevenue-140) + " (95% CI " + money(r.IncrementalRevenueLo-140),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	// 46 of 70 against 48 of 80: a lift of +5.7 points whose interval reaches below 0
	got = ansi.Strip(resultLines(&common.Common{Styles: st}, newcombe(46), 100))
	if !strings.Contains(got, "to no upper bound)") {
		t.Errorf("an interval reaching 0 gives an upper bound:\n%s", got)
	}
}

// TestModelSaysWhenNoBetterThanChance: on the demo, the logistic model's
// held-out AUC is shown with its 95% interval; the e-mail model of the demo
// ranks no better than chance, and the screen says it is not used.
func TestModelSaysWhenNoBetterThanChance(t *testing.T) {
	m, _ := screen(t, 100, 30)
	for range fModel {
		screentest.Press(m, "j")
	}
	screentest.Press(m, "enter")
	lines := strings.Join(m.plan.model, "\n")
	if !strings.Contains(lines, "logistic on") || !strings.Contains(lines, "AUC") || !strings.Contains(lines, "95% CI") {
		t.Fatalf("model lines %q", lines)
	}
	email := m.plan.model[0]
	if !strings.HasPrefix(email, "email:") || !strings.Contains(email, "no better than chance") || !strings.Contains(email, "not used") {
		t.Fatalf("e-mail model line %q", email)
	}
	shown := false
	for range 6 {
		if shown = strings.Contains(strings.Join(strings.Fields(ansi.Strip(m.View())), " "), "no better than chance"); shown {
			break
		}
		screentest.Press(m, "pgdown")
	}
	if !shown {
		t.Fatal("the screen does not say the model is no better than chance")
	}
}

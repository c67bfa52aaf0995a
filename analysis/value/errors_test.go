package value

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Every kind has its own sentence in the catalogue, and errors match by
// kind through wrapping.
func TestKindsAndErrors(t *testing.T) {
	kinds := []Kind{KindBadInput, KindNoPurchases, KindCalibrationOutside, KindNoCustomers,
		KindTooFewRepeatBuyers, KindSinglePurchaseDate, KindNoPositiveSpend, KindFitFailed,
		KindNotIdentified, KindBadHorizon, KindBadDiscount, KindInfiniteMeanSpend, KindNoHoldout,
		KindNumerical, KindCancelled, KindSummaryModelMismatch, KindAtBoundary}
	seen := map[string]Kind{}
	for _, k := range kinds {
		m := k.Message()
		if m == string(k) || m == "" {
			t.Errorf("%s has no sentence", k)
		}
		if o, dup := seen[m]; dup {
			t.Errorf("%s and %s share a sentence", k, o)
		}
		seen[m] = k
	}
	err := fmt.Errorf("loading: %w", newError(KindNoHoldout, "calibration end %s", dayString(10000)))
	if !errors.Is(err, &Error{Kind: KindNoHoldout}) || errors.Is(err, &Error{Kind: KindNoPurchases}) {
		t.Fatal("errors.Is by kind")
	}
	if KindOf(err) != KindNoHoldout || !strings.Contains(err.Error(), "1997-05-19") || !strings.Contains(err.Error(), MsgNoHoldout) {
		t.Fatalf("%v", err)
	}
	if KindOf(errors.New("other")) != "" {
		t.Fatal("foreign error has a kind")
	}
}

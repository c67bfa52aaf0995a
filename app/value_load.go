package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/model/segment"
)

// Customer value costs a second read of the purchases and two model fits
// (measured at 1M customers, 10M lines: ~17 s, of which ~10 s reading), so
// no load computes it unless asked: the Value screen computes it on
// request, and a one-shot load computes it only when the rule it counts
// names a value attribute (Load, through needsValue) or the campaign it
// exports does (EnsureValue).

// isValueAttribute reports whether a names one of the value attributes.
func isValueAttribute(a string) bool {
	a = strings.ToLower(strings.TrimSpace(a))
	return slices.Contains(ValueAttributes, a)
}

// valueAttributesIn lists the value attributes among attrs (nil: none, as
// a full load computes no value).
func valueAttributesIn(attrs []string) []string {
	var out []string
	for _, a := range attrs {
		if isValueAttribute(a) {
			out = append(out, strings.ToLower(strings.TrimSpace(a)))
		}
	}
	return out
}

// loadValue is Load's value step: when the request names value
// attributes, compute them (with the saved settings) and add them. Data
// that cannot support the models is an error naming the attribute, since
// the rule could not be counted.
func (s *Session) loadValue(ctx context.Context, r LoadRequest) error {
	need := valueAttributesIn(r.Attributes)
	if len(need) == 0 {
		return nil
	}
	return s.ensureValue(ctx, need, r.Stage, r.Progress)
}

// ensureValue computes and adds the value attributes unless the session
// has them.
func (s *Session) ensureValue(ctx context.Context, need []string, stage func(string), progress func(LoadProgress)) error {
	if s.Value != nil {
		return nil
	}
	last := ""
	v, err := s.ComputeValue(ctx, ValueOptions{Progress: func(p ValueProgress) {
		if stage != nil && p.Stage != last {
			last = p.Stage
			stage(p.Stage)
		}
		if progress != nil && p.Total > 0 {
			progress(LoadProgress{Done: int64(p.Done), Total: int64(p.Total)})
		}
	}})
	if err != nil {
		return err
	}
	if v.Err != nil {
		return fmt.Errorf(errValueAttr, need[0], ValueMessage(v.Err))
	}
	for _, a := range need {
		if v.SpendErr != nil && (a == ColExpectedValue || a == ColCLV) {
			return fmt.Errorf(errValueAttr, a, ValueMessage(v.SpendErr))
		}
	}
	s.AddValue(v)
	return nil
}

// EnsureValue computes the value attributes and adds them to the session
// when the campaign r reads one (in its rule, its saved segments or as
// the value of a response) and the session does not have them: `pulpero
// export` loads everything, which leaves value out. Call it before the
// session is shared. stage (may be nil) reports the steps.
func (s *Session) EnsureValue(ctx context.Context, lib *Library, r campaign.Request, stage func(string)) error {
	var attrs []string
	rule := func(expr string) {
		if n, err := segment.Parse(expr); err == nil {
			attrs = append(attrs, RuleAttributes(n, lib)...)
		}
	}
	rule(r.Where)
	rule(r.ExcludeWhere)
	for _, name := range append(append([]string(nil), r.Include...), r.Exclude...) {
		if n, ok := lib.Resolve(name); ok {
			attrs = append(attrs, RuleAttributes(n, lib)...)
		}
	}
	attrs = append(attrs, r.ValueFrom)
	var need []string
	for _, a := range valueAttributesIn(attrs) {
		if s.Data.Attribute(a) == nil {
			need = append(need, a)
		}
	}
	if len(need) == 0 {
		return nil
	}
	return s.ensureValue(ctx, need, stage, nil)
}

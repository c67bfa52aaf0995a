package app

import (
	"fmt"
	"math"
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
)

// responseValues is the per-customer value of a response when r names an
// attribute for it (campaign.Request.ValueFrom): the attribute's values,
// NaN where it is NULL (the planner then takes r.Value). nil when r names
// none. A missing or non-numeric attribute is an error saying how to get
// one.
func (s *Session) responseValues(r campaign.Request) ([]float64, error) {
	name := strings.TrimSpace(r.ValueFrom)
	if name == "" {
		return nil, nil
	}
	c, ok := s.Data.Attribute(name).(*model.NumberColumn)
	if !ok || c.Kind == model.KindDate || c.Kind == model.KindDateTime {
		return nil, fmt.Errorf(errValueFrom, name, errValueFromNone)
	}
	out := make([]float64, len(c.Values))
	for i, v := range c.Values {
		if c.IsNull(i) || !finite(v) {
			out[i] = math.NaN()
		} else {
			out[i] = v
		}
	}
	return out, nil
}

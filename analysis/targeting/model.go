package targeting

import (
	"fmt"

	"github.com/pulpero/pulpero/model"
)

// ModelOptions choose how customers' response probabilities are estimated.
type ModelOptions struct {
	Method      string   // "rates" (default) or "logistic"
	By          string   // rates: the grouping attribute; "" picks generation when there is one
	Features    []string // logistic: the attributes; nil picks DefaultLogitFeatures
	Prior       float64  // rates: shrinkage to the channel rate, in contacts
	DefaultRate float64  // for a channel with no history
	Uplift      bool     // use treated minus control
}

// FitResponseModel fits the model opt names, the one road from options to a
// model for the export command and the Campaign screen alike.
func FitResponseModel(ds *model.Dataset, past *PastContacts, opt ModelOptions) (*ResponseModel, error) {
	by := opt.By
	if by == "" && ds.Column("generation") != nil {
		by = "generation"
	}
	var m *ResponseModel
	var err error
	switch opt.Method {
	case "", "rates":
		m, err = FitResponseRates(ds, past, by, opt.Prior, opt.DefaultRate)
	case "logistic":
		features := opt.Features
		if features == nil {
			features = DefaultLogitFeatures(ds)
		}
		m, err = FitLogisticResponse(ds, past, features, opt.DefaultRate)
	default:
		return nil, fmt.Errorf("response model %q: use rates or logistic", opt.Method)
	}
	if err != nil {
		return nil, err
	}
	if opt.Uplift {
		m.UseUplift()
	}
	return m, nil
}

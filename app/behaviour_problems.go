package app

import (
	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// ProblemTexts say in a few words what each data problem is and what was
// done with the rows (store's findings and analysis/behaviour's problems).
var ProblemTexts = map[string]string{
	store.FindValueText:       "amounts written as text (currency sign, decimal comma): read as numbers",
	store.FindValueUnreadable: "values that are not amounts: counted as no sale",
	store.FindValueMissing:    "lines without a value: counted as no sale",
	store.FindDateUnreadable:  "dates that are not dates: left out",
	store.FindDateFuture:      "dated after today: after the analysis date, left out",
	store.FindKeyMissing:      "no customer key: not any customer's (see lines without customer)",
	store.FindKeyUnknown:      "a customer key no customer has: left out",
	store.FindHeaderMissing:   "lines pointing at no invoice: left out",
	store.FindNegativeReturn:  "negative values read as returns",
	store.FindCancellation:    "lines of cancellation invoices (C…) read as returns",
	store.FindTouchKeyUnknown: "touchpoints of a customer key no customer has",
	store.FindTouchDateBad:    "touchpoints whose date is not a date",

	behaviour.SaleNegative.Key():           "sale values below 0 or not a number: counted as 0",
	behaviour.SaleZero.Key():               "lines with neither a sale nor a return",
	behaviour.ReturnInvalid.Key():          "returned values below 0: counted as 0",
	behaviour.DateMissing.Key():            "lines without a date: left out",
	behaviour.DateAfterAnalysis.Key():      "lines after the analysis date: left out",
	behaviour.DateBeforeSignup.Key():       "purchases dated before the customer signed up: kept",
	behaviour.CustomerUnknown.Key():        "lines without a known customer: left out of every customer",
	behaviour.CodeInvalid.Key():            "channel or category codes out of range: taken as empty",
	behaviour.TouchCustomerUnknown.Key():   "touchpoints without a known customer: left out",
	behaviour.TouchDateMissing.Key():       "touchpoints without a date: left out",
	behaviour.TouchDateAfterAnalysis.Key(): "touchpoints after the analysis date: left out",
	behaviour.TouchKindMissing.Key():       "touchpoints without a kind: not in any contacts_ column",
	behaviour.TouchSentimentInvalid.Key():  "infinite sentiments: taken as missing",
}

// ProblemText is the sentence for a problem key (the key itself when
// unknown).
func ProblemText(key string) string {
	if t, ok := ProblemTexts[key]; ok {
		return t
	}
	return key
}

// findingProblems turns store's findings into data problems.
func findingProblems(src *store.PurchaseSource, fs []store.PurchaseFinding) []DataProblem {
	out := make([]DataProblem, 0, len(fs))
	for _, f := range fs {
		rows := src.Lines.Name
		if f.Key == store.FindTouchKeyUnknown || f.Key == store.FindTouchDateBad {
			rows = f.Table
		} else if f.Table == src.Header && src.Header != "" {
			rows = src.Header // counted once per invoice
		}
		out = append(out, DataProblem{Key: f.Key, Count: f.Count, Table: f.Table, Column: f.Column, RowsTable: rows, Examples: f.Examples})
	}
	return out
}

// placeProblems names the table and column of behaviour's problems.
func placeProblems(src *store.PurchaseSource, ps []DataProblem) []DataProblem {
	col := func(r model.PurchaseRole) (string, string) {
		if c, ok := src.Column(r); ok {
			return c.Table, c.Column
		}
		return src.Lines.Name, ""
	}
	for i := range ps {
		p := &ps[i]
		p.RowsTable = src.Lines.Name
		if p.touch && src.Touch != nil {
			p.RowsTable, p.Table = src.Touch.Table.Name, src.Touch.Table.Name
			switch p.Key {
			case behaviour.TouchCustomerUnknown.Key():
				p.Column = src.Touch.Customer
			case behaviour.TouchDateMissing.Key(), behaviour.TouchDateAfterAnalysis.Key():
				p.Column = src.Touch.Date
			case behaviour.TouchKindMissing.Key():
				p.Column = src.Touch.Kind
			default:
				p.Column = src.Touch.Sentiment
			}
			continue
		}
		switch p.Key {
		case behaviour.SaleNegative.Key(), behaviour.SaleZero.Key():
			if _, ok := src.Column(model.PurchaseAmount); ok {
				p.Table, p.Column = col(model.PurchaseAmount)
			} else {
				p.Table, p.Column = col(model.PurchaseQuantity)
			}
		case behaviour.ReturnInvalid.Key():
			p.Table, p.Column = col(model.PurchaseReturnedQuantity)
		case behaviour.DateMissing.Key(), behaviour.DateAfterAnalysis.Key(), behaviour.DateBeforeSignup.Key():
			p.Table, p.Column = col(model.PurchaseDate)
		case behaviour.CustomerUnknown.Key():
			p.Table, p.Column = col(model.PurchaseCustomer)
		default:
			p.Table = src.Lines.Name
		}
	}
	return ps
}

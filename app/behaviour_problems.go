package app

import (
	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// ProblemTexts say in a few words what each data problem is and what was
// done with the rows (store's findings and analysis/behaviour's problems),
// as Sentences the faces translate.
var ProblemTexts = map[string]model.Sentence{
	store.FindValueText:       model.Say("amounts written as text (currency sign, decimal comma): read as numbers"),
	store.FindValueUnreadable: model.Say("values that are not amounts: counted as no sale"),
	store.FindValueMissing:    model.Say("lines without a value: counted as no sale"),
	store.FindDateUnreadable:  model.Say("dates that are not dates: left out"),
	store.FindDateFuture:      model.Say("dated after today: after the analysis date, left out"),
	store.FindKeyMissing:      model.Say("no customer key: not any customer's (see lines without customer)"),
	store.FindKeyUnknown:      model.Say("a customer key no customer has: left out"),
	store.FindHeaderMissing:   model.Say("lines pointing at no invoice: left out"),
	store.FindNegativeReturn:  model.Say("negative values read as returns"),
	store.FindCancellation:    model.Say("lines of cancellation invoices (C…) read as returns"),
	store.FindTouchKeyUnknown: model.Say("touchpoints of a customer key no customer has"),
	store.FindTouchDateBad:    model.Say("touchpoints whose date is not a date"),

	behaviour.SaleNegative.Key():           model.Say("sale values below 0 or not a number: counted as 0"),
	behaviour.SaleZero.Key():               model.Say("lines with neither a sale nor a return"),
	behaviour.ReturnInvalid.Key():          model.Say("returned values below 0: counted as 0"),
	behaviour.DateMissing.Key():            model.Say("lines without a date: left out"),
	behaviour.DateAfterAnalysis.Key():      model.Say("lines after the analysis date: left out"),
	behaviour.DateBeforeSignup.Key():       model.Say("purchases dated before the customer signed up: kept"),
	behaviour.CustomerUnknown.Key():        model.Say("lines without a known customer: left out of every customer"),
	behaviour.CodeInvalid.Key():            model.Say("channel or category codes out of range: taken as empty"),
	behaviour.TouchCustomerUnknown.Key():   model.Say("touchpoints without a known customer: left out"),
	behaviour.TouchDateMissing.Key():       model.Say("touchpoints without a date: left out"),
	behaviour.TouchDateAfterAnalysis.Key(): model.Say("touchpoints after the analysis date: left out"),
	behaviour.TouchKindMissing.Key():       model.Say("touchpoints without a kind: not in any contacts_ column"),
	behaviour.TouchSentimentInvalid.Key():  model.Say("infinite sentiments: taken as missing"),
}

// problemTextsOne are the sentences of ProblemTexts for a single row,
// where the plural's would not agree with the count ("1 negative value
// read as a return").
var problemTextsOne = map[string]model.Sentence{
	store.FindValueText:       model.Say("amount written as text (currency sign, decimal comma): read as a number"),
	store.FindValueUnreadable: model.Say("value that is not an amount: counted as no sale"),
	store.FindValueMissing:    model.Say("line without a value: counted as no sale"),
	store.FindDateUnreadable:  model.Say("date that is not a date: left out"),
	store.FindDateFuture:      model.Say("line dated after today: after the analysis date, left out"),
	store.FindKeyUnknown:      model.Say("line with a customer key no customer has: left out"),
	store.FindHeaderMissing:   model.Say("line pointing at no invoice: left out"),
	store.FindNegativeReturn:  model.Say("negative value read as a return"),
	store.FindCancellation:    model.Say("line of a cancellation invoice (C…) read as a return"),
	store.FindTouchKeyUnknown: model.Say("touchpoint of a customer key no customer has"),
	store.FindTouchDateBad:    model.Say("touchpoint whose date is not a date"),

	behaviour.SaleNegative.Key():           model.Say("sale value below 0 or not a number: counted as 0"),
	behaviour.SaleZero.Key():               model.Say("line with neither a sale nor a return"),
	behaviour.ReturnInvalid.Key():          model.Say("returned value below 0: counted as 0"),
	behaviour.DateMissing.Key():            model.Say("line without a date: left out"),
	behaviour.DateAfterAnalysis.Key():      model.Say("line after the analysis date: left out"),
	behaviour.DateBeforeSignup.Key():       model.Say("purchase dated before the customer signed up: kept"),
	behaviour.CustomerUnknown.Key():        model.Say("line without a known customer: left out of every customer"),
	behaviour.CodeInvalid.Key():            model.Say("channel or category code out of range: taken as empty"),
	behaviour.TouchCustomerUnknown.Key():   model.Say("touchpoint without a known customer: left out"),
	behaviour.TouchDateMissing.Key():       model.Say("touchpoint without a date: left out"),
	behaviour.TouchDateAfterAnalysis.Key(): model.Say("touchpoint after the analysis date: left out"),
	behaviour.TouchKindMissing.Key():       model.Say("touchpoint without a kind: not in any contacts_ column"),
	behaviour.TouchSentimentInvalid.Key():  model.Say("infinite sentiment: taken as missing"),
}

// ProblemTextOne is the sentence for a problem of one row: the singular
// where the problem's sentence is a plural, else ProblemText.
func ProblemTextOne(key string) model.Sentence {
	if t, ok := problemTextsOne[key]; ok {
		return t
	}
	return ProblemText(key)
}

// ProblemText is the sentence for a problem key (the key itself when
// unknown).
func ProblemText(key string) model.Sentence {
	if t, ok := ProblemTexts[key]; ok {
		return t
	}
	return model.Sentence{Format: key}
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

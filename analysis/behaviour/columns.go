package behaviour

import (
	"fmt"
	"time"

	"github.com/pulpero/pulpero/model"
)

// outputs holds the attribute columns being filled, one row per customer.
type outputs struct {
	first, last, recency, frequency, monetary, avgTicket *model.NumberColumn
	returns, returnRate, tenure, meanBetween, p90, p365  *model.NumberColumn
	shares                                               []*model.NumberColumn // one per channel
	topCategory                                          *model.CodedColumn    // nil without categories
	contacts                                             []*model.NumberColumn // one per touchpoint kind
	lastContact, meanSentiment, before30                 *model.NumberColumn   // nil without touchpoints
}

// newNumber returns a column of n rows; nullable ones start all NULL,
// counts start all 0 (not NULL).
func newNumber(name string, kind model.Kind, note string, n int, nullable bool) *model.NumberColumn {
	meta := model.ColumnMeta{Name: name, Kind: kind, Derived: true, Note: note}
	if nullable {
		return model.NewNumberColumn(meta, n)
	}
	return &model.NumberColumn{ColumnMeta: meta, Values: make([]float64, n), Nulls: model.NewBitset(n)}
}

func isoDay(d int32) string { return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02") }

func newOutputs(p *Purchases, t *Touchpoints, n int, a int32) *outputs {
	asOf := fmt.Sprintf(AnalysisNote, isoDay(a)) // lines after the analysis date are left out of every attribute
	o := &outputs{
		first:       newNumber(ColFirstPurchase, model.KindDate, asOf+NoteFirstPurchase, n, true),
		last:        newNumber(ColLastPurchase, model.KindDate, asOf+NoteLastPurchase, n, true),
		recency:     newNumber(ColRecencyDays, model.KindInteger, asOf+NoteRecencyDays, n, true),
		frequency:   newNumber(ColFrequency, model.KindInteger, asOf+NoteFrequency, n, false),
		monetary:    newNumber(ColMonetary, model.KindReal, asOf+NoteMonetary, n, false),
		avgTicket:   newNumber(ColAvgTicket, model.KindReal, asOf+NoteAvgTicket, n, true),
		returns:     newNumber(ColReturnsValue, model.KindReal, asOf+NoteReturnsValue, n, false),
		returnRate:  newNumber(ColReturnRate, model.KindReal, asOf+NoteReturnRate, n, true),
		tenure:      newNumber(ColTenureDays, model.KindInteger, asOf+NoteTenureDays, n, true),
		meanBetween: newNumber(ColMeanDaysBetween, model.KindReal, asOf+NoteMeanDaysBetween, n, true),
		p90:         newNumber(ColPurchases90d, model.KindInteger, asOf+NotePurchases90d, n, false),
		p365:        newNumber(ColPurchases365d, model.KindInteger, asOf+NotePurchases365d, n, false),
	}
	if p.Channel != nil {
		for i, name := range ColumnNames(ColSharePrefix, p.ChannelDict) {
			note := asOf + fmt.Sprintf(NoteShare, p.ChannelDict[i])
			o.shares = append(o.shares, newNumber(name, model.KindReal, note, n, true))
		}
	}
	if p.Category != nil {
		codes := make([]int32, n)
		for i := range codes {
			codes[i] = -1
		}
		o.topCategory = &model.CodedColumn{
			ColumnMeta: model.ColumnMeta{Name: ColTopCategory, Kind: model.KindCategorical, Derived: true, Note: asOf + NoteTopCategory},
			Codes:      codes, Dict: append([]string(nil), p.CategoryDict...)}
	}
	if t == nil {
		return o
	}
	if t.Kind != nil {
		for i, name := range ColumnNames(ColContactsPrefix, t.KindDict) {
			note := asOf + fmt.Sprintf(NoteContacts, t.KindDict[i])
			o.contacts = append(o.contacts, newNumber(name, model.KindInteger, note, n, false))
		}
	}
	o.lastContact = newNumber(ColLastContact, model.KindDate, asOf+NoteLastContact, n, true)
	o.meanSentiment = newNumber(ColMeanSentiment, model.KindReal, asOf+NoteMeanSentiment, n, true)
	o.before30 = newNumber(ColContactsBefore30d, model.KindInteger, asOf+NoteContactsBefore30d, n, false)
	return o
}

// columns lists the attributes in their documented order.
func (o *outputs) columns() []model.Column {
	out := []model.Column{o.first, o.last, o.recency, o.frequency, o.monetary, o.avgTicket,
		o.returns, o.returnRate, o.tenure, o.meanBetween, o.p90, o.p365}
	for _, c := range o.shares {
		out = append(out, c)
	}
	if o.topCategory != nil {
		out = append(out, o.topCategory)
	}
	for _, c := range o.contacts {
		out = append(out, c)
	}
	if o.lastContact != nil {
		out = append(out, o.lastContact, o.meanSentiment, o.before30)
	}
	return out
}

package main

import (
	"context"
	"fmt"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// writeFiles writes the list, the rejected file and the manifest. Every
// listed row is checked once more against the reachability of its channel
// here, and its contact once more by store as it is read: two independent
// guards on top of the plan, which only ever offers reachable channels.
func writeFiles(ctx context.Context, db *store.DB, cust *store.Customers, cc store.ContactColumns, ds *model.Dataset,
	reach *analysis.Reach, plan *analysis.Plan, o exportOpts, m *store.Manifest, segRows []model.Bitset, done func()) ([]store.ListItem, error) {
	list, err := store.CreateAtomic(o.out, o.force)
	if err != nil {
		return nil, err
	}
	defer list.Abort()
	lw, err := store.NewListWriter(list, store.ListFormat{JSONLines: o.format == "jsonl", Excel: o.excel})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", o.out, err)
	}
	key := analysis.CustomerKeys(ds)
	segOf := func(i int) string {
		for k, rows := range segRows {
			if rows.Has(i) {
				return m.Segments[k].Name
			}
		}
		return m.Segments[0].Name
	}
	var items []store.ListItem
	listed := plan.Target.Clone().Or(plan.Control)
	for _, i := range listed.Rows(-1) {
		ch := analysis.Channel(plan.Channel[i])
		if plan.Channel[i] < 0 || !reach.Channels[ch].Reachable.Has(i) {
			return nil, fmt.Errorf("internal check failed: customer %s is listed for %s without being reachable on it; nothing was written", key(i), ch)
		}
		group := "target"
		if plan.Control.Has(i) {
			group = "control"
		}
		p := plan.Model.Prob(ch, i)
		items = append(items, store.ListItem{RowID: ds.RowIDs[i], CustomerID: key(i), Channel: ch.String(), Segment: segOf(i),
			Group: group, Prob: p, Expected: p * o.value})
	}
	var skipped []store.ListItem
	var skipWhy []string
	isSkipped := map[int64]bool{}
	cols := store.ListColumns{Name: roleColumn(cust.Profiles, model.RoleName), Postcode: roleColumn(cust.Profiles, model.RolePostcode),
		Contact: map[string]string{"email": cc.Email, "sms": cc.SMS, "phone": cc.Phone, "post": cc.Post}}
	written, err := db.WriteList(ctx, cust.Table.Name, cols, items, lw, func(it store.ListItem, why string) {
		skipped, skipWhy = append(skipped, it), append(skipWhy, why)
		isSkipped[it.RowID] = true
	}, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", o.out, err)
	}
	m.Files = store.FilesMeta{List: o.out, Format: o.format, Rows: written, SkippedAtExport: len(skipped)}
	for _, it := range items {
		if it.Group == "control" {
			m.Files.Control++
		} else {
			m.Files.Target++
		}
	}
	for _, it := range skipped {
		if it.Group == "control" {
			m.Files.Control--
		} else {
			m.Files.Target--
		}
	}
	var rej *store.AtomicFile
	if o.rejected != "" {
		if rej, err = writeRejected(o, plan, key, skipped, skipWhy); err != nil {
			return nil, err
		}
		defer rej.Abort()
		m.Files.Rejected = o.rejected
		m.Files.RejectedRows = len(skipped)
		m.Files.RejectedRows += plan.Matching.Count() - plan.Target.Count() - plan.Control.Count()
	}
	if err := list.Commit(); err != nil {
		return nil, err
	}
	if rej != nil {
		if err := rej.Commit(); err != nil {
			return nil, err
		}
	}
	done()
	if err := store.WriteManifest(manifestPath(o.out), m, o.force); err != nil {
		return nil, err
	}
	members := items[:0:0]
	for _, it := range items {
		if !isSkipped[it.RowID] {
			members = append(members, it)
		}
	}
	return members, nil
}

// writeRejected writes every matching customer not in the list with the
// reason, then those the final check at export left out.
func writeRejected(o exportOpts, plan *analysis.Plan, key func(int) string, skipped []store.ListItem, why []string) (*store.AtomicFile, error) {
	return store.WriteRejected(o.rejected, o.force, func(emit func(id, reason string)) {
		plan.Matching.ForEach(func(i int) {
			if r := plan.Why[i]; r != analysis.ReasonNone {
				emit(key(i), r.String())
			}
		})
		for k, it := range skipped {
			emit(it.CustomerID, why[k]+" at export")
		}
	})
}

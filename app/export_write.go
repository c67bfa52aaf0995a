package app

import (
	"context"
	"fmt"

	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/store"
)

// writeFiles writes the list, the rejected file and the manifest. Every
// listed row is checked once more against the reachability of its channel
// here, and its contact once more by store as it is read: two independent
// guards on top of the plan, which only ever offers reachable channels.
func (s *Session) writeFiles(ctx context.Context, cp *CampaignPlan, req campaign.ExportRequest, m *campaign.Manifest, done func()) ([]store.ListItem, error) {
	ds, plan := s.Data, cp.Plan
	list, err := store.CreateAtomic(req.Out, req.Force)
	if err != nil {
		return nil, err
	}
	defer list.Abort()
	lw, err := store.NewListWriter(list, store.ListFormat{JSONLines: req.Format == campaign.FormatJSONL, Excel: req.Excel})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.Out, err)
	}
	key := targeting.CustomerKeys(ds)
	segOf := func(i int) string {
		for k, rows := range cp.Audience.Included {
			if rows.Has(i) {
				return m.Segments[k].Name
			}
		}
		return m.Segments[0].Name
	}
	var items []store.ListItem
	listed := plan.Target.Clone().Or(plan.Control)
	for _, i := range listed.Rows(-1) {
		ch := campaign.Channel(plan.Channel[i])
		if plan.Channel[i] < 0 || !s.Reach.Channels[ch].Reachable.Has(i) {
			return nil, fmt.Errorf("internal check failed: customer %s is listed for %s without being reachable on it; nothing was written", key(i), ch)
		}
		group := "target"
		if plan.Control.Has(i) {
			group = "control"
		}
		p := plan.Model.Prob(ch, i)
		items = append(items, store.ListItem{RowID: ds.RowIDs[i], CustomerID: key(i), Channel: ch.String(), Segment: segOf(i),
			Group: group, Prob: p, Expected: p * req.Value})
	}
	var skipped []store.ListItem
	var skipWhy []string
	isSkipped := map[int64]bool{}
	cc := store.FindContactColumns(s.Profiles)
	cols := store.ListColumns{Name: s.roleColumn(model.RoleName), Postcode: s.roleColumn(model.RolePostcode),
		Contact:  map[string]string{"email": cc.Email, "sms": cc.SMS, "phone": cc.Phone, "post": cc.Post},
		Checks:   map[string]store.ReachCheck{},
		Profiles: s.Profiles, AsOf: s.Data.AsOf}
	for _, c := range s.Reach.Channels {
		cols.Checks[c.Channel.String()] = store.ReachCheck{Consent: c.Consent, OptOut: c.OptOut, Bounced: c.Bounced}
	}
	written, at, err := s.DB.db.WriteList(ctx, s.Table.Name, cols, items, lw, func(it store.ListItem, why string) {
		skipped, skipWhy = append(skipped, it), append(skipWhy, why)
		isSkipped[it.RowID] = true
	}, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.Out, err)
	}
	m.Database.AtWrite = &at
	m.Files = campaign.Files{List: req.Out, Format: req.Format, Rows: written, SkippedAtExport: len(skipped)}
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
	if req.Rejected != "" {
		if rej, err = writeRejected(req, plan, key, skipped, skipWhy); err != nil {
			return nil, err
		}
		defer rej.Abort()
		m.Files.Rejected = req.Rejected
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
	if err := store.WriteManifest(campaign.ManifestPath(req.Out), m, req.Force); err != nil {
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
func writeRejected(req campaign.ExportRequest, plan *targeting.Plan, key func(int) string, skipped []store.ListItem, why []string) (*store.AtomicFile, error) {
	return store.WriteRejected(req.Rejected, req.Force, func(emit func(id, reason string)) {
		plan.Matching.ForEach(func(i int) {
			if r := plan.Why[i]; r != campaign.ReasonNone {
				emit(key(i), r.String())
			}
		})
		for k, it := range skipped {
			emit(it.CustomerID, why[k]+" at export")
		}
	})
}

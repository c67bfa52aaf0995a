package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"

	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/store"
)

// The points where PULPERO_FAULT can kill an export, for the tests that
// prove a kill anywhere loses nothing and leaves nothing half-done.
const (
	FaultFilesWritten = "files-written" // list, rejected file and manifest complete, none in place, nothing recorded
	FaultRecorded     = "recorded"      // the campaign is recorded as 'writing', no file in place
	FaultPlaced       = "placed"        // every file in place, the record still 'writing'
)

// exportFiles are an export's files, complete but not yet in place.
type exportFiles struct {
	list, rejected, manifest *store.AtomicFile
	listSHA                  string
	members                  []store.ListItem
}

func (f *exportFiles) abort() {
	for _, a := range []*store.AtomicFile{f.list, f.rejected, f.manifest} {
		if a != nil {
			a.Abort()
		}
	}
}

// commitExport makes an export's files and its record one unit: every file
// is complete first; the campaign is recorded (as 'writing') in one
// transaction; the files are put in place, and if one cannot be, those
// already placed are removed and the record dropped; then the record is
// marked done. A kill at any point leaves either nothing, or a record that
// the next export resolves (ResolveInterrupted): kept if its list is in
// place, removed if not.
func (s *Session) commitExport(ctx context.Context, f *exportFiles, m *campaign.Manifest, record bool, warn func(model.Sentence)) error {
	store.Fault(FaultFilesWritten)
	var id int64
	if record {
		var err error
		if id, err = s.DB.ws.RecordCampaign(ctx, m, f.members, f.listSHA); err != nil {
			return fmt.Errorf("%w; nothing was written", err)
		}
	}
	store.Fault(FaultRecorded)
	var placed []*store.AtomicFile
	for _, a := range []*store.AtomicFile{f.list, f.rejected, f.manifest} {
		if a == nil {
			continue
		}
		if err := a.Place(); err != nil {
			for _, p := range placed {
				p.Unplace()
			}
			if id > 0 {
				s.DB.ws.ForgetCampaign(context.WithoutCancel(ctx), id)
			}
			return fmt.Errorf("%w; nothing of the export was kept", err)
		}
		placed = append(placed, a)
	}
	store.Fault(FaultPlaced)
	if id > 0 {
		if err := s.DB.ws.MarkCampaignDone(context.WithoutCancel(ctx), id); err != nil {
			warn(model.Say("the list is written but its record could not be completed (%v); the next export completes it", err))
		}
	}
	return nil
}

// writeFiles writes the list, the rejected file and the manifest, complete
// but not in place. Every listed row is checked once more against the
// reachability of its channel here, and its contact, consent and opt-outs
// once more by store as it is read: two independent guards on top of the
// plan, which only ever offers reachable channels.
func (s *Session) writeFiles(ctx context.Context, cp *CampaignPlan, req campaign.ExportRequest, m *campaign.Manifest, done func()) (*exportFiles, error) {
	ds, plan := s.Data, cp.Plan
	protect := s.DB.protected()
	out := &exportFiles{}
	ok := false
	defer func() {
		if !ok {
			out.abort()
		}
	}()
	var err error
	if out.list, err = store.CreateAtomic(req.Out, req.Force, protect...); err != nil {
		return nil, err
	}
	sum := sha256.New()
	lw, err := store.NewListWriter(io.MultiWriter(out.list, sum), listFormat(req))
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
			Group: group, Prob: p, Expected: p * plan.Spec.ValueOf(i)}) // a response's value: --value, or --value-from clv
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
	if err := out.list.Finish(); err != nil {
		return nil, err
	}
	out.listSHA = hexSum(sum)
	m.Database.AtWrite = &at
	m.Files = campaign.Files{List: req.Out, Format: req.Format, Rows: written, SkippedAtExport: len(skipped)}
	if req.Format == campaign.FormatCSV {
		m.Files.SpreadsheetSafety, m.Files.Neutralised = model.SpreadsheetRule, lw.Neutralised
	}
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
	if req.Rejected != "" {
		if out.rejected, err = writeRejected(req, plan, key, skipped, skipWhy, protect); err != nil {
			return nil, err
		}
		m.Files.Rejected = req.Rejected
		m.Files.RejectedRows = len(skipped)
		m.Files.RejectedRows += plan.Matching.Count() - plan.Target.Count() - plan.Control.Count()
	}
	done()
	if out.manifest, err = store.CreateManifest(campaign.ManifestPath(req.Out), m, req.Force, protect...); err != nil {
		return nil, err
	}
	for _, it := range items {
		if !isSkipped[it.RowID] {
			out.members = append(out.members, it)
		}
	}
	ok = true
	return out, nil
}

func hexSum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

// writeRejected writes every matching customer not in the list with the
// reason, then those the final check at export left out.
func writeRejected(req campaign.ExportRequest, plan *targeting.Plan, key func(int) string, skipped []store.ListItem, why []string, protect []string) (*store.AtomicFile, error) {
	header := Headers(req.Headers, store.RejectedHeader())
	return store.WriteRejectedWithHeader(req.Rejected, req.Force, header, func(emit func(id, reason string)) {
		plan.Matching.ForEach(func(i int) {
			if r := plan.Why[i]; r != campaign.ReasonNone {
				emit(key(i), rejectedReason(req.Headers, r.String(), false))
			}
		})
		for k, it := range skipped {
			emit(it.CustomerID, rejectedReason(req.Headers, why[k], true))
		}
	}, protect...)
}

package app

import (
	"context"
	"errors"
	"path/filepath"

	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
)

// SaveSegment saves tree as the next version of name, recording who saved
// it, if the role may (Session.SaveSegment for a local user). A save is
// short and never cancelled by the session ending: it lands whole or not.
func (p *Policy) SaveSegment(ctx context.Context, s *Session, lib *Library, name string, tree segment.Node) (SegmentVersion, error) {
	if p == nil {
		return s.SaveSegment(ctx, lib, name, tree)
	}
	if err := p.check(ActSaveSegment); err != nil {
		return SegmentVersion{}, err
	}
	end, err := p.begin(ActSaveSegment)
	if err != nil {
		return SegmentVersion{}, err
	}
	defer end()
	v, err := s.SaveSegmentBy(ctx, lib, name, tree, p.User)
	if err == nil {
		p.audit(AuditEvent{Event: EventSegmentSaved, Segment: store.SegmentName(name), Version: v.Version, Hash: v.Hash, Size: v.Size})
	}
	return v, err
}

// Change makes a change to pulpero's saved work (rename, delete or copy a
// segment, freeze RFM cut-offs, save the screens' settings) if the role may
// (ActManage: every other user of a shared database sees it; a copy needs
// only ActSaveSegment), inside the server's write gate, and audits it;
// segment names the segment, if any.
// A local user (p nil) just runs do.
func (p *Policy) Change(ctx context.Context, c Change, segment string, do func(context.Context) error) error {
	if p == nil {
		return do(ctx)
	}
	act := ActManage
	if c == ChangeSegmentCopied {
		act = ActSaveSegment // a copy only adds, as a save does
	}
	if err := p.check(act); err != nil {
		return err
	}
	end, err := p.begin(act)
	if err != nil {
		return err
	}
	defer end()
	if err := do(ctx); err != nil {
		return err
	}
	e := AuditEvent{Event: EventChanged, Change: c}
	if segment != "" {
		e.Segment = store.SegmentName(segment)
	}
	p.audit(e)
	return nil
}

// Export writes a list as Session.Export does, if the role may, with its
// files inside the user's export folder (the paths typed are taken
// relative to it; see ConfinePath). The export is cancelled when ctx or
// the remote session ends: app's export then leaves no file and no record.
// The audit log gets the file, its row count and SHA-256.
func (p *Policy) Export(ctx context.Context, s *Session, lib *Library, req campaign.ExportRequest, o ExportOptions) (*campaign.Manifest, error) {
	if p == nil {
		return s.Export(ctx, lib, req, o)
	}
	if err := p.check(ActExport); err != nil {
		return nil, err
	}
	if p.ExportDir == "" {
		return nil, errors.New(msgNoExportFolder)
	}
	rel := req.Out
	for _, f := range []*string{&req.Out, &req.Rejected} {
		if *f == "" && (f == &req.Rejected || req.DryRun) {
			continue
		}
		full, err := ConfinePath(p.ExportDir, *f)
		if err != nil {
			p.audit(AuditEvent{Event: EventRefused, Action: ActExport, Reason: ReasonPath})
			return nil, err
		}
		*f = full
	}
	if !req.DryRun {
		// the manifest goes beside the list: a link there may not lead out either
		if _, err := ConfinePath(p.ExportDir, campaign.ManifestPath(filepath.Clean(rel))); err != nil {
			p.audit(AuditEvent{Event: EventRefused, Action: ActExport, Reason: ReasonPath})
			return nil, err
		}
	}
	end, err := p.begin(ActExport)
	if err != nil {
		return nil, err
	}
	defer end()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if p.Context != nil {
		defer context.AfterFunc(p.Context, cancel)()
	}
	m, err := s.Export(ctx, lib, req, o)
	if err != nil {
		reason := ReasonExportFailed
		if ctx.Err() != nil {
			reason = ReasonCancelled
		}
		p.audit(AuditEvent{Event: EventExportFailed, Action: ActExport, File: filepath.Clean(rel), Reason: reason})
		return nil, err
	}
	if req.DryRun {
		return m, nil
	}
	sum, _ := store.FileSHA256(m.Files.List)
	p.audit(AuditEvent{Event: EventExported, Campaign: m.Campaign, File: filepath.Clean(rel), Rows: m.Files.Rows, SHA256: sum})
	return m, nil
}

package main

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/store"
	"github.com/pulpero/pulpero/ui/common"
)

// screenExport is the Campaign screen's export: the request becomes the
// flag values `pulpero export` would parse, checked by the same check and
// run by the same pipeline on the customers the screen already has.
func screenExport(dbPath string) common.ExportFunc {
	return func(ctx context.Context, s *common.Session, r common.ExportRequest) (common.ExportResult, error) {
		o := exportOptsOf(dbPath, r, time.Now().UTC())
		if err := o.check(); err != nil {
			return common.ExportResult{}, err
		}
		cust := &store.Customers{Table: s.Table, Why: s.TableWhy, Profiles: s.Profiles, Data: s.Data}
		var warn strings.Builder
		m, err := exportLoaded(ctx, s.DB, s.Workspace, cust, s.Reach, o, &warn)
		if err != nil {
			return common.ExportResult{}, err
		}
		return common.ExportResult{List: o.out, Manifest: manifestPath(o.out), Target: m.Files.Target, Control: m.Files.Control,
			Warning: strings.TrimSpace(strings.TrimPrefix(warn.String(), "pulpero export: warning: "))}, nil
	}
}

// exportOptsOf spells a screen's request as export flags. Costs are written
// in the shortest form that parses back to the same number.
func exportOptsOf(dbPath string, r common.ExportRequest, now time.Time) exportOpts {
	o := exportOpts{db: dbPath, segments: r.Include, excludes: r.Exclude, all: len(r.Include) == 0,
		value: r.Value, budget: r.Budget, control: r.ControlPercent, rate: r.DefaultRate, prior: analysis.DefaultPriorContacts,
		fatigue: r.FatigueDays, model: r.Model, uplift: r.Uplift, by: r.By, historySince: r.HistorySince, name: r.Name,
		out: r.Out, rejected: r.Rejected, format: r.Format, excel: r.Excel, force: r.Force, now: now}
	if o.format == "" {
		o.format = "csv"
	}
	if o.model == "" {
		o.model = "rates"
	}
	if o.out != "" {
		o.out = filepath.Clean(o.out)
	}
	var chs, costs []string
	for _, c := range r.Channels {
		chs, costs = append(chs, c.Channel.String()), append(costs, strconv.FormatFloat(c.Cost, 'g', -1, 64))
	}
	o.channels, o.costs = strings.Join(chs, ","), strings.Join(costs, ",")
	return o
}

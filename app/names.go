package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/store"
)

// CampaignName is a campaign as its name is known (see store.CampaignName).
type CampaignName = store.CampaignName

// CampaignNames lists every campaign's name: the data's and pulpero's.
func (d *Database) CampaignNames(ctx context.Context) ([]CampaignName, error) {
	return d.ws.CampaignNames(ctx, d.db)
}

// UniqueName is base if no campaign is called so (campaign.SameName), else
// the first of base-2, base-3, … that is free: the Campaign screen's
// default, and the suggestion when a name is taken.
func UniqueName(names []CampaignName, base string) string {
	base = campaign.CanonicalName(base)
	taken := map[string]bool{}
	for _, n := range names {
		taken[campaign.NameKey(n.Name)] = true
	}
	if !taken[campaign.NameKey(base)] {
		return base
	}
	for i := 2; ; i++ {
		if c := base + "-" + strconv.Itoa(i); !taken[campaign.NameKey(c)] {
			return c
		}
	}
}

// nameClash checks that an export's campaign name is its own: a name the
// data's campaigns or an earlier export already have would mix two
// campaigns' responses and results. Replacing a list (--force) with the
// same name, file and no responses imported yet replaces its record: the
// returned id is the record to drop once the new one is in place. So does
// exporting it again to the same file once that file is gone.
func nameClash(names []CampaignName, req campaign.ExportRequest) (replace int64, err error) {
	for _, n := range names {
		if !campaign.SameName(n.Name, req.Name) {
			continue
		}
		if n.Source == "pulpero" && sameList(n.List, req.Out) && !n.HasResponses && (req.Force || !exists(n.List)) {
			replace = n.ID
			continue
		}
		what := fmt.Sprintf("an export of %s (list %s)", n.Date, n.List)
		if n.Source == "data" {
			what = fmt.Sprintf("one of the data's own campaigns (%s)", n.Date)
		} else if n.HasResponses {
			what += ", with responses imported"
		}
		return 0, fmt.Errorf("a campaign named %q exists already: %s; give another --name, such as %q",
			req.Name, what, UniqueName(names, req.Name))
	}
	return replace, nil
}

func sameList(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

// PickCampaign chooses among the campaigns named like name (campaign.SameName):
// a "NAME@YYYY-MM-DD" picks the one of that date; several of one name are
// an error that lists them, so a reply is never attached to the wrong one.
func PickCampaign(names []CampaignName, name string) ([]CampaignName, error) {
	day := ""
	if at := strings.LastIndex(name, "@"); at > 0 {
		name, day = name[:at], name[at+1:]
	}
	var found []CampaignName
	for _, n := range names {
		if campaign.SameName(n.Name, name) && (day == "" || n.Date == day) {
			found = append(found, n)
		}
	}
	switch {
	case len(found) == 0:
		var all []string
		for _, n := range names {
			all = append(all, strconv.Quote(n.Name))
		}
		if len(all) == 0 {
			return nil, fmt.Errorf("no campaign %q: none is known yet (`pulpero export` records each list it writes)", name)
		}
		return nil, fmt.Errorf("no campaign %q; the campaigns are %s", name, strings.Join(all, ", "))
	case len(found) > 1:
		var list []string
		for _, n := range found {
			src := "the data's"
			if n.Source == "pulpero" {
				src = "exported to " + n.List
			}
			list = append(list, fmt.Sprintf("%q (%s, %s)", n.Name+"@"+n.Date, src, n.Date))
		}
		return found, fmt.Errorf("%d campaigns are called %q: %s; name one with NAME@DATE", len(found), name, strings.Join(list, ", "))
	}
	return found, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

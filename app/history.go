package app

import (
	"context"

	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// Campaign records, as the faces see them.
type (
	CampaignOutcome       = store.CampaignOutcome
	ImportResponsesResult = store.ImportResponsesResult
	ResponsesError        = store.ResponsesError
)

// CampaignHistory reads the data's own past campaigns (a campaigns and a
// campaign_contacts table, as in the demo), matched to the rows of ds. It is
// nil, without error, when the data has none.
func (d *Database) CampaignHistory(ctx context.Context, ds *model.Dataset) (*targeting.PastContacts, error) {
	h, ok, err := d.db.ReadCampaignHistory(ctx)
	if err != nil || !ok {
		return nil, err
	}
	campaigns := make([]targeting.PastCampaign, len(h.Campaigns))
	for k, c := range h.Campaigns {
		campaigns[k] = targeting.PastCampaign{Channel: c.Channel, Day: c.Day}
	}
	return targeting.MatchPastContacts(ds, campaigns, h.Campaign, h.CustomerIDs, h.Control, h.Responded), nil
}

// CampaignOutcomes lists every campaign with its treated and control
// members and their responses: the data's own and pulpero's exports.
func (d *Database) CampaignOutcomes(ctx context.Context) ([]CampaignOutcome, error) {
	return d.ws.CampaignOutcomes(ctx, d.db)
}

// ImportResponses records who responded to an exported campaign (the latest
// export of that name) from a CSV file, replacing earlier responses.
func (d *Database) ImportResponses(ctx context.Context, campaign, csvPath string) (ImportResponsesResult, error) {
	return d.ws.ImportResponses(ctx, campaign, csvPath)
}

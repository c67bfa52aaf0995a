package ui

import (
	"github.com/pulpero/pulpero/ui/behaviour"
	"github.com/pulpero/pulpero/ui/campaign"
	"github.com/pulpero/pulpero/ui/clusters"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/explore"
	"github.com/pulpero/pulpero/ui/importer"
	"github.com/pulpero/pulpero/ui/roles"
	"github.com/pulpero/pulpero/ui/segment"
	"github.com/pulpero/pulpero/ui/tables"
	"github.com/pulpero/pulpero/ui/value"
)

// newScreens builds the screens in tab order, once the data is loaded.
// Adding a screen is adding a line here.
func newScreens(c *common.Common) []common.Screen {
	return []common.Screen{
		explore.New(c),
		segment.New(c),
		campaign.New(c),
		tables.New(c),
		importer.New(c),
		roles.New(c), // keep last: the least used
		behaviour.New(c),
		value.New(c),
		clusters.New(c),
	}
}

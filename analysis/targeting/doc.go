// Package targeting plans campaigns over the columnar copy: who matches,
// who can be reached, response models learned from past campaigns (rates by
// group, or a logistic regression), the control group, the allocation of a
// budget across customers and channels, and the measured results of a
// campaign against its control group.
//
// Pure functions like the rest of analysis: no I/O, no clock (days are
// parameters), explicit seeds. The campaign's domain types (channels,
// reasons, the manifest) live in model/campaign.
package targeting

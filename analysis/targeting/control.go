package targeting

import (
	"hash/fnv"
	"strconv"

	"github.com/pulpero/pulpero/model"
	mcampaign "github.com/pulpero/pulpero/model/campaign"
)

// InControl reports whether the customer with key is held out of campaign as
// control: FNV-1a 64 of the campaign's name key (campaign.NameKey: trimmed,
// case-folded, so a name typed two ways holds out the same people), a NUL
// and the key, mixed with the
// splitmix64 finalizer (FNV alone is uneven in its top bits for short, similar
// keys), read as a fraction of 2^64 and compared with share. The same name
// and customer always give the same answer, so a re-run holds out the same
// people, and different campaigns hold out different ones.
func InControl(campaign, key string, share float64) bool {
	if share <= 0 {
		return false
	}
	if share >= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(mcampaign.NameKey(campaign)))
	h.Write([]byte{0})
	h.Write([]byte(key))
	x := h.Sum64()
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return float64(x>>11)/(1<<53) < share
}

// CustomerKeys returns a function giving row i's customer key: the value of
// the customer-id column as text, else the SQLite rowid. The key is what the
// control-group hash reads, so it must not change between runs.
func CustomerKeys(ds *model.Dataset) func(i int) string {
	switch c := ds.ByRole(model.RoleCustomerID).(type) {
	case *model.NumberColumn:
		return func(i int) string {
			if c.Nulls.Has(i) {
				return "rowid:" + strconv.FormatInt(ds.RowIDs[i], 10)
			}
			return strconv.FormatFloat(c.Values[i], 'f', -1, 64)
		}
	case *model.TextColumn:
		return func(i int) string {
			if c.Nulls.Has(i) {
				return "rowid:" + strconv.FormatInt(ds.RowIDs[i], 10)
			}
			return c.Values[i]
		}
	case *model.CodedColumn:
		return func(i int) string {
			if v, ok := c.Value(i); ok {
				return v
			}
			return "rowid:" + strconv.FormatInt(ds.RowIDs[i], 10)
		}
	}
	return func(i int) string { return "rowid:" + strconv.FormatInt(ds.RowIDs[i], 10) }
}

// ControlRows returns the rows of candidates held out for campaign.
func ControlRows(ds *model.Dataset, campaign string, share float64, candidates model.Bitset) model.Bitset {
	out := model.NewBitset(ds.Rows())
	key := CustomerKeys(ds)
	candidates.ForEach(func(i int) {
		if InControl(campaign, key(i), share) {
			out.Set(i)
		}
	})
	return out
}

package store

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

// KeyIndex maps customer keys (as purchase tables hold them) to rows of
// the customer dataset. Whole-number keys are compared as numbers, so
// 17850, 17850.0 and "17850" are the same customer; text keys are
// compared after trimming spaces.
type KeyIndex struct {
	numeric bool
	dense   []int32 // row of key min+i, -1 = none; used when keys are compact
	min     int64
	ints    map[int64]int32
	strs    map[string]int32
	// Duplicates counts keys held by more than one customer row (the first
	// row wins), a sign the key column is not really a key.
	Duplicates int
}

// denseFactor: a dense table is used when the key range is at most this
// many times the number of keys.
const denseFactor = 4

// NewKeyIndex indexes the customer key column of a dataset (row i holds
// key col[i]; NULL keys are skipped).
func NewKeyIndex(col model.Column) (*KeyIndex, error) {
	k := &KeyIndex{}
	switch c := col.(type) {
	case *model.NumberColumn:
		k.numeric = true
		lo, hi, n := int64(math.MaxInt64), int64(math.MinInt64), 0
		for i, v := range c.Values {
			if c.IsNull(i) || v != math.Trunc(v) || math.Abs(v) > 1<<53 {
				continue
			}
			lo, hi, n = min(lo, int64(v)), max(hi, int64(v)), n+1
		}
		if n > 0 && hi-lo < int64(denseFactor*n+64) {
			k.min, k.dense = lo, make([]int32, hi-lo+1)
			for i := range k.dense {
				k.dense[i] = -1
			}
		} else {
			k.ints = make(map[int64]int32, n)
		}
		for i, v := range c.Values {
			if c.IsNull(i) || v != math.Trunc(v) || math.Abs(v) > 1<<53 {
				continue
			}
			k.addInt(int64(v), int32(i))
		}
	case *model.CodedColumn:
		k.strs = make(map[string]int32, len(c.Codes))
		for i := range c.Codes {
			if s, ok := c.Value(i); ok {
				k.addStr(s, int32(i))
			}
		}
	case *model.TextColumn:
		k.strs = make(map[string]int32, len(c.Values))
		for i, s := range c.Values {
			if !c.IsNull(i) {
				k.addStr(s, int32(i))
			}
		}
	default:
		return nil, fmt.Errorf("customer key column %q: unsupported type %T", col.Meta().Name, col)
	}
	return k, nil
}

func (k *KeyIndex) addInt(v int64, row int32) {
	if k.dense != nil {
		if k.dense[v-k.min] >= 0 {
			k.Duplicates++
			return
		}
		k.dense[v-k.min] = row
		return
	}
	if _, ok := k.ints[v]; ok {
		k.Duplicates++
		return
	}
	k.ints[v] = row
}

func (k *KeyIndex) addStr(s string, row int32) {
	s = strings.TrimSpace(s)
	if _, ok := k.strs[s]; ok {
		k.Duplicates++
		return
	}
	k.strs[s] = row
}

// Lookup returns the row of the customer whose key is v (a value as the
// driver returns it), -1 when v is NULL or no customer has it; present
// reports whether v held a key at all.
func (k *KeyIndex) Lookup(v any) (row int32, present bool) {
	switch x := v.(type) {
	case nil:
		return -1, false
	case int64:
		return k.int(x), true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) <= 1<<53 {
			return k.int(int64(x)), true
		}
		return k.str(strconv.FormatFloat(x, 'g', -1, 64)), true
	case string:
		return k.text(x)
	case []byte:
		return k.text(string(x))
	}
	return k.str(fmt.Sprint(v)), true
}

func (k *KeyIndex) text(s string) (int32, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return -1, false
	}
	if k.numeric {
		if i, ok := parse.Integer(s, parse.DecimalPoint); ok {
			return k.int(i), true
		}
		return -1, true
	}
	return k.str(s), true
}

func (k *KeyIndex) int(v int64) int32 {
	if !k.numeric {
		return k.str(strconv.FormatInt(v, 10))
	}
	if k.dense != nil {
		if v < k.min || v-k.min >= int64(len(k.dense)) {
			return -1
		}
		return k.dense[v-k.min]
	}
	if r, ok := k.ints[v]; ok {
		return r
	}
	return -1
}

func (k *KeyIndex) str(s string) int32 {
	if k.strs == nil {
		return -1
	}
	if r, ok := k.strs[s]; ok {
		return r
	}
	return -1
}

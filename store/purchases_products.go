package store

import (
	"context"
	"fmt"
	"math"
	"strings"
)

// productIndex gives the category of each product key, read once from the
// products table (small next to the lines), so the lines need no join.
type productIndex struct {
	ints map[int64]int32
	strs map[string]int32
	dict []string
}

func (d *DB) readProducts(ctx context.Context, src *PurchaseSource, categoryColumn string) (*productIndex, error) {
	q := fmt.Sprintf("SELECT %s, %s FROM %s", quoteKey(src.ProductTo), QuoteIdent(categoryColumn), QuoteIdent(src.Product))
	rows, err := d.sql.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf(errLinesRead, d.Name(), src.Product, cleanSQLiteError(err))
	}
	defer rows.Close()
	p := &productIndex{ints: map[int64]int32{}, strs: map[string]int32{}}
	dict := localDict{}
	for rows.Next() {
		var key, cat any
		if err := rows.Scan(&key, &cat); err != nil {
			return nil, fmt.Errorf(errLinesRead, d.Name(), src.Product, cleanSQLiteError(err))
		}
		s, ok := textValue(cat)
		if !ok {
			continue
		}
		code := dict.code(s)
		switch k := key.(type) {
		case int64:
			p.ints[k] = code
		case float64:
			if k == math.Trunc(k) {
				p.ints[int64(k)] = code
			}
		default:
			if ks, ok := textValue(k); ok {
				p.strs[ks] = code
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf(errLinesRead, d.Name(), src.Product, cleanSQLiteError(err))
	}
	p.dict = dict.dict
	return p, nil
}

// category returns the code of a product key's category, -1 when unknown.
func (p *productIndex) category(v any) int32 {
	switch k := v.(type) {
	case int64:
		if c, ok := p.ints[k]; ok {
			return c
		}
		if c, ok := p.strs[textOf64(k)]; ok {
			return c
		}
	case float64:
		if c, ok := p.ints[int64(k)]; ok && k == math.Trunc(k) {
			return c
		}
	default:
		if s, ok := textValue(k); ok {
			if c, ok := p.strs[s]; ok {
				return c
			}
			var i int64
			if _, err := fmt.Sscan(strings.TrimSpace(s), &i); err == nil {
				if c, ok := p.ints[i]; ok {
					return c
				}
			}
		}
	}
	return -1
}

// localKeys gives each distinct customer key of one part of a
// transactions table a code, in order of first appearance; the parts are
// merged in rowid order so the customers' order is that of their first
// line.
type localKeys struct {
	ints  map[int64]int32
	strs  map[string]int32
	keys  []any // int64 or string
	first []int64
}

// code returns v's code (-1 for no key); rowid is the line's, kept for a
// key's first line.
func (k *localKeys) code(v any) int32 {
	switch x := v.(type) {
	case nil:
		return -1
	case int64:
		return k.intCode(x)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) <= 1<<53 {
			return k.intCode(int64(x))
		}
	}
	s, ok := textValue(v)
	if !ok {
		return -1
	}
	if k.strs == nil {
		k.strs = map[string]int32{}
	}
	if c, ok := k.strs[s]; ok {
		return c
	}
	s = strings.Clone(s) // s may be a view into SQLite's memory (see sink.go)
	c := int32(len(k.keys))
	k.strs[s] = c
	k.keys = append(k.keys, s)
	return c
}

func (k *localKeys) intCode(x int64) int32 {
	if k.ints == nil {
		k.ints = map[int64]int32{}
	}
	if c, ok := k.ints[x]; ok {
		return c
	}
	c := int32(len(k.keys))
	k.ints[x] = c
	k.keys = append(k.keys, x)
	return c
}

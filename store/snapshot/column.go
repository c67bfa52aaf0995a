package snapshot

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"unsafe"

	"github.com/pulpero/pulpero/model"
)

// A column file: magic, header length, header JSON, data, CRC-32C of the
// data. Arrays in the data start 8-byte aligned.
const colMagic = "PULPCOL1"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrDamaged is returned (wrapped) for a file that is not what was written.
var ErrDamaged = errors.New("snapshot file damaged")

// colHeader describes a column file's data.
type colHeader struct {
	Meta     model.ColumnMeta
	Type     string   // "number", "coded", "text" or "bitset"
	Rows     int      // rows of the column
	Dict     []string `json:",omitempty"` // coded columns
	Sections []int    // byte length of each array, in order
}

// encodeColumn writes c (or a bare bitset when c is nil) as a column file
// to w. The arrays are written from the column's own memory, so keeping a
// column costs no copy of it (a million-row load would otherwise hold each
// column twice while writing).
func encodeColumn(w io.Writer, c model.Column, set model.Bitset, rows int) error {
	h := colHeader{Rows: rows}
	var arrays [][]byte
	switch x := c.(type) {
	case nil:
		h.Type = "bitset"
		arrays = append(arrays, words(set))
	case *model.NumberColumn:
		h.Type, h.Meta = "number", x.ColumnMeta
		arrays = append(arrays, f64Bytes(x.Values), words(x.Nulls))
	case *model.CodedColumn:
		h.Type, h.Meta, h.Dict = "coded", x.ColumnMeta, x.Dict
		arrays = append(arrays, i32Bytes(x.Codes))
	case *model.TextColumn:
		h.Type, h.Meta = "text", x.ColumnMeta
		offsets := make([]int32, len(x.Values)+1)
		var blob []byte
		for i, v := range x.Values {
			blob = append(blob, v...)
			offsets[i+1] = int32(len(blob))
		}
		arrays = append(arrays, i32Bytes(offsets), blob, words(x.Nulls))
	default:
		return fmt.Errorf("snapshot: cannot keep a column of type %T", c)
	}
	for _, a := range arrays {
		h.Sections = append(h.Sections, len(a))
	}
	head, err := json.Marshal(h)
	if err != nil {
		return err
	}
	var pre bytes.Buffer
	pre.WriteString(colMagic)
	binary.Write(&pre, binary.LittleEndian, uint32(len(head)))
	pre.Write(head)
	off := pre.Len()
	if _, err := w.Write(pre.Bytes()); err != nil {
		return err
	}
	var crc uint32
	var zeros [8]byte
	for _, a := range arrays {
		for _, part := range [][]byte{zeros[:(8-off%8)%8], a} { // arrays start 8-byte aligned
			if _, err := w.Write(part); err != nil {
				return err
			}
			crc = crc32.Update(crc, castagnoli, part)
			off += len(part)
		}
	}
	return binary.Write(w, binary.LittleEndian, crc)
}

// decodeColumn reads a column file written by encodeColumn, checking its
// length, header and CRC. The arrays of the column alias buf.
func decodeColumn(buf []byte, rows int) (model.Column, model.Bitset, error) {
	damaged := func(why string) error { return fmt.Errorf("%w: %s", ErrDamaged, why) }
	if len(buf) < len(colMagic)+8 || string(buf[:len(colMagic)]) != colMagic {
		return nil, nil, damaged("not a column file")
	}
	n := int(binary.LittleEndian.Uint32(buf[len(colMagic):]))
	start := len(colMagic) + 4
	if n <= 0 || start+n+4 > len(buf) {
		return nil, nil, damaged("header cut short")
	}
	var h colHeader
	if err := json.Unmarshal(buf[start:start+n], &h); err != nil {
		return nil, nil, damaged("header unreadable")
	}
	if h.Rows != rows {
		return nil, nil, damaged(fmt.Sprintf("%d rows, the table has %d", h.Rows, rows))
	}
	data := start + n
	sum := binary.LittleEndian.Uint32(buf[len(buf)-4:])
	if crc32.Checksum(buf[data:len(buf)-4], castagnoli) != sum {
		return nil, nil, damaged("checksum")
	}
	var arrays [][]byte
	off := data
	for _, l := range h.Sections {
		off += (8 - off%8) % 8 // arrays start 8-byte aligned in the file
		if l < 0 || off+l > len(buf)-4 {
			return nil, nil, damaged("section cut short")
		}
		arrays = append(arrays, buf[off:off+l])
		off += l
	}
	nw := (rows + 63) / 64
	need := func(k int, want int) bool { return len(arrays) > k && len(arrays[k]) == want }
	switch h.Type {
	case "bitset":
		if !need(0, nw*8) {
			return nil, nil, damaged("bitset size")
		}
		return nil, asWords(arrays[0]), nil
	case "number":
		if !need(0, rows*8) || !need(1, nw*8) {
			return nil, nil, damaged("number column size")
		}
		return &model.NumberColumn{ColumnMeta: h.Meta, Values: asF64(arrays[0]), Nulls: asWords(arrays[1])}, nil, nil
	case "coded":
		if !need(0, rows*4) {
			return nil, nil, damaged("coded column size")
		}
		codes := asI32(arrays[0])
		for _, k := range codes {
			if k < -1 || int(k) >= len(h.Dict) {
				return nil, nil, damaged("code outside the dictionary")
			}
		}
		return &model.CodedColumn{ColumnMeta: h.Meta, Codes: codes, Dict: h.Dict}, nil, nil
	case "text":
		if !need(0, (rows+1)*4) || !need(2, nw*8) {
			return nil, nil, damaged("text column size")
		}
		offsets, blob := asI32(arrays[0]), arrays[1]
		values := make([]string, rows)
		for i := range values {
			a, b := offsets[i], offsets[i+1]
			if a < 0 || b < a || int(b) > len(blob) {
				return nil, nil, damaged("text offsets")
			}
			if b > a {
				values[i] = unsafe.String(&blob[a], b-a)
			}
		}
		return &model.TextColumn{ColumnMeta: h.Meta, Values: values, Nulls: asWords(arrays[2])}, nil, nil
	}
	return nil, nil, damaged("unknown column type " + h.Type)
}

// The arrays are written little-endian, as the machines pulpero runs on
// hold them, so reading one is a cast of the file's bytes.

func f64Bytes(v []float64) []byte {
	if len(v) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), len(v)*8)
}

func i32Bytes(v []int32) []byte {
	if len(v) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), len(v)*4)
}

func words(b model.Bitset) []byte {
	if len(b) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&b[0])), len(b)*8)
}

func asF64(b []byte) []float64 {
	if len(b) == 0 {
		return []float64{}
	}
	return unsafe.Slice((*float64)(unsafe.Pointer(&b[0])), len(b)/8)
}

func asI32(b []byte) []int32 {
	if len(b) == 0 {
		return []int32{}
	}
	return unsafe.Slice((*int32)(unsafe.Pointer(&b[0])), len(b)/4)
}

func asWords(b []byte) model.Bitset {
	if len(b) == 0 {
		return model.Bitset{}
	}
	return unsafe.Slice((*uint64)(unsafe.Pointer(&b[0])), len(b)/8)
}

// littleEndian reports whether this machine stores numbers little-endian,
// as snapshot files are written; elsewhere snapshots are not used.
func littleEndian() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}

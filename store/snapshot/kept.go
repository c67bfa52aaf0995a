package snapshot

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"github.com/pulpero/pulpero/model"
)

// Work derived from the columns (behaviour read from the purchases) is
// kept beside them under a key that names everything it depends on beyond
// the database: a description (JSON) and its columns. The description is
// written last, so work cut short is not found.

const blobMagic = "PULPBLB1"

// keptIndex is a kept work's description and the names of its columns.
type keptIndex struct {
	Desc    json.RawMessage
	Columns []string
}

// Keep keeps desc and cols under key.
func (s *Snapshot) Keep(key string, desc []byte, cols []model.Column) error {
	idx := keptIndex{Desc: desc}
	for _, c := range cols {
		name := c.Meta().Name
		if err := s.put(fileName("kept", key+"\x00"+name), c, nil); err != nil {
			return err
		}
		idx.Columns = append(idx.Columns, name)
	}
	b, err := json.Marshal(idx)
	if err != nil {
		return err
	}
	return writeFileWith(filepath.Join(s.dir, fileName("blob", key)), func(w io.Writer) error {
		if _, err := io.WriteString(w, blobMagic); err != nil {
			return err
		}
		if err := binary.Write(w, binary.LittleEndian, crc32.Checksum(b, castagnoli)); err != nil {
			return err
		}
		_, err := w.Write(b)
		return err
	})
}

// Kept reads what Keep kept under key; ok is false when nothing (whole)
// is kept there.
func (s *Snapshot) Kept(key string) (desc []byte, cols []model.Column, ok bool) {
	path := filepath.Join(s.dir, fileName("blob", key))
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, false
	}
	var idx keptIndex
	if err := decodeBlob(buf, &idx); err != nil {
		os.Remove(path) // damaged: never trusted
		return nil, nil, false
	}
	for _, name := range idx.Columns {
		c, _, err := s.read(fileName("kept", key+"\x00"+name))
		if err != nil || c == nil {
			return nil, nil, false
		}
		cols = append(cols, c)
	}
	return idx.Desc, cols, true
}

func decodeBlob(buf []byte, v any) error {
	if len(buf) < len(blobMagic)+4 || !bytes.Equal(buf[:len(blobMagic)], []byte(blobMagic)) {
		return fmt.Errorf("%w: not a kept-work file", ErrDamaged)
	}
	sum := binary.LittleEndian.Uint32(buf[len(blobMagic):])
	data := buf[len(blobMagic)+4:]
	if crc32.Checksum(data, castagnoli) != sum {
		return fmt.Errorf("%w: checksum", ErrDamaged)
	}
	return json.Unmarshal(data, v)
}

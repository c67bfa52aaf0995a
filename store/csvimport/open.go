package csvimport

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
)

// gzipMagic starts every gzip file (RFC 1952, section 2.3.1). A file is
// decompressed when it starts so, whatever its name: data sets ship as
// .csv.gz, .tsv.gz, .txt.gz.
var gzipMagic = []byte{0x1f, 0x8b}

// input is an open input file. raw counts the bytes read from disk (for
// progress); text yields the file's content, gunzipped when compressed.
type input struct {
	f    *os.File
	raw  *countingReader
	br   *bufio.Reader // over raw
	text io.Reader
	gzip bool
}

// openInput opens path. tee, when not nil, receives every byte of the file
// as stored (the fingerprint is the compressed file's).
func openInput(path string, tee io.Writer) (*input, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	in := &input{f: f, raw: &countingReader{r: f}}
	var src io.Reader = in.raw
	if tee != nil {
		src = io.TeeReader(src, tee)
	}
	in.br = bufio.NewReaderSize(src, 64<<10)
	in.text = in.br
	if magic, _ := in.br.Peek(len(gzipMagic)); bytes.Equal(magic, gzipMagic) {
		zr, err := gzip.NewReader(in.br)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf(msgGzipDamaged, path, ErrUnreadable, err)
		}
		in.text, in.gzip = &gzipErrors{r: zr, path: path}, true
	}
	return in, nil
}

// drain reads the rest of the stored file, so that tee sees all of it.
func (in *input) drain() error {
	_, err := io.Copy(io.Discard, in.br)
	return err
}

func (in *input) Close() error { return in.f.Close() }

// gzipErrors names the file in the errors of a gzip stream: a damaged or
// cut-short file is a problem with the file, not an I/O failure.
type gzipErrors struct {
	r    io.Reader
	path string
}

func (g *gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf(msgGzipDamaged, g.path, ErrUnreadable, err)
	}
	return n, err
}

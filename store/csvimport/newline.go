package csvimport

import (
	"bytes"
	"io"
)

// crReader turns the line ends of a file read by CR (old Mac exports) into
// LF: a lone CR, CR LF and a lone LF each become one LF, so that the record
// reader, which splits at LF, reads such a file line by line. A line break
// inside a quoted cell (Excel for Mac writes LF there) stays a line break.
type crReader struct {
	src     io.Reader
	afterCR bool // the last byte passed on was a CR: drop an LF that follows
}

func (c *crReader) Read(p []byte) (int, error) {
	for {
		n, err := c.src.Read(p)
		out := 0
		for i := 0; i < n; {
			if c.afterCR && p[i] == '\n' {
				i++
			}
			c.afterCR = false
			j := bytes.IndexByte(p[i:n], '\r')
			if j < 0 {
				out += copy(p[out:], p[i:n])
				break
			}
			out += copy(p[out:], p[i:i+j])
			p[out] = '\n'
			out++
			i += j + 1
			c.afterCR = true
		}
		if out > 0 || err != nil || n == 0 {
			return out, err
		}
		// Only a dropped LF: read on rather than return nothing.
	}
}

package csvimport

import (
	"bytes"
	"io"
	"strings"

	"github.com/pulpero/pulpero/store/parse"
)

const (
	sniffBytes   = 64 << 10 // the head of the file the dialect is guessed from
	sniffRecords = 200
)

// delimiterOrder is the preference between delimiters that split the head
// of a file equally well.
var delimiterOrder = []byte{'\t', ';', ',', '|', SpaceRuns}

// sniffDelimiter picks the delimiter that splits the sample into the most
// consistent number of fields (at least two); ',' when none does.
func sniffDelimiter(sample []byte, complete bool) byte {
	if !complete {
		// The last line may be cut short: leave it out.
		if i := bytes.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	best, bestScore := byte(','), 0.0
	for _, d := range delimiterOrder {
		counts := map[int]int{}
		total := 0
		r := newReader(bytes.NewReader(sample), d)
		for total < sniffRecords {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				continue
			}
			counts[len(rec)]++
			total++
		}
		mode, freq := 0, 0
		for n, f := range counts {
			if f > freq || f == freq && n > mode {
				mode, freq = n, f
			}
		}
		if mode < 2 || total == 0 {
			continue
		}
		score := float64(freq) / float64(total)
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

// looksLikeHeader says whether a first record names columns: it does unless
// one of its fields is a number or a date, which no header would be.
func looksLikeHeader(first []string) bool {
	for _, f := range first {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if _, ok := parse.Number(f, parse.DecimalPoint); ok {
			return false
		}
		if _, ok := parse.Number(f, parse.DecimalComma); ok {
			return false
		}
		if _, ok := parse.ParseDate(f, parse.DayFirst); ok {
			return false
		}
		if _, ok := parse.ParseDate(f, parse.MonthFirst); ok {
			return false
		}
	}
	return true
}

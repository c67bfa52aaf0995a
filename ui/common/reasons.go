package common

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pulpero/pulpero/app/locale"
)

// Reason is a sentence the layers below wrote as finished English (why a
// column has its kind or role, why a table holds the customers, what a
// derived attribute holds: strings made with fmt.Sprintf long before a
// screen shows them) in the user's language. A sentence the catalogue has
// is looked up; one made from a format of reasonFormats is read back into
// its arguments and written with that format's translation (a count in the
// region's grouping); any other stays as it is.
func (c *Common) Reason(s string) string {
	if c.Locale.Lang != locale.Spanish || s == "" {
		return s
	}
	if t := c.Locale.Lookup(s); t != s {
		return t
	}
	if m := asOfPrefix.FindStringSubmatch(s); m != nil { // a behaviour note: "as of 2026-01-01: ..."
		day := m[1]
		if d, err := time.Parse(time.DateOnly, day); err == nil {
			day = c.Locale.Date(d)
		}
		return c.Locale.T(asOfNote, day) + c.Reason(m[2])
	}
	for _, f := range compiledReasons() {
		m := f.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		args := m[1:]
		for i, v := range f.verbs {
			if n, err := strconv.Atoi(args[i]); err == nil && strings.HasSuffix(v, "d") && !yearFormats[f.format] {
				args[i] = c.Locale.Int(n)
			} else if englishGrouped.MatchString(args[i]) {
				n, _ := strconv.Atoi(strings.ReplaceAll(args[i], ",", ""))
				args[i] = c.Locale.Int(n)
			}
		}
		return fill(c.Locale.Lookup(f.format), args)
	}
	return s
}

// asOfPrefix is asOfNote written with an ISO day. i18n: a pattern, not a sentence
var asOfPrefix = regexp.MustCompile(`^as of ([0-9]{4}-[0-9]{2}-[0-9]{2}): (.+)$`)

// englishGrouped is a count written with English grouping (1,234), as
// some reasons are made.
var englishGrouped = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})+$`)

// verbRE is a fmt verb: %s, %q, %d, %.0f, %%.
var verbRE = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

type reasonFormat struct {
	format string
	re     *regexp.Regexp
	verbs  []string // the format's verbs but %%, in order
}

var (
	reasonsOnce sync.Once
	reasons     []reasonFormat
)

// compiledReasons turns each format into a pattern that reads a sentence
// made from it back into its arguments, as text.
func compiledReasons() []reasonFormat {
	reasonsOnce.Do(func() {
		for _, f := range reasonFormats {
			var b strings.Builder
			var verbs []string
			b.WriteString("^")
			last := 0
			for _, loc := range verbRE.FindAllStringIndex(f, -1) {
				b.WriteString(regexp.QuoteMeta(f[last:loc[0]]))
				switch v := f[loc[0]:loc[1]]; {
				case v == "%%":
					b.WriteString("%")
				case strings.HasSuffix(v, "q"):
					b.WriteString(`("(?:[^"\\]|\\.)*")`)
					verbs = append(verbs, v)
				case strings.HasSuffix(v, "d"):
					b.WriteString(`(-?[0-9]+)`)
					verbs = append(verbs, v)
				default:
					b.WriteString(`(.+?)`)
					verbs = append(verbs, v)
				}
				last = loc[1]
			}
			b.WriteString(regexp.QuoteMeta(f[last:]) + "$")
			reasons = append(reasons, reasonFormat{format: f, re: regexp.MustCompile(b.String()), verbs: verbs})
		}
	})
	return reasons
}

// fill writes format with its verbs replaced, in order, by args (already
// text); %% is a percent sign.
func fill(format string, args []string) string {
	i := 0
	return verbRE.ReplaceAllStringFunc(format, func(v string) string {
		if v == "%%" {
			return "%"
		}
		if i >= len(args) {
			return v
		}
		i++
		return args[i-1]
	})
}

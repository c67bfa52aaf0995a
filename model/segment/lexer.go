package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind int

const (
	tokEOF    tokKind = iota
	tokWord           // a bare name or keyword
	tokNumber         // 20000, -3.5
	tokString         // "quoted", 'quoted', or a bare date 2024-01-31
	tokPunct          // ( ) , = != <> < <= > >=
)

type token struct {
	kind tokKind
	text string // unquoted text for strings
	pos  int    // byte offset of the token's first byte
	end  int    // byte offset just past the token
}

// lexer splits the source into tokens on demand.
type lexer struct {
	src string
	pos int
}

func isWordStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }
func isWordPart(r rune) bool {
	return r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// next returns the next token, or an *Error for text that is no token.
func (l *lexer) next() (token, error) {
	for l.pos < len(l.src) {
		r, n := utf8.DecodeRuneInString(l.src[l.pos:])
		if !unicode.IsSpace(r) {
			break
		}
		l.pos += n
	}
	start := l.pos
	if start >= len(l.src) {
		return token{kind: tokEOF, pos: start, end: start}, nil
	}
	r, n := utf8.DecodeRuneInString(l.src[start:])
	switch {
	case r == utf8.RuneError && n <= 1:
		return token{}, say(start, msgBadUTF8)
	case r == '"' || r == '\'':
		return l.quoted(r)
	case r >= '0' && r <= '9', r == '-' && start+1 < len(l.src) && isDigit(l.src[start+1]):
		return l.number(), nil
	case isWordStart(r):
		l.pos += n
		for l.pos < len(l.src) {
			r, n := utf8.DecodeRuneInString(l.src[l.pos:])
			if isWordPart(r) {
				l.pos += n
				continue
			}
			// a hyphen joins words such as north-east, not minus signs
			if r == '-' && l.pos+1 < len(l.src) {
				if r2, _ := utf8.DecodeRuneInString(l.src[l.pos+1:]); isWordPart(r2) {
					l.pos++
					continue
				}
			}
			break
		}
		return token{kind: tokWord, text: l.src[start:l.pos], pos: start, end: l.pos}, nil
	}
	for _, p := range []string{"!=", "<>", "<=", ">=", "==", "(", ")", ",", "=", "<", ">"} {
		if strings.HasPrefix(l.src[start:], p) {
			l.pos += len(p)
			return token{kind: tokPunct, text: p, pos: start, end: l.pos}, nil
		}
	}
	return token{}, say(start, msgUnexpectedRun, quoteRune(r))
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// number reads -12.5 or a bare date such as 2024-01-31 (then a string).
func (l *lexer) number() token {
	start := l.pos
	if l.src[l.pos] == '-' {
		l.pos++
	}
	for l.pos < len(l.src) && (isDigit(l.src[l.pos]) || l.src[l.pos] == '.' || l.src[l.pos] == '_') {
		l.pos++
	}
	if l.pos < len(l.src) && l.src[l.pos] == '-' && l.pos+1 < len(l.src) && isDigit(l.src[l.pos+1]) {
		for l.pos < len(l.src) && (isDigit(l.src[l.pos]) || l.src[l.pos] == '-' || l.src[l.pos] == ':' || l.src[l.pos] == 'T') {
			l.pos++
		}
		return token{kind: tokString, text: l.src[start:l.pos], pos: start, end: l.pos}
	}
	return token{kind: tokNumber, text: strings.ReplaceAll(l.src[start:l.pos], "_", ""), pos: start, end: l.pos}
}

// quoted reads a string in double or single quotes; a backslash escapes the
// next character, and a doubled quote stands for one (as in SQL and CSV).
func (l *lexer) quoted(q rune) (token, error) {
	start := l.pos
	l.pos++
	var b strings.Builder
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\\' && l.pos+1 < len(l.src):
			b.WriteByte(l.src[l.pos+1])
			l.pos += 2
		case rune(c) == q && l.pos+1 < len(l.src) && rune(l.src[l.pos+1]) == q:
			b.WriteByte(c)
			l.pos += 2
		case rune(c) == q:
			l.pos++
			s := b.String()
			if !utf8.ValidString(s) {
				return token{}, say(start, msgBadUTF8Text)
			}
			return token{kind: tokString, text: s, pos: start, end: l.pos}, nil
		default:
			b.WriteByte(c)
			l.pos++
		}
	}
	return token{}, say(start, msgNoCloseQuote, string(q))
}

func quoteRune(r rune) string {
	if r == '\'' {
		return `"'"`
	}
	return "'" + string(r) + "'"
}

// Package localetest finds, for tests, the sentences of a package that a
// Spanish user would read in English: the string constants of its
// messages.go and the sentences passed to T, N, Lookup or key.WithHelp
// that the catalogue lacks, and the sentences written straight into the
// code instead of going through the catalogue.
package localetest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/pulpero/pulpero/app/locale"
)

// Exempt is the comment that lets a literal that looks like a sentence stay
// in the code, on its line or the line above, with the reason after it:
// "// i18n: a column name, the same in every language".
const Exempt = "i18n:"

// Problem is one sentence a Spanish user would read in English.
type Problem struct {
	Where string // file:line
	Text  string
	Why   string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %q %s", p.Where, p.Text, p.Why) }

// Untranslated lists the problems of the Go package in dir (its non-test
// files).
func Untranslated(dir string) ([]Problem, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []Problem
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		ps, err := inFile(path)
		if err != nil {
			return nil, err
		}
		out = append(out, ps...)
	}
	return out, nil
}

func inFile(path string) ([]Problem, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	exempt := map[int]bool{}
	for _, g := range f.Comments {
		for _, c := range g.List {
			if strings.Contains(c.Text, Exempt) {
				line := fset.Position(c.Pos()).Line
				exempt[line], exempt[line+1] = true, true
			}
		}
	}
	isMessages := filepath.Base(path) == "messages.go"
	var out []Problem
	report := func(lit *ast.BasicLit, why string) {
		s, _ := strconv.Unquote(lit.Value)
		out = append(out, Problem{Where: fmt.Sprintf("%s:%d", path, fset.Position(lit.Pos()).Line), Text: s, Why: why})
	}
	seen := map[*ast.BasicLit]bool{} // checked as a catalogue key already
	mustBeCatalogued := func(e ast.Expr) {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		seen[lit] = true
		if s, _ := strconv.Unquote(lit.Value); Sentence(s) && !locale.Translated(s) {
			report(lit, "is not in the catalogue (app/locale/spanish_*.go)")
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ImportSpec, *ast.Field: // paths and struct tags
			return false
		case *ast.GenDecl:
			if n.Tok == token.CONST && isMessages {
				for _, spec := range n.Specs {
					for _, v := range spec.(*ast.ValueSpec).Values {
						mustBeCatalogued(v)
					}
				}
			}
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			switch sel.Sel.Name {
			case "T", "Lookup", "Say":
				if len(n.Args) > 0 {
					mustBeCatalogued(n.Args[0])
				}
			case "N":
				for i := 1; i < len(n.Args) && i < 3; i++ {
					mustBeCatalogued(n.Args[i])
				}
			case "WithHelp":
				if len(n.Args) == 2 {
					if k, ok := n.Args[0].(*ast.BasicLit); ok {
						seen[k] = true // the key's name: "pgup/pgdn"
					}
					mustBeCatalogued(n.Args[1])
				}
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING || seen[n] || exempt[fset.Position(n.Pos()).Line] {
				return true
			}
			if s, _ := strconv.Unquote(n.Value); Sentence(s) && !(isMessages && inConst(f, n)) {
				report(n, "is written into the code: put it in messages.go and say it with T (or mark it // "+Exempt+" why)")
			}
		}
		return true
	})
	return out, nil
}

// inConst reports whether lit is the value of a constant of f.
func inConst(f *ast.File, lit *ast.BasicLit) bool {
	found := false
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST && g.Pos() <= lit.Pos() && lit.End() <= g.End() {
			found = true
		}
	}
	return found
}

// Sentence reports whether s reads as words to a person: two words, or
// one capitalised word ("Count"). Keys ("ctrl+c", "pgup/pgdn"), formats
// ("%s: %d"), names ("pulpero_segments", "BG/NBD"), colours and single
// lowercase words are not.
func Sentence(s string) bool {
	words, long := 0, false
	for _, w := range strings.Fields(verb.ReplaceAllString(s, " ")) {
		letters := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters == 0 {
			continue
		}
		words++
		long = long || letters > 1
		if r := []rune(strings.TrimLeft(w, "\"'(¿¡")); len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) {
			return true
		}
	}
	return words >= 2 && long
}

// verb is a fmt verb, not a word: %s, %-10d, %.1f.
var verb = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

package cli

import (
	"errors"
	"os"
	"strings"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
)

// tr is the language of this run's help, messages and screens. A process
// runs one command line and Run sets tr before anything is said (tests run
// their command lines one after another).
var tr = locale.Default()

// getenv reads the environment: LC_ALL, LC_MESSAGES and LANG choose the
// language when --lang is not given (POSIX's order). Tests set it to a
// neutral environment, so that a Spanish machine runs them the same.
var getenv = os.Getenv

// chooseLanguage takes --lang X (or --lang=X) out of args, wherever it
// stands before a "--", and sets tr from it, else from the environment.
func chooseLanguage(args []string) ([]string, error) {
	var rest []string
	lang := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		case a == "--lang" || a == "-lang":
			if i+1 >= len(args) {
				return nil, model.Say("--lang needs a language: es or en")
			}
			lang = args[i+1]
			i++
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			lang = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	loc, err := locale.Detect(lang, getenv)
	if err != nil {
		tr, _ = locale.Detect("", getenv) // say what is wrong in the environment's language
		return nil, err
	}
	tr = loc // the screens get it through ui.Options.Locale
	return rest, nil
}

// reason is a reason store or analysis wrote as finished English (why a
// column has its kind or role, why a table holds the customers) in the
// run's language, as the screens say it.
func reason(s string) string { return (&common.Common{Locale: tr}).Reason(s) }

// said is a sentence a layer below made (s) in the run's language; english
// is the same sentence as it was written in English, printed as it is in
// English (and when there is no sentence), so English output keeps the
// numbers as they were written.
func said(s model.Sentence, english string) string {
	if tr.Lang != locale.Spanish || s.Format == "" {
		return tr.Lookup(english)
	}
	return tr.Say(s)
}

// saidAll is sentences joined with "; " (a column's reasons) in the run's
// language; english is their English, as written.
func saidAll(ss []model.Sentence, english string) string {
	if tr.Lang != locale.Spanish || len(ss) == 0 {
		return english
	}
	texts := make([]string, len(ss))
	for i, s := range ss {
		texts[i] = tr.Say(s)
	}
	return strings.Join(texts, "; ")
}

// syntax is a command's arguments as its help shows them: in Spanish the
// placeholders are Spanish words, as throughout the Spanish help (ARCHIVO,
// BD, NOMBRE, ROL=TABLA.COLUMNA); flags and their values stay as typed.
func syntax(args string) string {
	if tr.Lang != locale.Spanish {
		return args
	}
	return spanishPlaceholders.Replace(args)
}

// spanishPlaceholders are the placeholders of the commands' syntax in
// Spanish. i18n: placeholders, the words of the Spanish help
var spanishPlaceholders = strings.NewReplacer("FILE", "ARCHIVO", "DB", "BD", "NAME", "NOMBRE", "COMMAND", "COMANDO", "ROLE", "ROL",
	"COLUMN", "COLUMNA", "SYMBOL", "SÍMBOLO", "PREFIX", "PREFIJO", "PATH", "RUTA", "CH", "CANAL") // i18n: placeholders

// sayErr is err's message in the run's language (tr.Error), a rule's
// caret block (app.RuleError: "--where:" and the rule with a caret under
// the problem) included.
func sayErr(err error) string {
	var re *app.RuleError
	if errors.As(err, &re) {
		return strings.Replace(err.Error(), re.Error(), re.Label+":\n"+segment.CaretIn(re.Source, re.Err, tr.Error), 1)
	}
	return tr.Error(err)
}

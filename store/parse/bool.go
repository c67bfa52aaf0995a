package parse

import "github.com/pulpero/pulpero/model"

// Bool reads a yes/no-like value in English or Spanish (model.ParseYesNo).
func Bool(s string) (v, ok bool) { return model.ParseYesNo(s) }

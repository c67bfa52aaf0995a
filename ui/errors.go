package ui

import (
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/store"
)

func tableNotFound(name string, tables []store.TableInfo) error {
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = t.Name
	}
	return fmt.Errorf("no table named %q; the tables are: %s", name, strings.Join(names, ", "))
}

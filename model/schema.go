package model

// TableSchema describes a table to be created: a producer of data (the sample
// generator) describes it in plain terms and store turns it into SQL, so the
// producer never speaks SQL.
type TableSchema struct {
	Name    string
	Columns []ColumnSchema
}

// ColumnSchema describes one column of a TableSchema.
type ColumnSchema struct {
	Name    string
	SQLType string // INTEGER, REAL or TEXT
	// PrimaryKey marks the column as (part of) the primary key; several marked
	// columns form a composite key.
	PrimaryKey bool
	NotNull    bool
	// References is "table(column)" when the column is a foreign key, else "".
	References string
}

// ForeignKeys returns the columns of t that reference another table.
func (t TableSchema) ForeignKeys() []ColumnSchema {
	var fks []ColumnSchema
	for _, c := range t.Columns {
		if c.References != "" {
			fks = append(fks, c)
		}
	}
	return fks
}

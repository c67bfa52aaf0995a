package app

import (
	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/store"
)

// spanishHeaders are the Spanish names of the columns pulpero writes in a
// list and its rejected file (--headers es), for people opening the list in
// a spreadsheet. They are a file format like the English names, fixed here
// rather than taken from the screens' catalogue, so a change of wording on
// screen never changes a list's header. Only the columns pulpero itself
// writes are here: a column of the user's data keeps the user's name, even
// one called "email".
var spanishHeaders = map[string]string{
	"customer_id":          "ID de cliente",
	"name":                 "Nombre",
	"contact":              "Contacto",
	"channel":              "Canal",
	"segment":              "Segmento",
	"group":                "Grupo",
	"response_probability": "Probabilidad de respuesta",
	"expected_value":       "Valor esperado",
	"reason":               "Motivo",
}

// Headers is the header line of columns in a list's header language:
// pulpero's names as they are in English (HeadersEnglish or ""), or in
// Spanish, where a name pulpero does not give (the user's own column) stays
// as the user wrote it.
func Headers(lang string, columns []string) []string {
	out := append([]string(nil), columns...)
	if lang != campaign.HeadersSpanish {
		return out
	}
	for i, c := range out {
		if es, ok := spanishHeaders[c]; ok {
			out[i] = es
		}
	}
	return out
}

// listFormat is how store writes req's list: the format, and the header
// line in the language asked for.
func listFormat(req campaign.ExportRequest) store.ListFormat {
	f := store.ListFormat{JSONLines: req.Format == campaign.FormatJSONL, Excel: req.Excel}
	if req.Headers == campaign.HeadersSpanish && !f.JSONLines {
		f.Header = Headers(req.Headers, store.ListHeader())
	}
	return f
}

// headersUsed is what a manifest records of a list's header line: "en" or
// "es" for a CSV list, "" for JSON lines (their keys are always English).
func headersUsed(req campaign.ExportRequest) string {
	switch {
	case req.Format == campaign.FormatJSONL:
		return ""
	case req.Headers == campaign.HeadersSpanish:
		return campaign.HeadersSpanish
	}
	return campaign.HeadersEnglish
}

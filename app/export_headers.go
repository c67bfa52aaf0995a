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

// spanishValues are the values pulpero names in a list, by column, as a
// list with Spanish headers writes them (the screens' words): a list for
// people reads Spanish in its cells too. Fixed here, as the headers are.
var spanishValues = map[string]map[string]string{
	"channel": {"email": "correo", "sms": "SMS", "phone": "teléfono", "post": "carta"},
	"group":   {"target": "objetivo", "control": "control"},
}

// spanishAll is the segment of a list of every customer (--all).
var spanishAll = map[string]string{"all": "todos"}

// spanishReasons are the reasons of a rejected file with Spanish headers
// (campaign.Reason's names and the final check's at export).
var spanishReasons = map[string]string{
	"no consent":                 "sin consentimiento",
	"unsubscribed":               "baja",
	"invalid or missing address": "dirección inválida o faltante",
	"bounced":                    "rebotado",
	"excluded segment":           "segmento excluido",
	"contacted recently":         "contactado hace poco",
	"control group":              "grupo de control",
	"not profitable":             "no rentable",
	"over budget":                "fuera de presupuesto",
	"no longer in the table":     "ya no está en la tabla",
}

// rejectedReason is a rejected file's reason in its header language; one
// left out by the final check says so ("... at export").
func rejectedReason(lang, reason string, atExport bool) string {
	if lang != campaign.HeadersSpanish {
		if atExport {
			return reason + " at export"
		}
		return reason
	}
	if es, ok := spanishReasons[reason]; ok {
		reason = es
	}
	if atExport {
		return reason + " al exportar"
	}
	return reason
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
		// a list for people in Spanish: Spanish words in its header and
		// cells, and the numbers as a Spanish spreadsheet reads them
		// (--excel's BOM, ';' and decimal comma: 3.2832 would be read as
		// 32.832)
		f.Header = Headers(req.Headers, store.ListHeader())
		f.Excel = true
		f.Values = map[string]map[string]string{"channel": spanishValues["channel"], "group": spanishValues["group"]}
		if req.Where == "" && len(req.Include) == 0 {
			f.Values["segment"] = spanishAll
		}
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

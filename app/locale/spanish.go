package locale

// spanish is the catalogue: each English sentence the program shows, and
// its Spanish. Neutral Spanish, understood from Madrid to Buenos Aires:
// cliente, segmento, campaña, consentimiento, baja, presupuesto, grupo de
// control. Verbs (%s, %d) keep their order.
var spanish = map[string]string{
	msgBadLang: "%q no es un idioma: use es o en (o un locale como es_AR.UTF-8)",
}

package locale

const (
	msgBadLang         = "%q is not a language: use es or en (or a locale such as es_AR.UTF-8)"
	msgUnsupportedLang = "unsupported language: %s (es|en)"
)

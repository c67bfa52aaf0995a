package locale

// spanishErrors: errors from opening, loading and saving that users meet.
var spanishErrors = map[string]string{
	"--lang needs a language: es or en":                                                                                                 "--lang necesita un idioma: es o en",
	"no such file; give the path of a SQLite database or a CSV file":                                                                    "no existe ese archivo; indique la ruta de una base de datos SQLite o de un archivo CSV",
	"is a folder; give the path of a SQLite database file":                                                                              "es una carpeta; indique la ruta de un archivo de base de datos SQLite",
	"cannot be read as SQLite: %s":                                                                                                      "no se puede leer como SQLite: %s",
	"the file is empty; it is not a SQLite database":                                                                                    "el archivo está vacío; no es una base de datos SQLite",
	"not a SQLite database; give the path of a SQLite database":                                                                         "no es una base de datos SQLite; indique la ruta de una base de datos SQLite",
	"not a SQLite database; CSV files are imported with `pulpero import`":                                                               "no es una base de datos SQLite; los archivos CSV se importan con `pulpero import`",
	"the database is truncated (%d bytes); restore it from a backup":                                                                    "la base de datos está truncada (%d bytes); restáurela desde una copia de seguridad",
	"the database is truncated (%d of %d bytes); restore it from a backup":                                                              "la base de datos está truncada (%d de %d bytes); restáurela desde una copia de seguridad",
	"no table named %q; the tables are: %s":                                                                                             "no hay ninguna tabla llamada %q; las tablas son: %s",
	"is not a folder (a link?); pulpero keeps its workspaces only in a folder of its own":                                               "no es una carpeta (¿un enlace?); pulpero guarda sus espacios de trabajo sólo en una carpeta propia",
	"belongs to another user (uid %s); pulpero will not keep your work there — set XDG_DATA_HOME or --data-dir to a folder of your own": "pertenece a otro usuario (uid %s); pulpero no guardará allí su trabajo: indique en XDG_DATA_HOME o --data-dir una carpeta suya",
	"%q is not a currency: write a symbol (€, $, US$) or a pattern with # for the amount (# €), at most 8 characters; none removes it":  "%q no es una moneda: escriba un símbolo (€, $, US$) o un patrón con # en el lugar del importe (# €), de 8 caracteres como mucho; none la quita",
	"unsupported language: %s (es|en)":                                                                                                  "idioma no admitido: %s (es|en)",
}

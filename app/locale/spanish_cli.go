package locale

// spanishCLI: the help and output of pulpero, describe, segment, roles, import, campaign, sample and demo.
// Flags and flag values stay as they are typed; placeholders are Spanish words (ARCHIVO, BD, NOMBRE, ROL=TABLA.COLUMNA).
var spanishCLI = map[string]string{
	"open the interface (the default command)":                                                  "abrir la interfaz (el comando por defecto)",
	"print every attribute's statistics and distribution":                                       "mostrar las estadísticas y la distribución de cada atributo",
	"count, save and apply customer segments":                                                   "contar, guardar y aplicar segmentos de clientes",
	"export a campaign target list that respects consent":                                       "exportar la lista de una campaña respetando el consentimiento",
	"import who responded to a campaign and measure treated against control":                    "importar quién respondió a una campaña y medir tratados frente a control",
	"show or correct what each column means":                                                    "mostrar o corregir qué significa cada columna",
	"recency, frequency and monetary scores and segments from the purchases":                    "calcular puntuaciones y segmentos de recencia, frecuencia y monto a partir de las compras",
	"customer value: who is still a customer, expected purchases and clv (BG/NBD, Gamma-Gamma)": "estimar el valor del cliente: quién sigue siendo cliente, compras esperadas y clv (BG/NBD, Gamma-Gamma)",
	"let the data propose segments (k-means) and explain them as rules":                         "dejar que los datos propongan segmentos (k-means) y explicarlos como reglas",
	"import a CSV/TSV file into a SQLite database":                                              "importar un archivo CSV/TSV a una base de datos SQLite",
	"serve the interface over SSH to the users of an authorized_keys file":                      "servir la interfaz por SSH a los usuarios de un archivo authorized_keys",
	"generate a demo shop database":                                                             "generar la base de datos de una tienda de demostración",
	"print the version":                                                                         "mostrar la versión",
	"list commands, or explain one":                                                             "listar los comandos, o explicar uno",
	"pulpero: unknown command or missing file %q; run `pulpero help` for the commands":          "pulpero: comando desconocido o archivo inexistente %q; ejecute `pulpero help` para ver los comandos",
	"pulpero: no command %q; run `pulpero help` for the commands":                               "pulpero: no existe el comando %q; ejecute `pulpero help` para ver los comandos",
	"pulpero: a terminal workstation for customer segmentation.":                                "pulpero: segmentación de clientes en la terminal.",
	`Usage:
  pulpero [FILE.db|FILE.csv] [--table NAME]   open the interface (no file: the demo database)
  pulpero COMMAND [ARGS]`: `Uso:
  pulpero [ARCHIVO.db|ARCHIVO.csv] [--table NOMBRE]   abrir la interfaz (sin archivo: la base de datos de demostración)
  pulpero COMANDO [ARGS]`,
	"Commands:": "Comandos:",
	"Run `pulpero help COMMAND` for a command's arguments.":                               "Ejecute `pulpero help COMANDO` para ver los argumentos de un comando.",
	"the customer table (default: detected)":                                              "la tabla de clientes (por defecto: la detectada)",
	"where workspaces of read-only databases live (default: the user data directory)":     "dónde guardar los espacios de trabajo de las bases de datos de solo lectura (por defecto: la carpeta de datos del usuario)",
	"usage: pulpero [FILE.db|FILE.csv] [--table NAME] [--lang es|en]":                     "uso: pulpero [ARCHIVO.db|ARCHIVO.csv] [--table NOMBRE] [--lang es|en]",
	"flag provided but not defined: %s (a name or rule that starts with - goes after --)": "opción no definida: %s (un nombre o una regla que empiece por - va después de --)",
	"flag needs an argument: %s":                                                          "la opción necesita un valor: %s",
	"invalid value %s for flag %s: %s":                                                    "valor no válido %s para la opción %s: %s",
	"parse error":                                                                         "no se puede leer",
	"value out of range":                                                                  "valor fuera de rango",
	"default":                                                                             "por defecto",
	"describe only this attribute (stored or derived)":                                    "describir solo este atributo (guardado o derivado)",
	"text, csv or json":                                                                   "text, csv o json",
	"histogram bins for numbers (default: √n, 5 to 24)":                                   "intervalos del histograma de los números (por defecto: √n, de 5 a 24)",
	"count dates by year, quarter, month or weekday":                                      "contar las fechas por año (year), trimestre (quarter), mes (month) o día de la semana (weekday)",
	"reference date YYYY-MM-DD for age and tenure (default: today)":                       "fecha de referencia, DD/MM/AAAA o AAAA-MM-DD, para la edad y la antigüedad (por defecto: hoy)",
	"where workspaces of read-only databases live":                                        "dónde se guardan los espacios de trabajo de las bases de datos de solo lectura",
	"usage: pulpero describe DB [--table T] [--column C] [--format text|csv|json]":        "uso: pulpero describe BD [--table T] [--column C] [--format text|csv|json]",
	"pulpero: --format %q: want text, csv or json":                                        "pulpero: --format %q: use text, csv o json",
	"pulpero: --dates %q: want year, quarter, month or weekday":                           "pulpero: --dates %q: use year, quarter, month o weekday",
	"pulpero: --as-of %q: want a date as YYYY-MM-DD":                                      "pulpero: --as-of %q: escriba una fecha como DD/MM/AAAA o AAAA-MM-DD",
	"pulpero: --bins must be positive":                                                    "pulpero: --bins debe ser positivo",
	"pulpero: table %q has no attribute %q; the attributes are: %s":                       "pulpero: la tabla %q no tiene el atributo %q; los atributos son: %s",
	"pulpero: writing: %s":                                                                "pulpero: al escribir: %s",
	"%s days":                                                                             "%s días",
	"std (n-1)":                                                                           "desv. (n-1)",
	"(derived)":                                                                           "(derivado)",
	"values %d  nulls %d  distinct %d":                                                    "valores %d  nulos %d  distintos %d",
	"%q looks like a stand-in for a missing value (%d rows): treat it so with `pulpero roles DB --missing %s=%s`": "%q parece ocupar el lugar de un valor faltante (%d filas): trátelo así con `pulpero roles BD --missing %s=%s`",
	"length min %v  mean %.1f  max %v": "longitud mín %v  media %.1f  máx %v",
	`usage:
  pulpero segment count DB 'EXPR'        size, share and waterfall of an expression
  pulpero segment save DB NAME 'EXPR'    save (a new version of) a segment
  pulpero segment list DB                the saved segments
  pulpero segment show DB NAME           definition, size now, profile and history
  pulpero segment overlap DB [--segments A,B,...]  pairwise intersections
  pulpero segment rename DB NAME NEW     rename, keeping the history
  pulpero segment duplicate DB NAME NEW  save a copy of the latest version
  pulpero segment delete DB NAME         delete a segment and its history
  pulpero segment diff DB NAME [V1 [V2]]  rules added and removed between versions (default: the last two)
  pulpero segment assign DB --in FILE.csv --out FILE.csv [--segments A,B,...]
                                         the saved segments each row of a CSV falls in
options: --format text|csv|json  --table NAME  --as-of YYYY-MM-DD  --data-dir DIR

expressions: rules joined with and, or, not and parentheses; names ignore case; quote names with spaces
  income > 2000 and marital_status = "single" and zone in ("north", "north-east")
  monthly_income between 1500 and 3000      postcode starts with "280"      zone not in ("centre")
  acquisition_channel contains "web"      loyalty_member = yes      consent_email = no
  signup_date after "2024-01-31"      birth_date before "1965-01-01"      signup_date in the last 90 days
  in segment "VIP" and not in segment "Complained"
a role's name (income, birth_date, signup_date, gender, postcode) finds the column with that role, so a rule
travels between databases; personal columns (name, email, phone, address) stay in the database: ask
reachable_email, reachable_sms, reachable_phone, reachable_post or digitally_valid instead
relative dates count whole days back from the analysis day (--as-of, default today), which is included:
  on 2026-06-15, "in the last 7 days" is 2026-06-09 to 2026-06-15, "in the last 1 months" 2026-05-16 to 2026-06-15
  weeks start on Monday (ISO 8601): on Sunday 2026-06-14, "in this week" is Monday 2026-06-08 to 2026-06-14
yes/no values: yes, y, true, t, 1, sí, si, s, verdadero, v / no, n, false, f, 0, falso (any case)`: `uso:
  pulpero segment count BD 'EXPR'            tamaño, proporción y cascada de una expresión
  pulpero segment save BD NOMBRE 'EXPR'      guardar (una nueva versión de) un segmento
  pulpero segment list BD                    los segmentos guardados
  pulpero segment show BD NOMBRE             definición, tamaño actual, perfil e historial
  pulpero segment overlap BD [--segments A,B,...]  intersecciones dos a dos
  pulpero segment rename BD NOMBRE NUEVO     renombrar, conservando el historial
  pulpero segment duplicate BD NOMBRE NUEVO  guardar una copia de la última versión
  pulpero segment delete BD NOMBRE           borrar un segmento y su historial
  pulpero segment diff BD NOMBRE [V1 [V2]]   reglas añadidas y quitadas entre versiones (por defecto: las dos últimas)
  pulpero segment assign BD --in ARCHIVO.csv --out ARCHIVO.csv [--segments A,B,...]
                                             los segmentos guardados en los que cae cada fila de un CSV
opciones: --format text|csv|json  --table NOMBRE  --as-of AAAA-MM-DD  --data-dir DIR

expresiones: reglas unidas con y, o, no (o and, or, not) y paréntesis; mayúsculas indistintas; nombres con espacios entre comillas
  income > 2000 y marital_status = "single" y zone en ("north", "north-east")
  monthly_income entre 1500 y 3000      postcode empieza por "280"      zone no en ("centre")
  acquisition_channel contiene "web"      loyalty_member = sí      consent_email = no
  signup_date después de "2024-01-31"      birth_date antes de "1965-01-01"      signup_date en los últimos 90 días
  en segmento "VIP" y no en segmento "Reclamaron"
el nombre de un rol (income, birth_date, signup_date, gender, postcode) encuentra la columna con ese rol, así una
regla sirve en otras bases de datos; las columnas personales (name, email, phone, address) se quedan en la base de
datos: use en su lugar reachable_email, reachable_sms, reachable_phone, reachable_post o digitally_valid
las fechas relativas cuentan días enteros hacia atrás desde la fecha de análisis (--as-of, por defecto hoy), incluida:
  el 15/06/2026, "en los últimos 7 días" va del 09/06/2026 al 15/06/2026, "en los últimos 3 meses" del 16/03/2026 al 15/06/2026
  las semanas empiezan el lunes (ISO 8601): el domingo 14/06/2026, "en esta semana" va del lunes 08/06/2026 al 14/06/2026
valores sí/no: yes, y, true, t, 1, sí, si, s, verdadero, v / no, n, false, f, 0, falso (en mayúsculas o minúsculas)`,
	"output format: text, csv or json":                                      "formato de salida: text, csv o json",
	"reference day for relative dates and ages (default: today)":            "día de referencia para las fechas relativas y las edades (por defecto: hoy)",
	"comma-separated saved segments (overlap, assign; default: all)":        "segmentos guardados, separados por comas (overlap, assign; por defecto: todos)",
	"assign: the CSV of new customers or prospects":                         "assign: el CSV de clientes nuevos o potenciales",
	"assign: the CSV to write":                                              "assign: el CSV que se escribe",
	"assign: replace --out if it exists":                                    "assign: reemplazar --out si existe",
	"pulpero: --format %q: use text, csv or json":                           "pulpero: --format %q: use text, csv o json",
	"pulpero: --as-of %q: write the day as 2024-01-31":                      "pulpero: --as-of %q: escriba el día como 31/01/2024 o 2024-01-31",
	"pulpero: no segment command %q":                                        "pulpero: no existe el comando de segmentos %q",
	"pulpero: warning: %s":                                                  "pulpero: aviso: %s",
	"pulpero: in the expression:":                                           "pulpero: en la expresión:",
	"pulpero: saving segment %q: %s":                                        "pulpero: al guardar el segmento %q: %s",
	"pulpero: %q has versions 1 to %d; %q is not one":                       "pulpero: %q tiene las versiones 1 a %d; %q no es una de ellas",
	"pulpero: a saved definition of %q no longer parses":                    "pulpero: una definición guardada de %q ya no se puede leer",
	"%s: version %s (%d customers) → version %s (%d customers)":             "%s: versión %s (%d clientes) → versión %s (%d clientes)",
	"%s: %d rows written with their segments":                               "%s: %d filas escritas con sus segmentos",
	"renamed %q to %q":                                                      "%q renombrado como %q",
	"saved a copy of %q as %q":                                              "guardada una copia de %q como %q",
	"deleted %q and its history":                                            "borrado %q con su historial",
	"%d of %d customers (%s)":                                               "%d de %d clientes (%s)",
	"REMAINING":                                                             "QUEDAN",
	"REMOVED":                                                               "QUITADOS",
	"RULE":                                                                  "REGLA",
	"(everyone)":                                                            "(todos)",
	"saved %q version %s: %d customers (%s)":                                "guardado %q, versión %s: %d clientes (%s)",
	"no saved segments; save one with: pulpero segment save DB NAME 'EXPR'": "no hay segmentos guardados; guarde uno con: pulpero segment save BD NOMBRE 'EXPR'",
	"NAME\tVERSIONS\tSIZE\tSAVED\tDEFINITION":                               "NOMBRE\tVERSIONES\tTAMAÑO\tGUARDADO\tDEFINICIÓN",
	"pulpero: no saved segment %q; `pulpero segment list DB` shows them":    "pulpero: no hay ningún segmento guardado %q; `pulpero segment list BD` los muestra",
	"%s (version %s of %s, hash %s)":                                        "%s (versión %s del %s, hash %s)",
	"What sets it apart (total-variation distance; index = segment share ÷ everyone's share):": "Qué lo distingue (distancia de variación total; índice = proporción en el segmento ÷ proporción en todos):",
	"%6s of segment  %6s of everyone  index %s":                                                "%6s del segmento  %6s de todos  índice %s",
	"History:":                  "Historial:",
	"v%s  %s  %d customers  %s": "v%s  %s  %d clientes  %s",
	"pulpero: segment %q: %s":   "pulpero: segmento %q: %s",
	"segment":                   "segmento",
	"(row's customers also in the column's segment, %s of the row's segment)":                                        "(clientes de la fila que también están en el segmento de la columna, %s del segmento de la fila)",
	"ROLE=COLUMN: give ROLE to COLUMN (ROLE= clears it); repeatable":                                                 "ROL=COLUMNA: dar el rol ROL a la columna COLUMNA (ROL= lo quita); se puede repetir",
	"COLUMN=VALUE: treat VALUE of COLUMN as missing for analysis (\"unknown\", 999); the table keeps it; repeatable": "COLUMNA=VALOR: tratar el valor VALOR de COLUMNA como faltante en el análisis (\"unknown\", 999); la tabla lo conserva; se puede repetir",
	"COLUMN=VALUE: stop treating VALUE of COLUMN as missing; repeatable":                                             "COLUMNA=VALOR: dejar de tratar el valor VALOR de COLUMNA como faltante; se puede repetir",
	"Roles: %s": "Roles: %s",
	"usage: pulpero roles DB [--table NAME] [--set ROLE=COLUMN]...":                                            "uso: pulpero roles BD [--table NOMBRE] [--set ROL=COLUMNA]...",
	"pulpero: --set %q: want ROLE=COLUMN with ROLE one of: %s (or PURCHASE_ROLE=TABLE.COLUMN with one of: %s)": "pulpero: --set %q: escriba ROL=COLUMNA con ROL uno de: %s (o ROL_DE_COMPRA=TABLA.COLUMNA con uno de: %s)",
	"pulpero: --set %s: table %q has no column %q":                                                             "pulpero: --set %s: la tabla %q no tiene la columna %q",
	"pulpero: saving role %s: %s":                                                                              "pulpero: al guardar el rol %s: %s",
	"pulpero: --missing %q: want COLUMN=VALUE with a column of table %q":                                       "pulpero: --missing %q: escriba COLUMNA=VALOR con una columna de la tabla %q",
	"%s: customer table %q (%s), %d rows":                                                                      "%s: tabla de clientes %q (%s), %d filas",
	"workspace: %s (the database is read-only)":                                                                "espacio de trabajo: %s (la base de datos es de solo lectura)",
	"COLUMN\tKIND\tROLE\tPERSONAL\tWHY":                                                                        "COLUMNA\tTIPO\tROL\tPERSONAL\tPOR QUÉ",
	"yes":                                                                                                      "sí",
	"Treated as missing for analysis (the table keeps these values):":                                          "Tratados como faltantes en el análisis (la tabla conserva estos valores):",
	"Personal columns stay in the database: they are read only for the rows shown or exported.":                "Las columnas personales se quedan en la base de datos: solo se leen para las filas que se muestran o se exportan.",
	"Correct a role with: pulpero roles %s --set ROLE=COLUMN":                                                  "Corrija un rol con: pulpero roles %s --set ROL=COLUMNA",
	"pulpero: purchases: %s":                                                                                   "pulpero: compras: %s",
	"Purchases: no table holds purchases (a customer key, a date and an amount).":                              "Compras: ninguna tabla contiene compras (una clave de cliente, una fecha y un monto).",
	"Purchases: %s (returns: %s)":                                                                              "Compras: %s (devoluciones: %s)",
	"PURCHASE ROLE\tCOLUMN\tWHY":                                                                               "ROL DE COMPRA\tCOLUMNA\tPOR QUÉ",
	"missing: %s":                                                                                              "falta: %s",
	"Correct a purchase role with: pulpero roles %s --set PURCHASE_ROLE=TABLE.COLUMN":                          "Corrija un rol de compra con: pulpero roles %s --set ROL_DE_COMPRA=TABLA.COLUMNA",
	"the SQLite database to write (created if missing)":                                                        "la base de datos SQLite en la que se escribe (se crea si no existe)",
	"the table to write (default: from the file name)":                                                         "la tabla que se escribe (por defecto: según el nombre del archivo)",
	"replace the table if it exists":                                                                           "reemplazar la tabla si existe",
	"field delimiter: , ; tab | or space (default: detected)":                                                  "separador de campos: , ; tab | o space (por defecto: el detectado)",
	"the first line is data, not column names":                                                                 "la primera línea son datos, no nombres de columna",
	"the first line is column names":                                                                           "la primera línea son nombres de columna",
	"utf-8, latin-1 or windows-1252 (default: detected)":                                                       "utf-8, latin-1 o windows-1252 (por defecto: la detectada)",
	"decimal mark, , or . (default: detected)":                                                                 "separador decimal, , o . (por defecto: el detectado)",
	"write bad lines to FILE.rejects.csv and go on":                                                            "escribir las líneas erróneas en ARCHIVO.rejects.csv y seguir",
	"the customer id column (default: one named like customer_id)":                                             "la columna del id de cliente (por defecto: una con un nombre como customer_id)",
	"decide column types from the first N rows (default: all)":                                                 "decidir los tipos de columna con las primeras N filas (por defecto: todas)",
	"read a quote that is never closed as a plain character (with a warning) instead of stopping":              "leer unas comillas que nunca se cierran como un carácter normal (con un aviso) en lugar de detenerse",
	"usage: pulpero import FILE --db DB [--table NAME] [--replace] [--delimiter X] [--header|--no-header] [--encoding E] [--decimal ,|.] [--skip-bad] [--key COL] [--sample N]": "uso: pulpero import ARCHIVO --db BD [--table NOMBRE] [--replace] [--delimiter X] [--header|--no-header] [--encoding E] [--decimal ,|.] [--skip-bad] [--key COL] [--sample N]",
	"--header and --no-header together":                "--header y --no-header a la vez",
	"--sample must be 0 or more":                       "--sample debe ser 0 o más",
	"pulpero: import cancelled; %s was not created":    "pulpero: importación cancelada; %s no se creó",
	"pulpero: import cancelled; %s is as it was":       "pulpero: importación cancelada; %s queda como estaba",
	"--delimiter %q: use , ; tab | or space":           "--delimiter %q: use , ; tab | o space",
	"--decimal %q: use , or .":                         "--decimal %q: use , o .",
	"header":                                           "con encabezado",
	"no header":                                        "sin encabezado",
	"Imported %s into %s, table %q: %d rows in %.1f s": "Importado %s en %s, tabla %q: %d filas en %.1f s",
	"point":                  "punto",
	"comma":                  "coma",
	"with BOM":               "con BOM",
	"gzip-compressed":        "comprimido con gzip",
	"old Mac line ends (CR)": "finales de línea del Mac antiguo (CR)",
	"Read as: %s-separated, %s, %s%s, decimal %s%s%s": "Leído como: separado por %s, %s, %s%s, decimal %s%s%s",
	"Encoding: %s":                                     "Codificación: %s",
	"Warning: %s":                                      "Aviso: %s",
	"Key: %q (indexed)":                                "Clave: %q (indexada)",
	"Key: %q (indexed); joins %s":                      "Clave: %q (indexada); se une con %s",
	"Rejected: %d lines, written to %s":                "Rechazadas: %d líneas, escritas en %s",
	"COLUMN\tALIAS\tTYPE\tKIND\tNULLS\tEXAMPLES\tNOTE": "COLUMNA\tALIAS\tTIPO SQL\tTIPO\tNULOS\tEJEMPLOS\tNOTA",
	"(key)":                                 "(clave)",
	"reading":                               "leyendo",
	"scanning":                              "explorando",
	"writing":                               "escribiendo",
	"indexing":                              "indexando",
	"%s %s %s %3.0f%% %d rows %.0f/%.0f MB": "%s %s %s %3.0f%% %d filas %.0f/%.0f MB",
	"%d rows/s":                             "%d filas/s",
	"ETA %s":                                "quedan %s",
	`usage:
  pulpero campaign list DB                                     every campaign: the data's own and pulpero's exports
  pulpero campaign responses DB --campaign NAME --in FILE.csv  import who responded to an export and what they spent
  pulpero campaign results DB [--campaign NAME]                treated against control: response rates, lift, cost
options: --format text|json (list, results)  --data-dir DIR

responses file: a CSV (',', ';' or tab; UTF-8) with a customer id column (customer_id, id, cliente, ...),
optionally responded (yes/no, sí/no, 1/0; without it everyone listed responded) and revenue (revenue, spent,
amount, importe; 12.50 or 12,50). It replaces the campaign's earlier responses; ids not in the list are reported.`: `uso:
  pulpero campaign list BD                                          todas las campañas: las de los datos y las exportaciones de pulpero
  pulpero campaign responses BD --campaign NOMBRE --in ARCHIVO.csv  importar quién respondió a una exportación y cuánto gastó
  pulpero campaign results BD [--campaign NOMBRE]                   tratados frente a control: tasas de respuesta, incremento, costo
opciones: --format text|json (list, results)  --data-dir DIR

archivo de respuestas: un CSV (',', ';' o tabulador; UTF-8) con una columna de id de cliente (customer_id, id, cliente, ...),
y opcionalmente responded (yes/no, sí/no, 1/0; sin ella, todos los de la lista respondieron) y revenue (revenue, spent,
amount, importe; 12.50 o 12,50). Reemplaza las respuestas anteriores de la campaña; se informa de los ids que no están en la lista.`,
	"the campaign's name (results: default all; responses: the latest export of that name)": "el nombre de la campaña (results: por defecto todas; responses: la última exportación con ese nombre)",
	"responses: the CSV of who responded and what they spent":                               "responses: el CSV de quién respondió y cuánto gastó",
	"output format: text or json":                                                           "formato de salida: text o json",
	"pulpero: no campaign command %q":                                                       "pulpero: no existe el comando de campañas %q",
	"pulpero campaign %s: give one database":                                                "pulpero campaign %s: indique una base de datos",
	"pulpero campaign responses: give --campaign NAME and --in FILE.csv":                    "pulpero campaign responses: indique --campaign NOMBRE y --in ARCHIVO.csv",
	"pulpero: --format %q: use text or json":                                                "pulpero: --format %q: use text o json",
	"none (pulpero export records each list it writes)":                                     "ninguna (pulpero export registra cada lista que escribe)",
	"%s (recorded %s, %d members): imported %d rows of %s":                                  "%s (registrada el %s, %d miembros): importadas %d filas de %s",
	"customer id %q": "id de cliente %q",
	"a list of customer ids without a header": "una lista de ids de cliente sin encabezado",
	"responded %q":           "respuesta %q",
	"revenue %q":             "ingresos %q",
	"read %s (%s-separated)": "leído %s (separado por %s)",
	"no responded column: every customer listed counts as a response":        "sin columna de respuesta: cada cliente de la lista cuenta como una respuesta",
	"members found: %d (%d treated, %d control); %d responded; revenue %.2f": "miembros encontrados: %d (%d tratados, %d de control); %d respondieron; ingresos %.2f",
	"not members of the campaign, not imported: %s (e.g. %s)":                "no son miembros de la campaña, no se importaron: %s (p. ej. %s)",
	"%d id":  "%d id",
	"%d ids": "%d ids",
	"listed more than once, added together: %s (e.g. %s)": "listados más de una vez, sumados: %s (p. ej. %s)",
	"%d row":                   "%d fila",
	"%d rows":                  "%d filas",
	"replaced %d responses %s": "reemplazadas %d respuestas %s",
	"results: pulpero campaign results %s --campaign %q": "resultados: pulpero campaign results %s --campaign %q",
	"imported %s from %s":                                "importadas el %s desde %s",
	"no campaigns: the database has no campaigns/campaign_contacts tables and no export was recorded": "no hay campañas: la base de datos no tiene las tablas campaigns/campaign_contacts y no se registró ninguna exportación",
	"NAME\tSOURCE\tDATE\tCHANNEL\tTREATED\tCONTROL\tRESPONSES":                                        "NOMBRE\tORIGEN\tFECHA\tCANAL\tTRATADOS\tCONTROL\tRESPUESTAS",
	"known":        "conocidas",
	"not imported": "sin importar",
	"responses not imported yet: pulpero campaign responses %s --campaign %q --in FILE.csv": "respuestas aún sin importar: pulpero campaign responses %s --campaign %q --in ARCHIVO.csv",
	"no control group: the lift cannot be measured, only the treated response rate":         "sin grupo de control: no se puede medir el incremento, solo la tasa de respuesta de los tratados",
	"nobody was treated: there is nothing to measure":                                       "nadie fue tratado: no hay nada que medir",
	"%s (%s, %s, %s; cost per contact %.2f)":                                                "%s (%s, %s, %s; costo por contacto %.2f)",
	"\tcustomers\tresponses\trate\t%s\trevenue\t":                                           "\tclientes\trespuestas\ttasa\t%s\tingresos\t",
	"%d%% CI":                           "IC %d%%",
	"lift %s points (95%% CI %s to %s)": "incremento %s puntos (IC 95%% de %s a %s)",
	"incremental responses %.1f (95%% CI %.1f to %.1f)": "respuestas incrementales %.1f (IC 95%% de %.1f a %.1f)",
	"incremental revenue %.2f%s":                        "ingresos incrementales %.2f%s",
	"— (no incremental responses)":                      "— (sin respuestas incrementales)",
	"cost %.2f · cost per incremental response %s":      "costo %.2f · costo por respuesta incremental %s",
	"cost %.2f":                        "costo %.2f",
	"(95%% CI %.2f to no upper bound)": "(IC 95%% desde %.2f, sin límite superior)",
	"(95%% CI %.2f to %.2f)":           "(IC 95%% de %.2f a %.2f)",
	"pulpero: generating the demo database (%d customers) in %s":               "pulpero: generando la base de datos de demostración (%d clientes) en %s",
	"Using %s (%s has not changed since it was imported)":                      "Usando %s (%s no ha cambiado desde que se importó)",
	"Imported %s into %s: %d rows, %d columns, table %q (%.1f s)":              "Importado %s en %s: %d filas, %d columnas, tabla %q (%.1f s)",
	"number of customers, 1 to %d":                                             "número de clientes, de 1 a %d",
	"random seed: the same seed and size give the same file, byte for byte":    "semilla aleatoria: la misma semilla y el mismo tamaño dan el mismo archivo, byte a byte",
	"the SQLite file to write (required)":                                      "el archivo SQLite que se escribe (obligatorio)",
	"overwrite --out if it exists":                                             "sobrescribir --out si existe",
	"usage: pulpero sample --out FILE.db [--customers N] [--seed S] [--force]": "uso: pulpero sample --out ARCHIVO.db [--customers N] [--seed S] [--force]",
	"pulpero sample: unexpected argument %q; give the file with --out":         "pulpero sample: argumento inesperado %q; indique el archivo con --out",
	"pulpero sample: --out FILE.db is required":                                "pulpero sample: --out ARCHIVO.db es obligatorio",
	"pulpero sample: --customers must be between 1 and %d, not %d":             "pulpero sample: --customers debe estar entre 1 y %d, no %d",
	"pulpero sample: %s already exists; use --force to overwrite it":           "pulpero sample: %s ya existe; use --force para sobrescribirlo",
	"wrote %s: %d customers, seed %s, in %.1f s":                               "escrito %s: %d clientes, semilla %s, en %.1f s",
	"pulpero: %d%% done": "pulpero: %d%% terminado",
	"indexing %s":        "indexando %s",
	"Language: --lang es|en (Spanish or English), anywhere on the command line.": "Idioma: --lang es|en (español o inglés), en cualquier lugar de la línea de comandos.",

	// figures, kinds and words said on their own (files and JSON keep the English)
	"other":       "otros",
	"(empty)":     "(vacío)",
	"mean":        "media",
	"min":         "mín",
	"median":      "mediana",
	"max":         "máx",
	"share yes":   "proporción sí",
	"semicolon":   "punto y coma",
	"tab":         "tabulador",
	"spaces":      "espacios",
	"treated":     "tratados",
	"control":     "control",
	"data":        "datos",
	"unknown":     "desconocido",
	"integer":     "entero",
	"real":        "real",
	"categorical": "categórico",
	"boolean":     "sí/no",
	"date":        "fecha",
	"datetime":    "fecha y hora",
	"identifier":  "identificador",
	"text":        "texto",
	"show this database's settings, and mark its money with a currency":                                                                        "mostrar la configuración de esta base de datos y fijar el símbolo de moneda",
	"how money is marked on screen: a symbol written before the amount ($, US$) or a pattern with # for the amount (\"# €\"); none removes it": "cómo se marca el dinero en pantalla: un símbolo delante del importe ($, US$) o un patrón con # en el lugar del importe (\"# €\"); none lo quita",
	"usage: pulpero settings DB [--currency SYMBOL|none]":                                                                                      "uso: pulpero settings BD [--currency SÍMBOLO|none]",
	"(not set)":           "(sin fijar)",
	"currency":            "moneda",
	"(e.g. %s)":           "(p. ej. %s)",
	"RFM segments table":  "tabla de segmentos RFM",
	"frozen RFM cut-offs": "cortes RFM fijos",
	// review 2: why a table holds the purchases (store's whyPurchases, read back)
	"%s holds purchase lines: a customer key, a date and %s": "%s contiene líneas de compra: una clave de cliente, una fecha y %s",
	"an amount":                          "un importe",
	"quantity × unit price":              "cantidad × precio unitario",
	"segment %q cannot be applied to %s": "el segmento %q no se puede aplicar a %s",
}

package locale

// spanishServer: pulpero serve: what the SSH server tells its users and
// its log (ui/server), and the serve command's help and output
// (cli/serve.go). "key" is an SSH key (clave) here, except in "without a
// key" (a key pressed: tecla). A command's syntax (flags and
// placeholders: FILE, PATH) is typed as it is, the same in every language.
var spanishServer = map[string]string{
	// to SSH clients, in their session's language
	"pulpero: this key (%s) is not authorized on this server; send its public key to the server's admin\r\n": "pulpero: esta clave (%s) no está autorizada en este servidor; envíe su clave pública al administrador del servidor\r\n",
	"pulpero needs a terminal: connect with ssh -t":                                                          "pulpero necesita una terminal: conéctese con ssh -t",
	"pulpero: the server has its one session open; try again later":                                          "pulpero: el servidor ya tiene abierta su única sesión; inténtelo más tarde",
	"pulpero: the server has its %d sessions open; try again later":                                          "pulpero: el servidor ya tiene abiertas sus %d sesiones; inténtelo más tarde",
	"pulpero: the server is stopping; try again in a moment":                                                 "pulpero: el servidor se está deteniendo; inténtelo de nuevo en un momento",
	"pulpero: the server is stopping; your saved work is kept":                                               "pulpero: el servidor se está deteniendo; su trabajo guardado se conserva",
	"pulpero: closed after %s without a key":                                                                 "pulpero: sesión cerrada tras %s sin pulsar una tecla",
	"pulpero: this key is no longer authorized":                                                              "pulpero: esta clave ya no está autorizada",
	"pulpero: your export folder cannot be prepared; tell the server's admin":                                "pulpero: no se puede preparar su carpeta de exportación; avise al administrador del servidor",
	"the server is stopping: nothing new is written; your saved work is kept":                                "el servidor se está deteniendo: no se escribe nada nuevo; su trabajo guardado se conserva",

	// errors of a start
	"serve: no customer session":                                         "serve: no hay datos de clientes cargados",
	"serve: --authorized-keys FILE is required: it lists who may log in": "serve: --authorized-keys FILE es obligatorio: indica quién puede conectarse",
	"exports folder: %v":                                                 "carpeta de exportaciones: %v",
	"host key: %v":                                                       "clave del servidor: %v",
	"host key %s: %v":                                                    "clave del servidor %s: %v",
	"host key %s: others can read it (mode %v); chmod 600 it":            "clave del servidor %s: otros usuarios pueden leerla (modo %v); aplíquele chmod 600",
	"this key is already %s's, above":                                    "esta clave ya es de %s, más arriba",
	"not a public key line (%v)":                                         "no es una línea de clave pública (%v)",
	"more than one key on the line":                                      "más de una clave en la línea",
	"the key has no comment: the comment after the key names its user":   "la clave no tiene comentario: el comentario que sigue a la clave nombra a su usuario",
	"user name %q: use letters, digits and . _ @ + - (it names the user's export folder)":                 "nombre de usuario %q: use letras, dígitos y . _ @ + - (nombra la carpeta de exportación del usuario)",
	"option %q is not supported by pulpero serve (only role=\"viewer|analyst|admin\" and lang=\"es|en\")": "pulpero serve no admite la opción %q (solo role=\"viewer|analyst|admin\" y lang=\"es|en\")",
	"lang %q: use es or en (or a locale such as es_AR)":                                                   "lang %q: use es o en (o un locale como es_AR)",
	"no key in the file: nobody could log in":                                                             "ninguna clave en el archivo: nadie podría conectarse",

	// the server's log (its keys stay as they are)
	"session refused":   "sesión rechazada",
	"connected":         "conectado",
	"disconnected":      "desconectado",
	"export folder":     "carpeta de exportación",
	"connection failed": "conexión fallida",
	"key refused":       "clave rechazada",
	"audit log":         "registro de auditoría",
	"authorized keys changed but cannot be read; keeping the previous list": "las claves autorizadas cambiaron pero no se pueden leer; se conserva la lista anterior",
	"authorized keys read again": "claves autorizadas leídas de nuevo",

	// cli/serve.go: help and output
	"address to listen on": "dirección en la que escuchar",
	"the server's ed25519 host key, created on first start (default: in the data directory)":                                                                              "la clave ed25519 del servidor, creada al primer inicio (por defecto: en la carpeta de datos)",
	"OpenSSH authorized_keys file: the comment names the user, role=\"viewer|analyst|admin\" the role, lang=\"es|en\" the language when the client sends none (required)": "archivo authorized_keys de OpenSSH: el comentario nombra al usuario, role=\"viewer|analyst|admin\" el rol y lang=\"es|en\" el idioma si su programa ssh no envía ninguno (obligatorio)",
	"folder of the users' export folders (default: DATA_DIR/exports)":                                                                                                     "carpeta de las carpetas de exportación de los usuarios (por defecto: DATA_DIR/exports)",
	"the customer table (default: detected)":                                                                                                                              "la tabla de clientes (por defecto: la detectada)",
	"where workspaces of read-only databases live (default: the user data directory)":                                                                                     "dónde guardar los espacios de trabajo de las bases de datos de solo lectura (por defecto: la carpeta de datos del usuario)",
	"audit log, JSON lines (default: DATA_DIR/serve-audit.jsonl)":                                                                                                         "registro de auditoría, en líneas JSON (por defecto: DATA_DIR/serve-audit.jsonl)",
	"sessions at once": "sesiones a la vez",
	"close a session after this long without a key":                                                      "cerrar una sesión tras este tiempo sin pulsar una tecla",
	"on SIGTERM, how long saves and exports in flight may take before sessions are closed":               "con SIGTERM, cuánto pueden tardar los guardados y exportaciones en curso antes de cerrar las sesiones",
	"usage: pulpero serve DB --authorized-keys FILE [--listen :23234] [--host-key PATH] [--exports DIR]": "uso: pulpero serve DB --authorized-keys FILE [--listen :23234] [--host-key PATH] [--exports DIR]",
	"loading":                       "cargando",
	"loaded once for every session": "cargado una vez para todas las sesiones",
	"audit log: %v":                 "registro de auditoría: %v",
	"pulpero serve: listening on %s\nhost key fingerprint: %s\nconnect: ssh -t -p PORT USER@HOST\n": "pulpero serve: escuchando en %s\nhuella de la clave del servidor: %s\nconectarse: ssh -t -p PUERTO USUARIO@SERVIDOR\n",
	"stopping: letting saves and exports in flight finish":                                          "deteniendo: se dejan terminar los guardados y exportaciones en curso",
	"sessions closed after the grace period":                                                        "sesiones cerradas tras el plazo de gracia",
}

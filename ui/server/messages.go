package server

// What the server tells users and its log, in one place for the
// translation catalogue (app/locale/spanish_server.go). Users read them in
// their session's language (language.go); the log and the errors of a
// start in the server's (--lang).
const (
	// to SSH clients
	msgKeyRefused    = "pulpero: this key (%s) is not authorized on this server; send its public key to the server's admin\r\n"
	msgNoTerminal    = "pulpero needs a terminal: connect with ssh -t"
	msgTooManyOne    = "pulpero: the server has its one session open; try again later"
	msgTooMany       = "pulpero: the server has its %d sessions open; try again later"
	msgStopping      = "pulpero: the server is stopping; try again in a moment"
	msgStoppedNotice = "pulpero: the server is stopping; your saved work is kept"
	msgIdleNotice    = "pulpero: closed after %s without a key"
	msgKeyRemoved    = "pulpero: this key is no longer authorized"
	msgExportsFolder = "pulpero: your export folder cannot be prepared; tell the server's admin"
	msgWritesStopped = "the server is stopping: nothing new is written; your saved work is kept"

	// errors of a start (the command prints them)
	msgNoSession       = "serve: no customer session"
	msgKeysRequired    = "serve: --authorized-keys FILE is required: it lists who may log in"
	msgExportsFolderAt = "exports folder: %v"
	msgHostKey         = "host key: %v"
	msgHostKeyAt       = "host key %s: %v"
	msgHostKeyOpen     = "host key %s: others can read it (mode %v); chmod 600 it"
	msgKeyTwice        = "this key is already %s's, above"
	msgNotAKey         = "not a public key line (%v)"
	msgTwoKeys         = "more than one key on the line"
	msgNoComment       = "the key has no comment: the comment after the key names its user"
	msgBadUserName     = "user name %q: use letters, digits and . _ @ + - (it names the user's export folder)"
	msgBadOption       = "option %q is not supported by pulpero serve (only role=\"viewer|analyst|admin\" and lang=\"es|en\")"
	msgBadKeyLang      = "lang %q: use es or en (or a locale such as es_AR)"
	msgNoKeys          = "no key in the file: nobody could log in"

	// the server's log (its keys, user= remote= ..., stay as they are)
	logSessionRefused   = "session refused"
	logConnected        = "connected"
	logDisconnected     = "disconnected"
	logExportFolder     = "export folder"
	logConnectionFailed = "connection failed"
	logKeyRefused       = "key refused"
	logAuditFailed      = "audit log"
	logKeysUnreadable   = "authorized keys changed but cannot be read; keeping the previous list"
	logKeysReadAgain    = "authorized keys read again"
)

package server

// What the server tells users and its log, in one place for the
// translation catalogue.
const (
	msgKeyRefused    = "pulpero: this key (%s) is not authorized on this server; send its public key to the server's admin\r\n"
	msgNoTerminal    = "pulpero needs a terminal: connect with ssh -t"
	msgTooMany       = "pulpero: the server has its %d sessions open; try again later"
	msgStopping      = "pulpero: the server is stopping; try again in a moment"
	msgStoppedNotice = "pulpero: the server is stopping; your saved work is kept"
	msgIdleNotice    = "pulpero: closed after %s without a key"
	msgKeyRemoved    = "pulpero: this key is no longer authorized"
	msgExportsFolder = "pulpero: your export folder cannot be prepared; tell the server's admin"
)

package server

import (
	"bufio"
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
)

// User is one authorized key's owner.
type User struct {
	Name        string       // the key's comment
	Role        app.UserRole // role="..." option; analyst when absent
	Fingerprint string       // SHA256:... of the key
	// Lang is the lang="es|en" option (a locale such as es_AR too): the
	// user's language when their client does not send one; "" when absent.
	Lang string
}

// KeysError is an authorized_keys line pulpero cannot take; it names the
// file and the line.
type KeysError struct {
	Path string
	Line int // 1-based; 0 for the file as a whole
	Err  error
}

func (e *KeysError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
}
func (e *KeysError) Unwrap() error { return e.Err }

// userName is what a comment may be: it names the user's export folder.
var userName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$`)

// harmless are OpenSSH options that only take something away (a pty,
// forwarding); pulpero grants none of those anyway. Any other option
// (from=, command=, ...) would be a restriction pulpero does not apply, so
// a line with one is refused rather than silently widened.
var harmless = map[string]bool{"restrict": true, "no-agent-forwarding": true, "no-port-forwarding": true,
	"no-x11-forwarding": true, "no-user-rc": true}

// ParseAuthorizedKeys reads an OpenSSH authorized_keys file: one key a
// line, `#` comments and blank lines skipped. Each key must have a comment
// (the user's name: letters, digits and . _ @ + -) and may have a
// role="viewer"|"analyst"|"admin" option and a lang="es"|"en" one (the
// user's language when their client sends none). The result maps
// string(key.Marshal()) to its user. Errors are *KeysError.
func ParseAuthorizedKeys(path string, data []byte) (map[string]User, error) {
	users := map[string]User{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, key, err := parseKeyLine(line)
		if err != nil {
			return nil, &KeysError{Path: path, Line: n, Err: err}
		}
		if old, ok := users[key]; ok && old.Name != u.Name {
			return nil, &KeysError{Path: path, Line: n, Err: model.Say(msgKeyTwice, old.Name)}
		}
		users[key] = u
	}
	if err := sc.Err(); err != nil {
		return nil, &KeysError{Path: path, Err: err}
	}
	return users, nil
}

func parseKeyLine(line string) (User, string, error) {
	pk, comment, options, rest, err := gossh.ParseAuthorizedKey([]byte(line))
	if err != nil {
		return User{}, "", fail(err, msgNotAKey, err)
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return User{}, "", model.Say(msgTwoKeys)
	}
	comment = strings.TrimSpace(comment)
	if comment == "" {
		return User{}, "", model.Say(msgNoComment)
	}
	if !userName.MatchString(comment) {
		return User{}, "", model.Say(msgBadUserName, comment)
	}
	u := User{Name: comment, Role: app.RoleAnalyst, Fingerprint: gossh.FingerprintSHA256(pk)}
	for _, o := range options {
		name, val, hasVal := strings.Cut(o, "=")
		switch {
		case strings.EqualFold(name, "role") && hasVal:
			r, err := app.ParseUserRole(strings.Trim(val, `"`))
			if err != nil {
				return User{}, "", err
			}
			u.Role = r
		case strings.EqualFold(name, "lang") && hasVal:
			lang := strings.Trim(val, `"`)
			if _, ok := speaks(lang); !ok {
				return User{}, "", model.Say(msgBadKeyLang, lang)
			}
			u.Lang = lang
		case harmless[strings.ToLower(o)]:
		default:
			return User{}, "", model.Say(msgBadOption, o)
		}
	}
	return u, string(pk.Marshal()), nil
}

// Users is the authorized_keys file, read again when it changes: each
// lookup compares the file's size, time and identity with the last read's.
// A file that changes into something unreadable keeps the last good list
// (and says so in the log).
type Users struct {
	path string
	log  *slog.Logger
	loc  locale.Locale // the log's language

	mu    sync.Mutex
	users map[string]User
	stamp fileStamp
}

type fileStamp struct {
	info    os.FileInfo
	size    int64
	modTime time.Time
}

func (a fileStamp) same(b fileStamp) bool {
	return a.info != nil && b.info != nil && os.SameFile(a.info, b.info) && a.size == b.size && a.modTime.Equal(b.modTime)
}

func stampOf(path string) (fileStamp, error) {
	st, err := os.Stat(path)
	if err != nil {
		return fileStamp{}, err
	}
	return fileStamp{info: st, size: st.Size(), modTime: st.ModTime()}, nil
}

// LoadUsers reads the file; a file with no key is refused (nobody could
// log in).
func LoadUsers(path string, log *slog.Logger) (*Users, error) {
	u := &Users{path: path, log: log, loc: locale.Default()}
	stamp, users, err := readUsers(path)
	if err != nil {
		return nil, err
	}
	if len(users) == 0 {
		return nil, &KeysError{Path: path, Err: model.Say(msgNoKeys)}
	}
	u.users, u.stamp = users, stamp
	return u, nil
}

func readUsers(path string) (fileStamp, map[string]User, error) {
	stamp, err := stampOf(path)
	if err != nil {
		return stamp, nil, &KeysError{Path: path, Err: err}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return stamp, nil, &KeysError{Path: path, Err: err}
	}
	users, err := ParseAuthorizedKeys(path, data)
	return stamp, users, err
}

// Lookup finds the key's user, reading the file again first if it changed.
func (u *Users) Lookup(key gossh.PublicKey) (User, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if stamp, err := stampOf(u.path); err == nil && !stamp.same(u.stamp) {
		stamp, users, err := readUsers(u.path)
		if err != nil {
			u.log.Error(u.loc.T(logKeysUnreadable), "err", u.loc.Error(err))
			u.stamp = stamp // said once, not at every login
		} else {
			u.log.Info(u.loc.T(logKeysReadAgain), "path", u.path, "keys", len(users))
			u.users, u.stamp = users, stamp
		}
	}
	usr, ok := u.users[string(key.Marshal())]
	return usr, ok
}

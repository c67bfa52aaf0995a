package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
)

// DefaultHostKeyPath is where the host key lives unless --host-key says:
// pulpero's data folder.
func DefaultHostKeyPath() string { return filepath.Join(app.DataDir(), "ssh_host_ed25519_key") }

// EnsureHostKey reads the server's host key at path, creating an ed25519
// one (mode 0600, in a private folder) on first start. A key file others
// can read is refused, as OpenSSH does: whoever reads it can pose as the
// server.
func EnsureHostKey(path string) (gossh.Signer, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return createHostKey(path)
	}
	if err != nil {
		return nil, fail(err, msgHostKey, err)
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o077 != 0 {
		return nil, model.Say(msgHostKeyOpen, path, st.Mode().Perm().String())
	}
	s, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fail(err, msgHostKeyAt, path, err)
	}
	return s, nil
}

func createHostKey(path string) (gossh.Signer, error) {
	if err := app.PrivateDir(filepath.Dir(path)); err != nil {
		return nil, fail(err, msgHostKey, err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "pulpero host key") // i18n: the key file's comment, not shown
	if err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	// O_EXCL: two servers starting at once never overwrite each other's key
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return EnsureHostKey(path)
	}
	if err != nil {
		return nil, fail(err, msgHostKey, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, fail(err, msgHostKeyAt, path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(path)
		return nil, fail(err, msgHostKeyAt, path, err)
	}
	if err := f.Close(); err != nil {
		return nil, fail(err, msgHostKeyAt, path, err)
	}
	return gossh.NewSignerFromKey(priv)
}

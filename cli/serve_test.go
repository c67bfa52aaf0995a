package cli

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
)

// TestServeRefusesBadStarts: without --authorized-keys the command line is
// wrong (2); a malformed key file is refused before anything is loaded or
// listened on (1), naming the file and the line.
func TestServeRefusesBadStarts(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := runCLI(t, "serve", filepath.Join(dir, "shop.db")); code != exitUsage || !strings.Contains(errs, "--authorized-keys") {
		t.Fatalf("no keys: %d %q", code, errs)
	}
	ak := filepath.Join(dir, "authorized_keys")
	os.WriteFile(ak, []byte("# users\nssh-ed25519 AAAA-not-a-key alice\n"), 0o600)
	code, _, errs := runCLI(t, "serve", filepath.Join(dir, "shop.db"), "--authorized-keys", ak, "--listen", "127.0.0.1:0")
	if code != exitFail || !strings.Contains(errs, ak+":2:") {
		t.Fatalf("malformed keys: %d %q", code, errs)
	}
}

// TestServeSaysItInSpanish (issue 19): with --lang es the usage line, the
// flags' help and a malformed key file's error are Spanish (the error
// still naming the file and the line); English is unchanged.
func TestServeSaysItInSpanish(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	if code, _, errs := runCLI(t, "--lang", "es", "serve", db); code != exitUsage ||
		!strings.Contains(errs, "uso: pulpero serve DB --authorized-keys FILE") {
		t.Fatalf("no keys, Spanish: %d %q", code, errs)
	}
	if code, _, errs := runCLI(t, "serve", db); code != exitUsage || !strings.Contains(errs, "usage: pulpero serve DB --authorized-keys FILE") {
		t.Fatalf("no keys, English: %d %q", code, errs)
	}
	if code, _, errs := runCLI(t, "serve", "--help", "--lang=es"); code != exitOK ||
		!strings.Contains(errs, "dirección en la que escuchar") || !strings.Contains(errs, `lang="es|en" el idioma`) {
		t.Fatalf("--help, Spanish: %d %q", code, errs)
	}
	ak := filepath.Join(dir, "authorized_keys")
	os.WriteFile(ak, []byte("# users\nssh-ed25519 AAAA-not-a-key alice\n"), 0o600)
	code, _, errs := runCLI(t, "serve", db, "--authorized-keys", ak, "--lang", "es")
	if code != exitFail || !strings.Contains(errs, "pulpero: "+ak+":2: no es una línea de clave pública (") {
		t.Fatalf("malformed keys, Spanish: %d %q", code, errs)
	}
	os.WriteFile(ak, []byte("# nobody yet\n"), 0o600)
	code, _, errs = runCLI(t, "serve", db, "--authorized-keys", ak, "--lang", "es")
	if code != exitFail || !strings.Contains(errs, "pulpero: "+ak+": ninguna clave en el archivo: nadie podría conectarse") {
		t.Fatalf("no key, Spanish: %d %q", code, errs)
	}
}

// syncWriter is a buffer a running command writes while the test reads.
type syncWriter struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestServeStartsAndStopsInSpanish: `pulpero --lang es serve` says where
// it listens and how to connect, and logs the load and the stop, in
// Spanish; SIGINT stops it cleanly.
func TestServeStartsAndStopsInSpanish(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	if err := app.GenerateSample(context.Background(), db, sample.Options{Customers: 300, Seed: 7}, false); err != nil {
		t.Fatal(err)
	}
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pk, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	ak := filepath.Join(dir, "authorized_keys")
	os.WriteFile(ak, []byte(`lang="es" `+strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pk)))+" ana\n"), 0o600)
	var out, errs syncWriter
	done := make(chan int, 1)
	go func() {
		done <- Run([]string{"--lang", "es", "serve", db, "--authorized-keys", ak, "--listen", "127.0.0.1:0",
			"--host-key", filepath.Join(dir, "hk"), "--exports", filepath.Join(dir, "exports"), "--audit", filepath.Join(dir, "audit.jsonl"),
			"--data-dir", filepath.Join(dir, "data")}, nil, &out, &errs)
	}()
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(out.String(), "conectarse: ssh -t -p PUERTO USUARIO@SERVIDOR") {
		select {
		case code := <-done:
			t.Fatalf("serve ended (%d):\n%s\n%s", code, out.String(), errs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start:\n%s\n%s", out.String(), errs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(out.String(), "pulpero serve: escuchando en 127.0.0.1:") || !strings.Contains(out.String(), "huella de la clave del servidor: SHA256:") {
		t.Fatalf("start lines:\n%s", out.String())
	}
	// serve listens for SIGINT from before it loads: the signal stops it
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitOK {
			t.Fatalf("stopped with %d:\n%s", code, errs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop on SIGINT")
	}
	for _, want := range []string{`msg="cargado una vez para todas las sesiones"`, `msg="deteniendo: se dejan terminar los guardados y exportaciones en curso"`} {
		if !strings.Contains(errs.String(), want) {
			t.Errorf("the log lacks %s:\n%s", want, errs.String())
		}
	}
}

package server

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestTinyWindow: a 10×5 client gets a screen it can use and quit.
func TestTinyWindow(t *testing.T) {
	e := startServer(t, nil)
	a := e.openTerm(t, e.bob, 5, 10)
	a.waitFor(t, "1 Explor")
	a.press(t, "j", "x", "2", "a", "z", enter, "?", "r", "1", "r")
	if err := a.sess.WindowChange(3, 4); err != nil {
		t.Fatal(err)
	}
	a.press(t, "j", "k")
	if err := a.sess.WindowChange(24, 80); err != nil {
		t.Fatal(err)
	}
	a.press(t, ctrlC)
	if err := a.waitExit(t); err != nil {
		t.Fatalf("tiny window: %v\n%s", err, a.text())
	}
}

// TestNoTerminal: a session without a pty is told to use ssh -t.
func TestNoTerminal(t *testing.T) {
	e := startServer(t, nil)
	c, _, err := e.dial(t, "x", gossh.PublicKeys(e.bob))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.CombinedOutput("")
	var ee *gossh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != 1 || !strings.Contains(string(out), "ssh -t") {
		t.Fatalf("no pty: %v %q", err, out)
	}
}

// TestMaxSessions: beyond the cap a session is refused with a message;
// when one ends its place is free again.
func TestMaxSessions(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxSessions = 2 })
	a := e.openTerm(t, e.alice, 24, 80)
	b := e.openTerm(t, e.bob, 24, 80)
	a.waitFor(t, "Explore")
	b.waitFor(t, "Explore")
	c := e.openTerm(t, e.carol, 24, 80)
	c.waitFor(t, "2 sessions open")
	var ee *gossh.ExitError
	if err := c.waitExit(t); !errors.As(err, &ee) || ee.ExitStatus() != 1 {
		t.Fatalf("third session: %v", err)
	}
	a.press(t, ctrlC)
	a.waitExit(t)
	d := e.openTerm(t, e.carol, 24, 200)
	d.waitFor(t, " Roles ") // carol is an admin
	d.press(t, ctrlC)
	d.waitExit(t)
	b.press(t, ctrlC)
	b.waitExit(t)
}

// TestConnectionFlood: hundreds of connections at once (raw TCP that
// never speaks SSH, and failed logins) are capped, never a crash; a user
// logs in afterwards.
func TestConnectionFlood(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxConns, c.MaxConnsPerIP, c.HandshakeTimeout = 16, 12, time.Second })
	var wg sync.WaitGroup
	var mu sync.Mutex
	var held []net.Conn
	for i := range 300 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%3 == 0 {
				_, _, _ = e.dial(t, "eve", gossh.PublicKeys(e.eve))
				return
			}
			c, err := net.DialTimeout("tcp", e.addr, 5*time.Second)
			if err != nil {
				return
			}
			mu.Lock()
			held = append(held, c)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if e.srv.RefusedConnections() == 0 {
		t.Fatal("300 connections at once and none was refused")
	}
	for _, c := range held {
		c.Close()
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, _, err := e.dial(t, "bob", gossh.PublicKeys(e.bob))
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("bob cannot log in after the flood: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("refused %d connections at once", e.srv.RefusedConnections())
}

// TestIdleTimeout: a session without keys ends, saying why; one that
// keeps typing does not.
func TestIdleTimeout(t *testing.T) {
	e := startServer(t, func(c *Config) { c.IdleTimeout = 700 * time.Millisecond })
	a := e.openTerm(t, e.alice, 24, 80)
	b := e.openTerm(t, e.bob, 24, 80)
	a.waitFor(t, "Explore")
	b.waitFor(t, "Explore")
	stop := time.Now().Add(1500 * time.Millisecond)
	for time.Now().Before(stop) {
		b.press(t, "j")
		time.Sleep(100 * time.Millisecond)
	}
	a.waitFor(t, "without a key")
	a.waitExit(t)
	select {
	case err := <-b.done:
		t.Fatalf("a typing user's session ended: %v", err)
	default:
	}
	b.press(t, ctrlC)
	b.waitExit(t)
}

// TestShutdownLetsWritesFinish: a stopping server refuses new writes,
// waits for the one in flight, then ends the sessions with a notice.
func TestShutdownLetsWritesFinish(t *testing.T) {
	e := startServer(t, nil)
	a := e.openTerm(t, e.alice, 24, 80)
	a.waitFor(t, "Explore")
	end, err := e.srv.gate.begin() // a save in flight
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		done <- e.srv.Shutdown(ctx)
	}()
	time.Sleep(300 * time.Millisecond)
	select {
	case err := <-done:
		t.Fatalf("shutdown did not wait for the write: %v", err)
	default:
	}
	if _, err := e.srv.gate.begin(); err == nil {
		t.Fatal("a new write started while stopping")
	}
	if strings.Contains(a.text(), "stopping") {
		t.Fatal("the session was ended before the write finished")
	}
	end()
	a.waitFor(t, "server is stopping")
	a.waitExit(t)
	if err := <-done; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if _, _, err := e.dial(t, "bob", gossh.PublicKeys(e.bob)); err == nil {
		t.Fatal("a login after shutdown")
	}
}

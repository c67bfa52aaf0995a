package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func write(t *testing.T, f *AtomicFile, s string) {
	t.Helper()
	if _, err := f.WriteString(s); err != nil {
		t.Fatal(err)
	}
}

func content(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAFileThatAppearsMeanwhileIsNeverReplaced: the no-overwrite check and
// the final step are one (link, not rename): a file created while the list
// was written is left as it is, and the writer says so.
func TestAFileThatAppearsMeanwhileIsNeverReplaced(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "list.csv")
	f, err := CreateAtomic(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	write(t, f, "the list")
	os.WriteFile(dest, []byte("the user's file"), 0o644)
	if err := f.Commit(); err == nil || !strings.Contains(err.Error(), "appeared") {
		t.Fatalf("commit over a file that appeared: %v", err)
	}
	if got := content(t, dest); got != "the user's file" {
		t.Fatalf("the user's file now holds %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".pulpero-*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

// TestALinkIsReplacedNeverFollowed: a symbolic link at the destination
// counts as an existing file, and --force replaces the link, never the
// file it points to.
func TestALinkIsReplacedNeverFollowed(t *testing.T) {
	dir := t.TempDir()
	precious := filepath.Join(dir, "precious.txt")
	os.WriteFile(precious, []byte("precious"), 0o600)
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(precious, link); err != nil {
		t.Fatal(err)
	}
	if _, err := CreateAtomic(link, false); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("wrote through a link without --force: %v", err)
	}
	f, err := CreateAtomic(link, true)
	if err != nil {
		t.Fatal(err)
	}
	write(t, f, "the list")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := content(t, precious); got != "precious" {
		t.Fatalf("the link's target now holds %q", got)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink != 0 || content(t, link) != "the list" {
		t.Fatalf("link.csv is %v holding %q", st.Mode(), content(t, link))
	}
}

// TestWrittenFilesAreTheOwnersOnly: lists hold names and addresses.
func TestWrittenFilesAreTheOwnersOnly(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "list.csv")
	f, err := CreateAtomic(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	write(t, f, "x")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dest); st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}
}

// TestProtectedFilesFoldersAndOddFiles: --force never replaces the open
// database or its workspace, a folder is named as one, and a FIFO or device
// the user named is written into, never replaced.
func TestProtectedFilesFoldersAndOddFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	os.WriteFile(db, []byte("SQLite format 3"), 0o644)
	if _, err := CreateAtomic(db, true, db); err == nil || !strings.Contains(err.Error(), "never replaced") {
		t.Fatalf("replaced the database: %v", err)
	}
	if content(t, db) != "SQLite format 3" {
		t.Fatal("the database changed")
	}
	if _, err := CreateAtomic(dir, true); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("a folder: %v", err)
	}
	// /dev/full: written into (and the write fails), never replaced
	if st, err := os.Stat("/dev/full"); err == nil && st.Mode()&os.ModeDevice != 0 {
		f, err := CreateAtomic("/dev/full", true)
		if err != nil {
			t.Fatal(err)
		}
		_, werr := f.WriteString(strings.Repeat("x", 1<<16))
		f.Commit()
		if werr == nil {
			t.Fatal("writing to /dev/full did not fail")
		}
		if st2, _ := os.Stat("/dev/full"); st2.Mode() != st.Mode() {
			t.Fatal("/dev/full was replaced")
		}
	}
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		r, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(r)
		r.Close()
		got <- string(b)
	}()
	f, err := CreateAtomic(fifo, false)
	if err != nil {
		t.Fatal(err)
	}
	write(t, f, "through the pipe")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "through the pipe" {
			t.Fatalf("the pipe carried %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("nothing came through the pipe")
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Fatal("the FIFO was replaced")
	}
}

// TestStaleTemporaryFilesAreRemoved: a temporary file a crash left behind is
// removed by the next write of that name in the folder, once it is old; a
// young one may belong to a pulpero writing now and is left.
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "list.csv")
	old := filepath.Join(dir, ".pulpero-list.csv-123.tmp")
	young := filepath.Join(dir, ".pulpero-list.csv-456.tmp")
	os.WriteFile(old, []byte("half"), 0o600)
	os.WriteFile(young, []byte("half"), 0o600)
	past := time.Now().Add(-2 * staleAfter)
	os.Chtimes(old, past, past)
	f, err := CreateAtomic(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	f.Abort()
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the stale temporary file is still there")
	}
	if _, err := os.Stat(young); err != nil {
		t.Fatal("a young temporary file was removed")
	}
}

// TestWorkspaceApartIsPrivate: the data folder, its workspaces folder and a
// workspace file are the owner's alone (0700, 0600), and a shared folder
// another user owns is refused.
func TestWorkspaceApartIsPrivate(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	db, _, _ := openShop(t, 10)
	ws, err := OpenWorkspaceApart(db, data)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if err := ws.SetRole(t.Context(), "customers", "income", "monthly_income"); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{data: 0o700, filepath.Dir(ws.Path): 0o700, ws.Path: 0o600} {
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %v", path, st.Mode().Perm(), err, want)
		}
	}
	if os.Getuid() != 0 {
		return // only root can hand a folder to another user here
	}
	theirs := filepath.Join(t.TempDir(), "pulpero-theirs")
	os.Mkdir(theirs, 0o777)
	if err := os.Chown(theirs, 4242, 4242); err != nil {
		t.Skip(err)
	}
	if err := PrivateDir(theirs); err == nil || !strings.Contains(err.Error(), "another user") {
		t.Fatalf("a folder another user owns: %v", err)
	}
}

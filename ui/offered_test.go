package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// TestOfferedScreensFollowTheRole: a viewer gets no screen that exports,
// shows raw rows, imports or changes roles; an analyst no imports or
// roles; an admin and a local user everything. Every screen the policy
// names exists, so renaming one cannot silently offer it.
func TestOfferedScreensFollowTheRole(t *testing.T) {
	db, err := app.Open(appShop(t), app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(context.Background(), app.LoadRequest{AsOf: time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	c := &common.Common{Width: 100, Height: 30, Styles: common.NewStyles(true), Session: s}
	all := titles(newScreens(c))
	for name := range screenAction {
		if !strings.Contains(","+all+",", ","+name+",") {
			t.Errorf("the policy names a screen %q that does not exist (screens: %s)", name, all)
		}
	}
	for _, r := range []struct {
		pol    *app.Policy
		absent []string
	}{
		{&app.Policy{Role: app.RoleViewer}, []string{"Campaign", "Tables", "Import", "Roles"}},
		{&app.Policy{Role: app.RoleAnalyst}, []string{"Import", "Roles"}},
		{&app.Policy{Role: app.RoleAdmin}, nil},
		{nil, nil},
	} {
		got := titles(offered(r.pol, newScreens(c)))
		want := all
		for _, a := range r.absent {
			want = strings.Replace(want, ","+a, "", 1)
		}
		if got != want {
			t.Errorf("%v: screens %s, want %s", r.pol, got, want)
		}
	}
}

func titles(s []common.Screen) string {
	var out []string
	for _, x := range s {
		out = append(out, x.Title())
	}
	return strings.Join(out, ",")
}

package ui_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
	"zhenggai/internal/testkit"

	"zhenggai"
	"zhenggai/internal/sample"
	"zhenggai/internal/textimport"
)

// TestPageCacheSeesWrites: a page read, then a change through the form,
// then the same page again must show the change, not the cached copy.
func TestPageCacheSeesWrites(t *testing.T) {
	env := testkit.Open(t)
	st := env.Store
	ctx := context.Background()
	im, err := textimport.Parse(sample.Sangzhi)
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.ImportRound(ctx, im, "")
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2020, 10, 28, 4, 0, 0, 0, time.UTC) }
	srv := env.Serve(t, now)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Jar: testkit.Jar(t, srv.URL, testkit.Admin(t, st))}
	get := func(path string) string {
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	dash := fmt.Sprintf("/rounds/%d", r.ID)
	completed := func(body string) string {
		i := strings.Index(body, "基本完成整改</div>")
		if i < 0 {
			t.Fatal("no completed card")
		}
		j := strings.LastIndex(body[:i], `<div class="n">`)
		return body[j+len(`<div class="n">`) : strings.Index(body[j:], "</div>")+j]
	}
	probs, _ := st.Problems(ctx, r.ID)
	ms, _ := st.ProblemMeasures(ctx, probs[0].ID)
	ms2, _ := st.ProblemMeasures(ctx, probs[1].ID)
	for _, m := range append(ms, ms2...) { // 基本完成 by hand needs a report first
		if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 10, 1), Content: "已学习"}, m.Version); err != nil {
			t.Fatal(err)
		}
	}
	before := get(dash)
	if get(dash) != before {
		t.Fatal("the same page twice differs without a write")
	}
	if completed(before) != "0" {
		t.Fatalf("completed before: %s", completed(before))
	}
	for _, m := range ms {
		resp, err := client.PostForm(srv.URL+fmt.Sprintf("/measures/%d/status", m.ID),
			url.Values{"status": {string(zhenggai.BasicallyCompleted)}, "version": {fmt.Sprint(m.Version)}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("status change: %d", resp.StatusCode)
		}
	}
	if got := completed(get(dash)); got != "1" {
		t.Errorf("after completing problem 1 the dashboard shows %s completed", got)
	}

	// Another process writes the same data (zhenggai import, a second
	// server on the same database): the page must not stay stale.
	other := env.OpenStore(t)
	ms2, _ = other.ProblemMeasures(ctx, probs[1].ID)
	for _, m := range ms2 {
		if err := other.SetMeasureStatus(zhenggai.WithActor(ctx, zhenggai.Actor{Name: "other"}), m.ID, m.Version, zhenggai.BasicallyCompleted); err != nil {
			t.Fatal(err)
		}
	}
	if got := completed(get(dash)); got != "2" {
		t.Errorf("after another process completed problem 2 the dashboard shows %s completed", got)
	}
}

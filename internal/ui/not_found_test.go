package ui_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestNotFoundPages: an address no route has, and a record that does not
// exist, answer 404 with a Chinese page that keeps the signed-in menu; an
// anonymous reader gets the page too, with the way to sign in.
func TestNotFoundPages(t *testing.T) {
	e := newFormEnv(t)
	for _, path := range []string{"/nothing/here", "/problems/999999", "/rounds/999999/ledger"} {
		resp, body := e.get(path)
		wantStatus(t, resp, body, http.StatusNotFound)
		for _, want := range []string{`<html lang="zh-CN">`, `<nav>`, `href="/inbox"`, "回到首页", "找不到页面或记录"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s lacks %q:\n%s", path, want, excerptOf(body))
			}
		}
		if strings.Contains(body, "page not found") || strings.Contains(body, "Not Found") {
			t.Errorf("%s answers in English:\n%s", path, body)
		}
	}
	for _, path := range []string{"/static/nothing.css", "/static/"} {
		resp, body := e.get(path)
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "没有这个文件") {
			t.Errorf("%s: %d %q", path, resp.StatusCode, body)
		}
	}
	resp, err := http.Get(e.srv.URL + "/nothing/here")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("anonymous: %d, want 404", resp.StatusCode)
	}
}

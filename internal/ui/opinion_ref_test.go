package ui_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/testkit"
)

// TestOpinionReferences: on each backend, an opinion's reference number
// tells nothing of another's, and its thank-you page opens for the browser
// that sent it only: not for another sender, not for someone with the
// number alone, not after the report is withdrawn for anyone else, and
// never for opinions sent before receipts existed. Invisible characters
// in the form are refused, the field named.
func TestOpinionReferences(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
		today := zhenggai.Today()
		r, err := demo.Load(ctx, env.Store, env.Files, today)
		if err != nil {
			t.Fatal(err)
		}
		pub, err := demo.Publish(ctx, env.Store, r)
		if err != nil {
			t.Fatal(err)
		}
		srv := env.Serve(t, nil)
		post := fmt.Sprintf("%s/public/reports/%d/opinions", srv.URL, pub.ID)

		for _, c := range []rune{'\u202E', '\u200B', '\u200E', '\u2028', '\uFEFF', '\uE000', '\uFDD0', '\U0010FFFF'} {
			resp := postForm(t, post, url.Values{"content": {"请公开学习" + string(c) + "记录"}, "contact": {"139" + string(c) + "12345678"}})
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			code := zhenggai.CodePoint(c)
			if resp.StatusCode != 422 || !strings.Contains(string(b), "意见建议含有不可见的字符（U&#43;"+code[2:]) ||
				!strings.Contains(string(b), "联系方式含有不可见的字符") {
				t.Errorf("an opinion with %s: %d", code, resp.StatusCode)
			}
		}

		type sent struct {
			ref, thanks string
			receipt     *http.Cookie
		}
		send := func() sent {
			resp := postForm(t, post, url.Values{"content": {"请把学习记录在网上公开"}})
			resp.Body.Close()
			loc := resp.Header.Get("Location")
			if resp.StatusCode != 303 || !strings.HasPrefix(loc, "/public/thanks/") {
				t.Fatalf("send: %d %s", resp.StatusCode, loc)
			}
			s := sent{ref: strings.TrimPrefix(loc, "/public/thanks/"), thanks: loc}
			for _, c := range resp.Cookies() {
				if c.Name == "zg_receipt" {
					s.receipt = c
				}
			}
			return s
		}
		open := func(path string, cookies ...*http.Cookie) int {
			req, _ := http.NewRequest("GET", srv.URL+path, nil)
			for _, c := range cookies {
				req.AddCookie(c)
			}
			resp, err := noFollow.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && !strings.Contains(string(b), strings.TrimPrefix(path, "/public/thanks/")) {
				t.Errorf("%s: the page does not show its number", path)
			}
			return resp.StatusCode
		}
		a, b := send(), send()
		prefix := fmt.Sprintf("YJ%04d%02d%02d-", today.Year(), today.Month(), today.Day())
		ra, rb := strings.TrimPrefix(a.ref, prefix), strings.TrimPrefix(b.ref, prefix)
		if len(ra) != 9 || len(rb) != 9 || ra[4] != '-' || ra == rb {
			t.Fatalf("references %q %q", a.ref, b.ref)
		}
		same := 0
		for i := range ra {
			if ra[i] == rb[i] && i != 4 {
				same++
			}
		}
		if same > 4 {
			t.Errorf("two references in a row share %d of 8 characters: %q %q", same, a.ref, b.ref)
		}
		if open(a.thanks, a.receipt) != 200 || open(b.thanks, b.receipt) != 200 {
			t.Error("a sender cannot see his own thank-you page")
		}
		other := *b.receipt
		other.Path = ""
		for name, code := range map[string]int{
			"the number alone":             open(a.thanks),
			"another sender's receipt":     open(a.thanks, &other),
			"a forged receipt":             open(a.thanks, &http.Cookie{Name: "zg_receipt", Value: "zr_forged"}),
			"an empty receipt":             open(a.thanks, &http.Cookie{Name: "zg_receipt", Value: ""}),
			"a number that does not exist": open("/public/thanks/"+prefix+"2345-6789", a.receipt),
		} {
			if code != 404 {
				t.Errorf("thank-you page with %s: %d, want 404", name, code)
			}
		}

		// An opinion from before receipts (no secret kept): nobody's.
		old := &zhenggai.Opinion{PublicationID: pub.ID, Content: "以前提交的意见建议"}
		if err := env.Store.CreateOpinion(ctx, old); err != nil {
			t.Fatal(err)
		}
		if code := open("/public/thanks/"+old.Ref, &http.Cookie{Name: "zg_receipt", Value: ""}); code != 404 {
			t.Errorf("an opinion without a receipt: %d", code)
		}

		// Numbers old and new still find the opinion for the unit's
		// staff, to whom a sender gives it; not for another unit's.
		staff := testkit.SignIn(t, env.Store, zhenggai.RoleUnitAdmin, r.Unit, "办公室")
		stranger := testkit.SignIn(t, env.Store, zhenggai.RoleUnitAdmin, "乙单位", "办公室乙")
		for _, o := range []struct {
			ref string
			id  int64
		}{{old.Ref, old.ID}, {strings.ToLower(a.ref), 0}} {
			req, _ := http.NewRequest("GET", srv.URL+"/opinions?ref="+url.QueryEscape(" "+o.ref+" "), nil)
			req.AddCookie(staff.Cookie)
			resp, err := noFollow.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 303 || !strings.HasPrefix(resp.Header.Get("Location"), "/opinions/") ||
				o.id != 0 && resp.Header.Get("Location") != fmt.Sprintf("/opinions/%d", o.id) {
				t.Errorf("staff looking up %s: %d %s", o.ref, resp.StatusCode, resp.Header.Get("Location"))
			}
			req.Header.Del("Cookie")
			req.AddCookie(stranger.Cookie)
			resp, err = noFollow.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || !strings.Contains(string(body), "没有编号为") {
				t.Errorf("another unit's staff looking up %s: %d", o.ref, resp.StatusCode)
			}
		}

		// Withdrawn: the sender still sees his number, a stranger nothing.
		if err := env.Store.Withdraw(ctx, pub.ID, "内容需更新", "办公室"); err != nil {
			t.Fatal(err)
		}
		if open(a.thanks, a.receipt) != 200 || open(a.thanks) != 404 {
			t.Error("after withdrawal")
		}
	})
}

// TestOpinionRefsSpread: reference numbers drawn in a row are all
// different and each character ranges over the alphabet.
func TestOpinionRefsSpread(t *testing.T) {
	day := zhenggai.NewDate(2026, 12, 5)
	seen := map[string]bool{}
	var chars [9]map[byte]bool
	for i := range chars {
		chars[i] = map[byte]bool{}
	}
	for range 500 {
		ref := zhenggai.NewOpinionRef(day)
		if seen[ref] || !strings.HasPrefix(ref, "YJ20261205-") || len(ref) != len("YJ20261205-K7M3-Q9XD") {
			t.Fatalf("reference %q", ref)
		}
		seen[ref] = true
		for i := range 9 {
			chars[i][ref[11+i]] = true
		}
	}
	for i, c := range chars {
		if i != 4 && len(c) < 28 || strings.ContainsAny(string(keys(c)), "01IO") {
			t.Errorf("position %d takes %d characters: %q", i, len(c), keys(c))
		}
	}
}

func keys(m map[byte]bool) []byte {
	var out []byte
	for k := range m {
		out = append(out, k)
	}
	return out
}

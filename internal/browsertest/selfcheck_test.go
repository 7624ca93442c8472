package browsertest_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"zhenggai/internal/browsertest"
)

// TestSelfCheckFlow: the unit's office runs the 自查 of the demo unit over
// 2016–2020, finds what the inspection found (23 large expenses not put
// to the party group; 22 meetings in 2019, down 21%), keeps those two
// findings, makes the round of 自查 in one step, and on each new problem
// opens its records — the vouchers, the meetings — from the 佐证 links.
func TestSelfCheckFlow(t *testing.T) {
	env, _, pw := demoEnv(t)
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	b.Size(1366, 768)
	b.SignIn("bangongshi", pw["bangongshi"])
	b.OpenMenu()
	b.Click(`header.top nav a[href="/selfcheck"]`, "#selfcheck-filter", "selfcheck")
	b.Fill(`#selfcheck-filter input[name=from]`, "2016-01-01")
	b.Fill(`#selfcheck-filter input[name=to]`, "2020-12-31")
	b.Click(`#selfcheck-filter button[type=submit]`, "#selfcheck-round", "findings")
	fits(t, b, "/selfcheck at 1366 px")

	// The findings' rows, by what they say.
	large := b.Eval(`(() => { const r = [...document.querySelectorAll("tr[id^=finding-]")].find(r => r.innerText.includes("23笔单笔1万元以上开支未经党组会议研究")); return r ? r.id : "" })()`)
	fewer := b.Eval(`(() => { const r = [...document.querySelectorAll("tr[id^=finding-]")].find(r => r.innerText.includes("2019年召开各类会议22次") && r.innerText.includes("下降21%")); return r ? r.id : "" })()`)
	if large == "" || fewer == "" {
		t.Fatalf("the findings lack the 23笔 (%q) or the 22次/21%% (%q) one:\n%s", large, fewer, b.Text("#selfcheck-round"))
	}
	n := b.Eval(`document.querySelectorAll("#selfcheck-round input[name=key]").length`)
	b.Eval(`document.querySelectorAll("#selfcheck-round input[name=key]").forEach(c => c.checked = false)`)
	b.Check(fmt.Sprintf(`[id=%q] input[name=key]`, large), true)
	b.Check(fmt.Sprintf(`[id=%q] input[name=key]`, fewer), true)
	t.Logf("2 of %s findings chosen", n)
	b.Click(`#selfcheck-round button[type=submit]`, "p.flash", "round-made")
	if f := b.Text("p.flash"); !strings.Contains(f, "已生成自查整改轮次：2个问题") {
		t.Fatalf("after 生成自查整改轮次: %q at %s", f, b.Location())
	}
	round := strings.TrimPrefix(b.Location(), srv.URL)
	b.Click(`a[href="`+round+`/tree"]`, "main", "round-problems")
	problems := strings.Fields(b.Eval(`[...new Set([...document.querySelectorAll("main a[href^='/problems/']")].map(a => a.getAttribute("href")).filter(h => /^\/problems\/\d+$/.test(h)))].join(" ")`))
	if len(problems) != 2 {
		t.Fatalf("the new round lists %d problems, want 2: %v", len(problems), problems)
	}
	opened := map[string]bool{}
	for i, p := range problems {
		b.Size(1366, 768)
		b.Visit(p, fmt.Sprintf("problem-%d", i+1))
		if !b.Has("#problem-records") {
			t.Errorf("%s shows no 佐证", p)
			continue
		}
		links := strings.Fields(b.Eval(`[...document.querySelectorAll("#problem-records a")].map(a => a.getAttribute("href")).join(" ")`))
		if len(links) == 0 {
			t.Errorf("%s: the 佐证 are not links: %s", p, b.Text("#problem-records"))
			continue
		}
		fits(t, b, p+" at 1366 px")
		b.Size(390, 844)
		fits(t, b, p+" at 390 px")
		b.ShotAt("#problem-records", fmt.Sprintf("problem-%d-records-phone", i+1))
		b.Size(1366, 768)
		// The first record opens from its link, as a person clicks it.
		label := b.Text("#problem-records a")
		b.Click("#problem-records a", "h1", fmt.Sprintf("problem-%d-record", i+1))
		if !strings.HasSuffix(b.Location(), links[0]) {
			t.Errorf("%s: the link %s opened %s", p, links[0], b.Location())
		}
		kind := regexp.MustCompile(`^/(meetings|vouchers)/\d+$`).FindStringSubmatch(links[0])
		if kind == nil {
			t.Errorf("%s: the record %q links to %s, not a meeting or voucher", p, label, links[0])
			continue
		}
		opened[kind[1]] = true
		h1 := b.Text("h1")
		if kind[1] == "meetings" && !strings.HasPrefix(h1, label) {
			t.Errorf("the link %q opened the meeting %q", label, h1)
		}
		if kind[1] == "vouchers" && !strings.Contains(h1, strings.Replace(label, "号", "", 1)) {
			t.Errorf("the link %q opened the voucher %q", label, h1)
		}
	}
	if !opened["meetings"] || !opened["vouchers"] {
		t.Errorf("the records opened were not both a meeting and a voucher: %v", opened)
	}
}

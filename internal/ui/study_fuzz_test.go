package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
)

// FuzzNotesSitting posts the phone form of a sitting of notes checks with
// what a user may type: never a server error, nothing written when
// refused, nothing typed coming back unescaped.
func FuzzNotesSitting(f *testing.F) {
	script := "<script>alert(1)</script>"
	f.Add("钟书记", "2020-09-28", "2020年第三季度", "pass", "none", "未见笔记", uint8(2))
	f.Add("钟书记", "2020-09-28", "2020Q3", "", "", "", uint8(2))
	f.Add(script, "2020-02-30", "第三季度", "bad", "pass", script, uint8(2))
	f.Add("王红", "2099-01-01", "2020-13", "pass", "pass", "", uint8(1))
	f.Add("钟书记", "2020-09-28", "2020-Q3", "pass", "pass", strings.Repeat("长", 2000), uint8(7))
	s := newPageServer(f)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test:pages"})
	unit := s.login.User.UnitID
	ids := map[string]int64{}
	for _, n := range []string{"钟书记", "王红", "李强"} {
		p := &zhenggai.Person{UnitID: unit, Name: n, Kind: zhenggai.PersonStaff, Party: "中共党员"}
		if err := s.st.SavePerson(ctx, p); err != nil {
			f.Fatal(err)
		}
		ids[n] = p.ID
	}
	count := func(t *testing.T) int {
		var n int
		if err := s.raw.QueryRow(`SELECT COUNT(*) FROM notes_checks`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	f.Fuzz(func(t *testing.T, checker, on, period, r1, r2, remark string, rows uint8) {
		v := url.Values{"checker_name": {checker}, "on": {on}, "period": {period}}
		for i := range int(rows % 8) {
			name := []string{"王红", "李强", "钟书记", "查无此人"}[i%4]
			v.Add("person_id", fmt.Sprint(ids[name]))
			v.Add("name", name)
			v.Add("result", []string{r1, r2}[i%2])
			v.Add("remark", remark)
		}
		before := count(t)
		w := s.postForm("/study/notes", v)
		if w.Code >= 500 {
			t.Fatalf("status %d\n%s", w.Code, w.Body.String())
		}
		body := w.Body.String()
		if w.Code == http.StatusSeeOther {
			g := s.send("GET", w.Header().Get("Location"), "", nil)
			if g.Code != http.StatusOK {
				t.Fatalf("then GET %s: %d", w.Header().Get("Location"), g.Code)
			}
			body += g.Body.String()
		} else if count(t) != before {
			t.Fatalf("status %d wrote something", w.Code)
		}
		for _, bad := range injected {
			if strings.Contains(strings.ToLower(body), bad) {
				t.Fatalf("the answer holds %q unescaped", bad)
			}
		}
	})
}

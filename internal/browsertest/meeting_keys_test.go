package browsertest_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"zhenggai/internal/browsertest"
)

// TestMeetingByKeyboard: the office's clerk types a meeting from the
// handwritten minutes with the keyboard alone — the type, the date, the
// attendees the book fills in (one on leave), an item of 大额资金 with its
// amount, three statements each added by one Enter, the decision — and
// saves it with Ctrl+Enter; the saved meeting shows all of it, the
// statements in the order typed.
func TestMeetingByKeyboard(t *testing.T) {
	env, _, pw := demoEnv(t)
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	b.Size(1366, 768)
	b.SignIn("bangongshi", pw["bangongshi"])
	b.Visit("/meetings/new", "type")
	focus := func(want string) {
		t.Helper()
		if got := b.Focused(); got != want {
			b.Shot("lost-focus")
			t.Log(b.Eval(`document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : "none"`), b.Location())
			t.Fatalf("the cursor is in %q, not in %q", got, want)
		}
	}
	enter := func(want string) { t.Helper(); b.Keys(kb.Enter); focus(want) }
	// Enter after a list's last field asks the server for the next row.
	enterTo := func(want, name string) {
		t.Helper()
		b.KeysTo(kb.Enter, false, `[id="`+want+`"]`, name)
		focus(want)
	}
	focus("type")
	if v := b.Eval(`document.getElementById("type").value`); v != "党组会议" {
		t.Fatalf("the first type is %q", v)
	}
	enterTo("date", "form")

	names := strings.Split(b.Eval(`[...document.querySelectorAll("#attendance-rows input[name$='.name']")].map(i => i.value).join(",")`), ",")
	if len(names) < 4 || names[0] == "" {
		t.Fatalf("the book fills in no members: %q", names)
	}
	// The date's fields in the browser's order: 2020/10/28 in Chinese,
	// 10/28/2020 in American English. Two digits end a month or a day;
	// the year, which may have more, ends with →.
	digits := b.Eval(`new Intl.DateTimeFormat(navigator.language, {year: "numeric", month: "2-digit", day: "2-digit"})
		.format(new Date(2020, 9, 28))`)
	parts := regexp.MustCompile(`\d+`).FindAllString(digits, -1)
	for i, p := range parts {
		b.Keys(p)
		if len(p) == 4 && i < len(parts)-1 {
			b.Keys(kb.ArrowRight)
		}
	}
	if v := b.Eval(`document.getElementById("date").value`); v != "2020-10-28" {
		t.Fatalf("typed %s into the date (%s): %q", digits, b.Eval(`navigator.language`), v)
	}
	enter("place")
	b.Keys("机关三楼会议室")
	enter("chair_name")
	b.Keys(names[0])
	enter("recorder")
	b.Keys(names[len(names)-1])
	enter("book")
	enter("attendance.0.name")
	for i := range names {
		p := "attendance." + itoa(i) + "."
		focus(p + "name")
		enter(p + "presence")
		if i == 1 {
			b.Keys(kb.ArrowDown) // 请假
		}
		enter(p + "note")
		if i == 1 {
			b.Keys("外出学习")
		}
		if i < len(names)-1 {
			enter("attendance." + itoa(i+1) + ".name")
		}
	}
	// Enter on the last member's note adds a row; Enter in it, blank, skips it.
	enterTo("attendance."+itoa(len(names))+".name", "member-added")
	enter("non_members")
	b.Keys("办公室主任")
	enter("items.0.title")
	b.Keys("关于购置办公电脑的请示")
	enter("items.0.kind")
	for range 4 {
		b.Keys(kb.ArrowDown)
	}
	if v := b.Eval(`document.getElementById("items.0.kind").value`); v != "large_fund" {
		t.Fatalf("four times ↓ on 类别 gives %q", v)
	}
	enter("items.0.amount")
	b.Keys("120000")
	said := []struct{ who, what string }{
		{names[0], "同意购置，按政府采购程序办理"},
		{names[2], "同意，注意控制预算"}, // names[1] is on leave
		{names[3], "同意"},
	}
	enter("items.0.statements.0.name") // the item comes with a row for its first statement
	for j, s := range said {
		p := "items.0.statements." + itoa(j) + "."
		b.Keys(s.who)
		enter(p + "position")
		enter(p + "summary")
		b.Keys(s.what)
		// One Enter adds the next statement's row, the cursor in it.
		enterTo("items.0.statements."+itoa(j+1)+".name", "statement-added")
	}
	enter("items.0.decision") // Enter in the blank row skips it

	b.Keys("同意购置办公电脑10台，金额12万元")
	b.KeysTo(kb.Enter, true, "main", "saved") // the form again, if refused

	if !strings.Contains(b.Location(), "/meetings/") || strings.HasSuffix(b.Location(), "/new") {
		t.Fatalf("after Ctrl+Enter: %s: %s", b.Location(), b.Eval(`[...document.querySelectorAll(".has-error")].map(e => e.innerText).join("; ") + document.querySelector(".form-alert, [role=alert]").innerText + [...document.querySelectorAll(".error, .field-error, [id$=-error]")].map(e => e.innerText).join(";")`))
	}
	for _, want := range []string{"2020年10月28日", "机关三楼会议室", "外出学习", "关于购置办公电脑的请示", "大额资金", "120000.00元",
		"同意购置办公电脑10台，金额12万元"} {
		if !strings.Contains(b.Text("main"), want) {
			t.Errorf("the saved meeting lacks %q", want)
		}
	}
	got := b.Eval(`[...document.querySelectorAll("#item-1 tbody tr")].map(r => [...r.cells].map(c => c.innerText.trim()).join("|")).join("\n")`)
	var want []string
	for j, s := range said {
		want = append(want, itoa(j+1)+"|"+s.who+"|同意|"+s.what)
	}
	if got != strings.Join(want, "\n") {
		t.Errorf("the statements saved:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if b.Eval(`[...document.querySelectorAll("#attendance tbody tr")][1].innerText.includes("请假")`) != "true" {
		t.Errorf("the second member is not on leave: %s", b.Text("#attendance"))
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

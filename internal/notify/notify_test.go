package notify_test

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"mime"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/notify"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m) }

// fakeSMTP is an SMTP server on 127.0.0.1 that speaks enough of the
// protocol for net/smtp and records every message it is given.
type fakeSMTP struct {
	ln    net.Listener
	mu    sync.Mutex
	msgs  []mail
	rcpts []string // every recipient asked for, refused ones too
}

type mail struct {
	from, to, subject, body string
}

func newFakeSMTP(t *testing.T) *fakeSMTP {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeSMTP{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go f.serve(c)
		}
	}()
	return f
}

func (f *fakeSMTP) serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	say := func(s string) { c.Write([]byte(s + "\r\n")) }
	say("220 fake ESMTP")
	var m mail
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250 fake")
		case strings.HasPrefix(cmd, "MAIL FROM:"):
			m = mail{from: strings.Trim(strings.TrimSpace(line)[10:], "<>")}
			say("250 ok")
		case strings.HasPrefix(cmd, "RCPT TO:"):
			m.to = strings.Trim(strings.TrimSpace(line)[8:], "<>")
			f.mu.Lock()
			f.rcpts = append(f.rcpts, m.to)
			f.mu.Unlock()
			if strings.HasPrefix(m.to, "bounce") {
				say("550 no such user")
				continue
			}
			say("250 ok")
		case cmd == "DATA":
			say("354 go on")
			var data strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				data.WriteString(l)
			}
			m.subject, m.body = decode(data.String())
			f.mu.Lock()
			f.msgs = append(f.msgs, m)
			f.mu.Unlock()
			say("250 queued")
		case cmd == "QUIT":
			say("221 bye")
			return
		default:
			say("250 ok")
		}
	}
}

func decode(msg string) (subject, body string) {
	head, b64, _ := strings.Cut(msg, "\r\n\r\n")
	for _, l := range strings.Split(head, "\r\n") {
		if v, ok := strings.CutPrefix(l, "Subject: "); ok {
			subject, _ = new(mime.WordDecoder).DecodeHeader(v)
		}
	}
	raw, _ := base64.StdEncoding.DecodeString(strings.ReplaceAll(b64, "\r\n", ""))
	return subject, string(raw)
}

func (f *fakeSMTP) sent() []mail {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]mail(nil), f.msgs...)
}

// TestDispatch: one message per person per colour change, on both
// backends; nothing on a second run; a change sends again.
func TestDispatch(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testDispatch(t, env.Store) })
}

func testDispatch(t *testing.T, st *store.Store) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	smtpd := newFakeSMTP(t)
	const unit = "桑植县政协党组"
	owner := testkit.SignIn(t, st, zhenggai.RoleResponsible, unit, "覃丽").User
	leader := testkit.SignIn(t, st, zhenggai.RoleLeader, unit, "向建国").User
	chief := testkit.SignIn(t, st, zhenggai.RoleLeader, unit, "钟明").User
	bystander := testkit.SignIn(t, st, zhenggai.RoleResponsible, unit, "陈伟").User
	// A namesake in another unit is not told.
	testkit.SignIn(t, st, zhenggai.RoleResponsible, "别的单位", "覃丽")
	for _, u := range []*zhenggai.User{owner, leader, chief} {
		full, _ := st.User(ctx, u.ID)
		full.Email = u.Name + "@example.cn"
		full.Principal = u == chief
		if err := st.UpdateUser(ctx, full); err != nil {
			t.Fatal(err)
		}
	}
	unitID := owner.UnitID
	r := &zhenggai.Round{Unit: unit, Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection, FeedbackDate: zhenggai.NewDate(2020, 7, 27)}
	if err := st.CreateRound(ctx, r); err != nil || r.UnitID != unitID {
		t.Fatalf("round: %v (unit %d, want %d)", err, r.UnitID, unitID)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	st.CreateCategory(ctx, c)
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 3, Title: "问题"}
	st.CreateProblem(ctx, p)
	deadline := zhenggai.NewDate(2020, 10, 31)
	m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "建立档案管理制度", Leader: "向建国", Owner: "覃丽",
		Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress, Deadline: deadline}
	if err := st.CreateMeasure(ctx, m); err != nil {
		t.Fatal(err)
	}
	mailer, err := notify.NewMailer(smtpd.ln.Addr().String(), "zhenggai@example.cn", "", "http://zg.example")
	if err != nil {
		t.Fatal(err)
	}
	day := func(d zhenggai.Date) time.Time {
		return time.Date(d.Year(), time.Month(d.Month()), d.Day(), 9, 0, 0, 0, time.UTC)
	}
	inbox := func(u *zhenggai.User) int {
		n, err := st.UnreadCount(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}

	steps := []struct {
		name     string
		today    zhenggai.Date
		messages int // inbox messages written
		emails   int // e-mails sent
		owner    int // unread counts after the run
		leader   int
		chief    int
		subject  string // of the last e-mail
	}{
		{"far away: nothing", deadline.AddDays(-30), 0, 0, 0, 0, 0, ""},
		{"green: the owner", deadline.AddDays(-20), 1, 1, 1, 0, 0, "绿色预警：问题3措施1整改时限将至"},
		{"green again: nothing", deadline.AddDays(-15), 0, 0, 1, 0, 0, ""},
		{"yellow: owner and leader", deadline.AddDays(-10), 2, 2, 2, 1, 0, "黄色预警：问题3措施1整改时限临近"},
		{"yellow, next day: nothing", deadline.AddDays(-9), 0, 0, 2, 1, 0, ""},
		{"red: owner, leader and the principal leader", deadline.AddDays(1), 3, 3, 3, 2, 1, "红色预警：问题3措施1已超过整改时限"},
		{"red, a week on: nothing", deadline.AddDays(8), 0, 0, 3, 2, 1, ""},
	}
	sentBefore := 0
	for _, s := range steps {
		res, err := notify.Dispatch(ctx, st, mailer, day(s.today))
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if res.Messages != s.messages || res.Emails != s.emails {
			t.Errorf("%s: %d messages %d e-mails, want %d and %d", s.name, res.Messages, res.Emails, s.messages, s.emails)
		}
		if o, l, ch := inbox(owner), inbox(leader), inbox(chief); o != s.owner || l != s.leader || ch != s.chief {
			t.Errorf("%s: unread owner %d leader %d principal %d, want %d %d %d", s.name, o, l, ch, s.owner, s.leader, s.chief)
		}
		got := smtpd.sent()
		if len(got)-sentBefore != s.emails {
			t.Errorf("%s: the SMTP server received %d messages, want %d", s.name, len(got)-sentBefore, s.emails)
		}
		if s.subject != "" && len(got) > 0 {
			last := got[len(got)-1]
			if last.subject != s.subject || !strings.Contains(last.body, "建立档案管理制度") ||
				!strings.Contains(last.body, "http://zg.example/problems/") || last.from != "zhenggai@example.cn" {
				t.Errorf("%s: e-mail %+v", s.name, last)
			}
		}
		sentBefore = len(got)
	}
	if n := inbox(bystander); n != 0 {
		t.Errorf("a bystander got %d messages", n)
	}

	// The deadline moves: the colour goes (silently), then comes back green.
	cur, _ := st.Measure(ctx, m.ID)
	cur.Deadline = deadline.AddDays(60)
	if err := st.UpdateMeasure(ctx, cur); err != nil {
		t.Fatal(err)
	}
	if res, _ := notify.Dispatch(ctx, st, mailer, day(deadline.AddDays(9))); res.Messages != 0 || res.Changed != 1 {
		t.Errorf("colour gone: %+v", res)
	}
	if res, _ := notify.Dispatch(ctx, st, mailer, day(deadline.AddDays(45))); res.Messages != 1 {
		t.Errorf("green again after the change: %+v", res)
	}

	// The inbox: newest first, read one, read all; another's message is not found.
	list, err := st.Inbox(ctx, owner.ID, false, 10)
	if err != nil || len(list) != 4 || list[0].Colour != zhenggai.Green || list[0].RecordKind != zhenggai.RecordProblem || list[0].RecordID == 0 {
		t.Fatalf("inbox %d %v", len(list), err)
	}
	if _, err := st.MarkRead(ctx, leader.ID, list[0].ID); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
		t.Errorf("reading another's message: %v", err)
	}
	if n, err := st.MarkRead(ctx, owner.ID, list[0].ID); err != nil || n != 1 || inbox(owner) != 3 {
		t.Errorf("read one: %d %v, unread %d", n, err, inbox(owner))
	}
	if n, err := st.MarkRead(ctx, owner.ID, 0); err != nil || n != 3 || inbox(owner) != 0 {
		t.Errorf("read all: %d %v", n, err)
	}

	// The daily digest: once per person and day, listing unread messages
	// and the measures in red or yellow.
	before := len(smtpd.sent())
	today := day(deadline.AddDays(2)) // back to red for the digest
	cur, _ = st.Measure(ctx, m.ID)
	cur.Deadline = deadline
	st.UpdateMeasure(ctx, cur)
	n, err := notify.Digest(ctx, st, mailer, today)
	if err != nil || n != 3 {
		t.Fatalf("digest: %d sent, %v", n, err)
	}
	got := smtpd.sent()[before:]
	var toLeader *mail
	for i := range got {
		if got[i].to == leader.Name+"@example.cn" {
			toLeader = &got[i]
		}
	}
	if toLeader == nil || !strings.Contains(toLeader.subject, "每日汇总") || !strings.Contains(toLeader.body, "红色预警") ||
		!strings.Contains(toLeader.body, "未读消息") {
		t.Errorf("leader's digest: %+v", toLeader)
	}
	if n, err := notify.Digest(ctx, st, mailer, today.Add(2*time.Hour)); err != nil || n != 0 {
		t.Errorf("second digest the same day: %d %v", n, err)
	}
	if rep, err := st.VerifyAudit(ctx); err != nil || !rep.OK() {
		t.Errorf("audit after dispatch: %+v %v", rep, err)
	}
}

// TestDispatchWithoutMail: the inbox works without SMTP, and messages are
// not left pending for a mailer that does not exist.
func TestDispatchWithoutMail(t *testing.T) {
	st := testkit.Open(t).Store
	ctx := context.Background()
	owner := testkit.SignIn(t, st, zhenggai.RoleResponsible, "单位", "覃丽").User
	r := &zhenggai.Round{Unit: "单位", Inspector: "巡察组", Kind: zhenggai.KindInspection}
	st.CreateRound(ctx, r)
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	st.CreateCategory(ctx, c)
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "问题"}
	st.CreateProblem(ctx, p)
	today := zhenggai.NewDate(2020, 10, 1)
	m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "措施", Owner: "覃丽", Kind: zhenggai.MeasureImmediate,
		Status: zhenggai.InProgress, Deadline: today.AddDays(-1)}
	if err := st.CreateMeasure(ctx, m); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2020, 10, 1, 8, 0, 0, 0, time.UTC)
	if res, err := notify.Dispatch(ctx, st, nil, now); err != nil || res.Messages != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if res, _ := notify.Dispatch(ctx, st, nil, now); res.Messages != 0 {
		t.Fatalf("second run: %+v", res)
	}
	if pend, _ := st.PendingEmails(ctx, 10); len(pend) != 0 {
		t.Errorf("%d e-mails pending without a mailer", len(pend))
	}
	if n, _ := st.UnreadCount(ctx, owner.ID); n != 1 {
		t.Errorf("unread %d", n)
	}
	if _, err := notify.Digest(ctx, st, nil, now); err == nil {
		t.Error("digest without SMTP did not say so")
	}
}

// TestSendPendingOnce: two senders at once send each message once; an
// address that bounces is tried store.MaxEmailAttempts times and given up;
// a recipient whose address was taken away is not tried again; a claim
// whose sender died lapses and the message goes out after all.
func TestSendPendingOnce(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
		smtpd := newFakeSMTP(t)
		mailer, err := notify.NewMailer(smtpd.ln.Addr().String(), "zhenggai@example.cn", "", "http://zg.example")
		if err != nil {
			t.Fatal(err)
		}
		users := map[string]*zhenggai.User{}
		for name, email := range map[string]string{"覃丽": "qinli@example.cn", "向建国": "bounce@example.cn", "钟明": "zhong@example.cn"} {
			u := testkit.SignIn(t, st, zhenggai.RoleResponsible, "单位", name).User
			full, _ := st.User(ctx, u.ID)
			full.Email = email
			if err := st.UpdateUser(ctx, full); err != nil {
				t.Fatal(err)
			}
			users[name] = full
		}
		for _, u := range users {
			for i := range 3 {
				n := &zhenggai.Notification{UnitID: u.UnitID, UserID: u.ID, Subject: fmt.Sprintf("消息%d", i), EmailState: zhenggai.EmailPending}
				if err := st.AddNotification(ctx, n); err != nil {
					t.Fatal(err)
				}
			}
		}
		// 钟明's address is taken away before anything is sent.
		zhong := users["钟明"]
		zhong.Email = ""
		if err := st.UpdateUser(ctx, zhong); err != nil {
			t.Fatal(err)
		}
		states := func(u *zhenggai.User) []string {
			t.Helper()
			list, err := st.Inbox(ctx, u.ID, false, 10)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, n := range list {
				out = append(out, n.EmailState)
			}
			return out
		}

		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() {
				if _, _, err := notify.SendPending(ctx, st, mailer); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		counts := map[string]int{}
		for _, m := range smtpd.sent() {
			counts[m.to]++
		}
		if counts["qinli@example.cn"] != 3 || len(smtpd.sent()) != 3 {
			t.Errorf("two senders at once sent %v, want each of 覃丽's 3 messages once", counts)
		}
		if got := states(users["覃丽"]); !slices.Equal(got, []string{"sent", "sent", "sent"}) {
			t.Errorf("覃丽's messages: %v", got)
		}
		if got := states(zhong); !slices.Equal(got, []string{"no_address", "no_address", "no_address"}) {
			t.Errorf("钟明's messages: %v", got)
		}
		for range store.MaxEmailAttempts + 2 {
			if _, _, err := notify.SendPending(ctx, st, mailer); err != nil {
				t.Fatal(err)
			}
		}
		tries := 0
		for _, r := range smtpd.rcpts {
			if r == "bounce@example.cn" {
				tries++
			}
		}
		if tries != 3*store.MaxEmailAttempts {
			t.Errorf("the bouncing address was tried %d times, want %d", tries, 3*store.MaxEmailAttempts)
		}
		if got := states(users["向建国"]); !slices.Equal(got, []string{"failed", "failed", "failed"}) {
			t.Errorf("向建国's messages: %v", got)
		}
		if left, _ := st.PendingEmails(ctx, 100); len(left) != 0 {
			t.Errorf("%d messages still pending", len(left))
		}

		// A sender that claims a message and dies: the message waits
		// out the claim, then goes.
		n := &zhenggai.Notification{UnitID: users["覃丽"].UnitID, UserID: users["覃丽"].ID, Subject: "迟到的消息", EmailState: zhenggai.EmailPending}
		if err := st.AddNotification(ctx, n); err != nil {
			t.Fatal(err)
		}
		stalled, err := st.ClaimEmail(ctx, n.ID)
		if stalled == "" || err != nil {
			t.Fatalf("claim: %q %v", stalled, err)
		}
		if again, err := st.ClaimEmail(ctx, n.ID); again != "" || err != nil {
			t.Errorf("claimed twice: %q %v", again, err)
		}
		if sent, _, _ := notify.SendPending(ctx, st, mailer); sent != 0 {
			t.Errorf("sent %d while another sender holds the claim", sent)
		}
		later := time.Now().Add(20 * time.Minute)
		st.SetClock(func() time.Time { return later })
		defer st.SetClock(nil)
		if sent, _, err := notify.SendPending(ctx, st, mailer); sent != 1 || err != nil {
			t.Errorf("after the claim lapsed: sent %d, %v", sent, err)
		}
		// The stalled sender finally fails: its lapsed claim changes nothing.
		if err := st.MarkEmailed(ctx, n.ID, stalled, errors.New("timeout")); err != nil {
			t.Fatal(err)
		}
		if got := states(users["覃丽"]); got[0] != "sent" {
			t.Errorf("a lapsed claim's failure overwrote the sent state: %v", got)
		}

		// A message whose senders keep dying is given up after
		// MaxEmailAttempts claims, not claimed forever.
		n2 := &zhenggai.Notification{UnitID: users["覃丽"].UnitID, UserID: users["覃丽"].ID, Subject: "总发不完的消息", EmailState: zhenggai.EmailPending}
		if err := st.AddNotification(ctx, n2); err != nil {
			t.Fatal(err)
		}
		claims := 0
		for i := range store.MaxEmailAttempts + 3 {
			at := later.Add(time.Duration(i+1) * 20 * time.Minute)
			st.SetClock(func() time.Time { return at })
			if c, err := st.ClaimEmail(ctx, n2.ID); err != nil {
				t.Fatal(err)
			} else if c != "" {
				claims++
			}
		}
		if got := states(users["覃丽"]); claims != store.MaxEmailAttempts || got[0] != "failed" {
			t.Errorf("%d claims of a message whose senders die, state %v", claims, got)
		}
		if rep, err := st.VerifyAudit(ctx); err != nil || !rep.OK() {
			t.Errorf("audit: %+v %v", rep, err)
		}
	})
}

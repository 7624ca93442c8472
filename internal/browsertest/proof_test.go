package browsertest_test

import (
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/browsertest"
	"zhenggai/internal/selfcheck"
)

// TestProofHold: on the demo, 覃丽's open measure of problem 36 names the
// 《“三重一大”事项决策、执行制度》 as its mechanism, proven by the rules
// its name suggests, and she has asked to close it. Its leader 向建国
// opens the problem on a phone (390 px) and on a desktop (1366 px): the
// hold's reason and the finding since the feedback (the party group
// meeting of 2020年7月29日 that decided with too few present) are shown,
// within the screen; his approval is refused with the reason in Chinese,
// and the measure stays asked to close.
func TestProofHold(t *testing.T) {
	env, r, pw := demoEnv(t)
	p := demoProblem(t, env, r, 36)
	ms, err := env.Store.ProblemMeasures(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var m *zhenggai.Measure
	for _, x := range ms {
		if x.CloseState == zhenggai.CloseOpen {
			m = x
		}
	}
	if m == nil || m.Owner != "覃丽" || m.Leader != "向建国" {
		t.Fatalf("problem 36's open measure: %+v", m)
	}
	m.Mechanism = "落实《“三重一大”事项决策、执行制度》，干部任用经党组会议集体研究"
	m.ProofRules = selfcheck.Suggest(m.Mechanism)
	if err := env.Store.UpdateMeasure(ctx, m); err != nil {
		t.Fatal(err)
	}
	if _, err := env.Store.CloseMeasure(ctx, m.ID, zhenggai.CloseRequest, m.Owner, ""); err != nil {
		t.Fatal(err)
	}

	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	b.SignIn("xiangjianguo", pw["xiangjianguo"])
	proof := fmt.Sprintf("#proof-%d", m.ID)
	for _, size := range [][2]int{{390, 844}, {1366, 900}} {
		b.Size(size[0], size[1])
		name := fmt.Sprintf("held-%d", size[0])
		b.Visit(fmt.Sprintf("/problems/%d#proof-%d", p.ID, m.ID), name)
		b.ShotAt(proof, name+"-proof")
		txt := b.Text(proof)
		for _, want := range []string{"长效机制的验证", "自查规则“三重一大事项由党组会议集体研究，到会人数符合规定”仍发现问题1项（涉及记录1条），本措施暂不能同意销号",
			"研究三重一大事项到会人数不足，2020年有1次党组会议的2个议题到会成员未超过半数即作出决定", "大额资金使用经党组会议事前集体研究：未发现问题"} {
			if !strings.Contains(txt, want) {
				t.Errorf("%d px: the measure's proof lacks %q:\n%s", size[0], want, txt)
			}
		}
		if o := b.Overflow(); o != "" {
			t.Errorf("%d px: %s", size[0], o)
		}
		// Readable: inside the screen, in a size one reads, the record linked.
		if got := b.Eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q), r = e.getBoundingClientRect();
			const f = parseFloat(getComputedStyle(e.querySelector("li")).fontSize);
			return (r.left >= 0 && r.right <= document.documentElement.clientWidth && f >= 13) + " " + f; })()`, proof)); !strings.HasPrefix(got, "true") {
			t.Errorf("%d px: the proof is not within the screen or too small to read (%s)", size[0], got)
		}
		if !b.Has(proof + ` li a[href^="/meetings/"]`) {
			t.Errorf("%d px: the finding does not link its meeting", size[0])
		}
	}
	b.Click(fmt.Sprintf("#approve-close-%d button", m.ID), "p.flash", "held-approve-refused")
	if f := b.Text("p.flash"); !strings.Contains(f, "长效机制尚未经台账验证，不能同意销号") || !strings.Contains(f, "三重一大事项由党组会议集体研究，到会人数符合规定") {
		t.Errorf("the refused approval says %q", f)
	}
	got, err := env.Store.Measure(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.CloseState != zhenggai.CloseRequested {
		t.Errorf("after the refused approval the measure is %q", got.CloseState)
	}
}

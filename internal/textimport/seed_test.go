package textimport

import (
	"reflect"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/sample"
)

func mustParse(t *testing.T, text string) *zhenggai.Imported {
	t.Helper()
	im, err := Parse(text)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return im
}

// problemsBySeq indexes the problems of im by their number.
func problemsBySeq(t *testing.T, im *zhenggai.Imported) map[int]zhenggai.ImportedProblem {
	t.Helper()
	m := map[int]zhenggai.ImportedProblem{}
	for _, c := range im.Categories {
		for _, p := range c.Problems {
			if _, dup := m[p.Seq]; dup {
				t.Fatalf("problem %d twice", p.Seq)
			}
			m[p.Seq] = p
		}
	}
	return m
}

// fwChars turns half-width punctuation and digits into the full-width
// forms many offices type.
func fwChars(s string) string {
	r := strings.NewReplacer("(", "（", ")", "）", ":", "：", ",", "，", ".", "．", ";", "；")
	return strings.Map(func(c rune) rune {
		if c >= '0' && c <= '9' {
			return c - '0' + '０'
		}
		return c
	}, r.Replace(s))
}

// fullWidth is the seed as typed in a word processor: full-width forms,
// lines indented with ideographic spaces, CRLF line ends.
func fullWidth(s string) string {
	lines := strings.Split(fwChars(s), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "\u3000\u3000" + l
		}
	}
	return strings.Join(lines, "\r\n")
}

// checkSeed asserts what the seed says; conv maps expected text to the
// form it has in the input (identity for the seed itself).
func checkSeed(t *testing.T, im *zhenggai.Imported, conv func(string) string) {
	t.Helper()
	wantRound := zhenggai.ImportedRound{
		Inspector:    "市委第七巡察组",
		Unit:         "桑植县政协党组",
		Kind:         zhenggai.KindInspection,
		OnsiteStart:  zhenggai.NewDate(2020, 5, 11),
		OnsiteEnd:    zhenggai.NewDate(2020, 6, 19),
		FeedbackDate: zhenggai.NewDate(2020, 7, 27),
	}
	if im.Round.Facts() != wantRound {
		t.Errorf("round = %+v, want %+v", im.Round.Facts(), wantRound)
	}
	// What the data cannot give back is kept for the generated report:
	// section 一 after the totals, section 三, the signature.
	r := im.Round
	if !strings.HasPrefix(r.LeadingGroup, conv("(一)提高政治站位,严格落实责任。")) || strings.Contains(r.LeadingGroup, "\n") {
		t.Errorf("leading group %q", r.LeadingGroup)
	}
	if w := strings.Split(r.Work, "\n"); len(w) != 2 || !strings.HasPrefix(w[0], conv("(二)坚持问题导向")) || !strings.HasPrefix(w[1], conv("(三)坚持标本兼治")) {
		t.Errorf("work %q", r.Work)
	}
	if !strings.HasPrefix(r.FollowUp, conv("市委此次巡察是对桑植县政协工作的一次全面政治体检")) || strings.Contains(r.FollowUp, "联系电话") {
		t.Errorf("follow-up %q", r.FollowUp)
	}
	if r.Signature != "中共政协桑植县委员会党组" || r.Signed != zhenggai.NewDate(2020, 10, 28) || r.Title != "" {
		t.Errorf("signature %q %v, title %q", r.Signature, r.Signed, r.Title)
	}
	wantDeclared := zhenggai.Declared{
		AsOf:               zhenggai.NewDate(2020, 10, 28),
		Categories:         14,
		Problems:           38,
		Completed:          35,
		BasicallyCompleted: 3,
	}
	if im.Declared != wantDeclared {
		t.Errorf("declared = %+v, want %+v", im.Declared, wantDeclared)
	}
	if im.Warnings == nil || len(im.Warnings) != 0 {
		t.Errorf("warnings = %#v, want an empty non-nil slice", im.Warnings)
	}

	if len(im.Categories) != 14 {
		t.Fatalf("%d categories, want 14", len(im.Categories))
	}
	for i, c := range im.Categories {
		if c.Seq != i+1 {
			t.Errorf("category %d has seq %d", i, c.Seq)
		}
	}
	titles := map[int]string{
		1:  "学习贯彻习近平新时代中国特色社会主义思想和党的十九大精神不深入",
		4:  "政协三大职能没有充分发挥",
		10: "形式主义官僚主义整治不彻底",
		13: conv("财经纪律执行不严格,报账程序不规范"),
		14: "选人用人问题解决不畅",
	}
	for seq, want := range titles {
		if got := im.Categories[seq-1].Title; got != want {
			t.Errorf("category %d title = %q, want %q", seq, got, want)
		}
	}
	perCategory := []int{3, 1, 3, 3, 3, 1, 1, 5, 4, 4, 4, 1, 2, 3}
	for i, c := range im.Categories {
		if len(c.Problems) != perCategory[i] {
			t.Errorf("category %d has %d problems, want %d", c.Seq, len(c.Problems), perCategory[i])
		}
	}

	if n := im.ProblemCount(); n != 38 {
		t.Fatalf("%d problems, want 38", n)
	}
	seq := 0
	for _, c := range im.Categories {
		for _, p := range c.Problems {
			seq++
			if p.Seq != seq {
				t.Errorf("problem %d has seq %d", seq, p.Seq)
			}
			if p.Rectification == "" {
				t.Errorf("problem %d has no rectification", p.Seq)
			}
			for _, m := range p.Measures {
				if m.Status != "" || !m.Kind.Valid() || m.Content == "" {
					t.Errorf("problem %d: bad measure %+v", p.Seq, m)
				}
			}
		}
	}

	ps := problemsBySeq(t, im)
	if got, want := ps[1].Title, conv("学习停留在表面,没有学深学透。"); got != want {
		t.Errorf("problem 1 title = %q, want %q", got, want)
	}
	if got, want := ps[38].Title, conv("退休领导干部兼职管理不到位。退休干部返聘审批手续不规范,未经过县委组织部审核备案。"); got != want {
		t.Errorf("problem 38 title = %q, want %q", got, want)
	}
	if r := ps[1].Rectification; !strings.HasPrefix(r, "一是组织机关党员干部认真学习") || strings.HasPrefix(r, "整改情况") {
		t.Errorf("problem 1 rectification = %q", r)
	}
	if r := ps[38].Rectification; !strings.HasSuffix(r, "并向县委组织部备案。") {
		t.Errorf("problem 38 rectification ends %q", r)
	}

	measures := map[int]int{1: 3, 6: 4, 8: 4, 25: 1, 27: 1, 36: 3, 3: 2, 33: 2}
	for seq, want := range measures {
		if got := len(ps[seq].Measures); got != want {
			t.Errorf("problem %d has %d measures, want %d", seq, got, want)
		}
	}
	if got, want := ps[1].Measures[0].Content, conv("组织机关党员干部认真学习。自巡察意见反馈后,已组织集中学习四次。9月4日集中收看了纪念中国人民抗日战争暨世界反法西斯战争胜利75周年活动直播。"); got != want {
		t.Errorf("problem 1 measure 1 = %q, want %q", got, want)
	}
	if got := ps[1].Measures[2].Content; !strings.HasPrefix(got, "强化学习效果。") {
		t.Errorf("problem 1 measure 3 = %q", got)
	}
	if got := ps[36].Measures[0].Content; !strings.HasPrefix(got, "不断深化组织人事制度改革") {
		t.Errorf("problem 36 measure 1 = %q", got)
	}
	if got, want := ps[25].Measures[0].Content, ps[25].Rectification; got != want {
		t.Errorf("problem 25 measure = %q, want the whole paragraph %q", got, want)
	}
	if got := ps[27].Measures[0].Content; !strings.HasPrefix(got, conv("从7月28日开始")) {
		t.Errorf("problem 27 measure = %q", got)
	}
	// 修订完善了《档案管理制度》 builds a rule; 认真查找… is a quick fix.
	if k := ps[14].Measures[0].Kind; k != zhenggai.MeasureMechanism {
		t.Errorf("problem 14 measure 1 kind = %q", k)
	}
	if k := ps[14].Measures[2].Kind; k != zhenggai.MeasureImmediate {
		t.Errorf("problem 14 measure 3 kind = %q", k)
	}
}

func TestSeed(t *testing.T) {
	im := mustParse(t, sample.Sangzhi)
	checkSeed(t, im, func(s string) string { return s })
}

func TestSeedFullWidth(t *testing.T) {
	fw := fullWidth(sample.Sangzhi)
	if strings.Contains(fw, "(一)") || !strings.Contains(fw, "（一）反馈问题：") || !strings.Contains(fw, "\r\n\u3000\u3000１．学习停留在表面，") {
		t.Fatal("fullWidth did not convert the seed")
	}
	im := mustParse(t, fw)
	checkSeed(t, im, fwChars)
	// Same structure as the half-width seed, measure for measure.
	half := mustParse(t, sample.Sangzhi)
	for i, c := range im.Categories {
		for j, p := range c.Problems {
			hp := half.Categories[i].Problems[j]
			if len(p.Measures) != len(hp.Measures) {
				t.Errorf("problem %d: %d measures full-width, %d half-width", p.Seq, len(p.Measures), len(hp.Measures))
				continue
			}
			for k, m := range p.Measures {
				if m.Kind != hp.Measures[k].Kind {
					t.Errorf("problem %d measure %d: kind %q full-width, %q half-width", p.Seq, k+1, m.Kind, hp.Measures[k].Kind)
				}
				if fwChars(hp.Measures[k].Content) != m.Content {
					t.Errorf("problem %d measure %d: %q vs %q", p.Seq, k+1, m.Content, hp.Measures[k].Content)
				}
			}
		}
	}
}

// The seed as a JSON-ready value never carries a nil slice: the importer's
// JSON is a contract and [] differs from null.
func TestSeedNoNilSlices(t *testing.T) {
	im := mustParse(t, sample.Sangzhi)
	if im.Warnings == nil || im.Categories == nil {
		t.Fatal("nil slice at top level")
	}
	for _, c := range im.Categories {
		if c.Problems == nil {
			t.Fatalf("category %d: nil problems", c.Seq)
		}
		for _, p := range c.Problems {
			if p.Measures == nil {
				t.Fatalf("problem %d: nil measures", p.Seq)
			}
		}
	}
}

func TestSeedDeterministic(t *testing.T) {
	a, b := mustParse(t, sample.Sangzhi), mustParse(t, sample.Sangzhi)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two parses of the seed differ")
	}
}

package textimport

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/sample"
)

// TestSeedCut cuts the seed at every 50th character: each prefix parses
// without panicking, and keeps what it holds of the whole report: the same
// facts, the same totals once their line is whole, the same categories and
// problems, the last problem a beginning of the whole one.
func TestSeedCut(t *testing.T) {
	for _, text := range []string{sample.Sangzhi, fullWidth(sample.Sangzhi)} {
		testCut(t, text)
	}
}

func testCut(t *testing.T, text string) {
	full := mustParse(t, text)
	runes := []rune(text)
	firstSentence := strings.Index(text, "进行了巡察。") + len("进行了巡察。")
	totals := fwChars("基本完成整改3个。")
	if strings.Contains(text, "基本完成整改3个。") {
		totals = "基本完成整改3个。"
	}
	totalsLine := strings.Index(text, totals) + len(totals)
	for n := 50; n < len(runes); n += 50 {
		prefix := string(runes[:n])
		im, err := parse(context.Background(), prefix) // parse, not Parse: a panic must show
		if err != nil {
			if len(prefix) >= firstSentence {
				t.Errorf("cut at %d: %v", n, err)
			}
			continue
		}
		r, fr := im.Round, full.Round
		for _, f := range [][2]any{{r.Inspector, fr.Inspector}, {r.Unit, fr.Unit}, {r.OnsiteStart, fr.OnsiteStart},
			{r.OnsiteEnd, fr.OnsiteEnd}, {r.FeedbackDate, fr.FeedbackDate}} {
			if !reflect.ValueOf(f[0]).IsZero() && f[0] != f[1] {
				t.Errorf("cut at %d: fact %v, the whole report says %v", n, f[0], f[1])
			}
		}
		if len(prefix) >= totalsLine && im.Declared != full.Declared {
			t.Errorf("cut at %d: declared %+v", n, im.Declared)
		}
		got, want := flatten(im), flatten(full)
		if len(got) > len(want) {
			t.Fatalf("cut at %d: %d problems, more than the whole report's", n, len(got))
		}
		for i, p := range got {
			w := want[i]
			last := i == len(got)-1
			switch {
			case !last && !reflect.DeepEqual(p, w):
				t.Errorf("cut at %d: problem %d differs:\n%+v\n%+v", n, p.Seq, p, w)
			case last && (p.Seq != w.Seq || !strings.HasPrefix(w.Title, p.Title) || !strings.HasPrefix(w.Rectification, p.Rectification)):
				t.Errorf("cut at %d: the last problem is not the beginning of the whole one:\n%+v\n%+v", n, p, w)
			}
		}
		if len(got) < len(want) && len(im.Warnings) == 0 {
			t.Errorf("cut at %d: %d of %d problems and no warning", n, len(got), len(want))
		}
	}
}

func flatten(im *zhenggai.Imported) []zhenggai.ImportedProblem {
	var out []zhenggai.ImportedProblem
	for _, c := range im.Categories {
		out = append(out, c.Problems...)
	}
	return out
}

// TestInvisibleCharacters: format characters, private-use characters and
// noncharacters pasted with a report are removed, and the import says so;
// a line separator is a line break. The rest reads as without them.
func TestInvisibleCharacters(t *testing.T) {
	text := edit(t, mini,
		"县委第二巡察组对", "县委第二\u200b巡察组对",
		"学习不深入", "学习\u202e不深入",
		"笔记不全", "笔记\ufeff不\u200e全\ue000",
		"凭证未审签。\n", "凭证未审签。\u2028",
		"中共县文旅局党组", "中共县文旅局党组\ufdd0",
	)
	im := mustParse(t, text)
	want := mustParse(t, mini)
	if !reflect.DeepEqual(im.Round, want.Round) || !reflect.DeepEqual(im.Categories, want.Categories) || im.Declared != want.Declared {
		t.Errorf("differs from the clean text:\n%+v\n%+v", im, want)
	}
	msg := "文本中有7个不可见字符（U+200B零宽空格1个、U+202E从右至左覆盖1个、U+FEFF零宽不换行空格1个、U+200E从左至右标记1个、私用区字符1个、U+2028行分隔符1个、非字符1个），已删除（行、段分隔符已换成换行），以免带入标题和正文"
	if !reflect.DeepEqual(im.Warnings, []string{msg}) {
		t.Errorf("warnings %q", im.Warnings)
	}
	// A byte-order mark at the start is what Notepad writes: no warning.
	if im := mustParse(t, "\ufeff"+mini); len(im.Warnings) != 0 {
		t.Errorf("BOM: %q", im.Warnings)
	}
	for _, s := range []string{im.Round.Unit, im.Round.Signature, im.Categories[0].Title, im.Categories[0].Problems[1].Title} {
		if strings.ContainsFunc(s, invisible) {
			t.Errorf("%q keeps an invisible character", s)
		}
	}
}

// TestContext: a parse stops when its caller goes away, and when the time
// budget is spent.
func TestContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	im, err := ParseContext(ctx, sample.Sangzhi)
	if im != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: %v, %v", im, err)
	}

	saved := budget
	budget = time.Nanosecond
	defer func() { budget = saved }()
	im, err = Parse(strings.Repeat(sample.Sangzhi, 20))
	var e *zhenggai.Error
	if im != nil || !errors.As(err, &e) || e.Code != zhenggai.EINVALID || !strings.Contains(e.Message, "解析超过1ns仍未完成") {
		t.Errorf("over budget: %v, %v", im, err)
	}
}

// TestTooLarge: a text above the bound is refused before it is read.
func TestTooLarge(t *testing.T) {
	_, err := Parse(strings.Repeat("甲", maxText/3+1))
	if zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), "文本过大") {
		t.Errorf("got %v", err)
	}
	if !utf8.ValidString(err.Error()) {
		t.Error("message not UTF-8")
	}
}

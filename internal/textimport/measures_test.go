package textimport

import (
	"reflect"
	"strings"
	"testing"

	"zhenggai"
)

func contents(ms []zhenggai.ImportedMeasure) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, m.Content)
	}
	return out
}

func TestSplitMeasures(t *testing.T) {
	var long strings.Builder
	var want12 []string
	for k := 1; k <= 12; k++ {
		long.WriteString(zhenggai.Numeral(k) + "是措施" + zhenggai.Numeral(k) + "。")
		want12 = append(want12, "措施"+zhenggai.Numeral(k)+"。")
	}
	cases := []struct {
		name, in string
		want     []string
	}{
		{"empty", "  \n", []string{}},
		{"list", "一是加强学习。二是加强检查。三是强化效果。", []string{"加强学习。", "加强检查。", "强化效果。"}},
		{"no list", "坚持精简原则,统筹安排各项会议。", []string{"坚持精简原则,统筹安排各项会议。"}},
		{"一是inside a word", "坚持统一是原则。二是不动摇。", []string{"坚持统一是原则。二是不动摇。"}},
		{"missing 是 on the first", "一不断深化改革。二是优化结构。三是提升能力。", []string{"不断深化改革。", "优化结构。", "提升能力。"}},
		{"leading 一 without 二是", "一岗双责落实到位。", []string{"一岗双责落实到位。"}},
		{"out of sequence", "一是加强学习。三是强化效果。", []string{"加强学习。三是强化效果。"}},
		{"二是not at a boundary", "一是加强学习和二是非观念教育。三是强化效果。", []string{"加强学习和二是非观念教育。三是强化效果。"}},
		{"commas and semicolons", "一是加强学习,二是加强检查;三是强化效果", []string{"加强学习", "加强检查", "强化效果"}},
		{"full-width", "一是加强学习；二是：加强检查，三是强化效果。", []string{"加强学习", "加强检查", "强化效果。"}},
		{"lead-in", "高度重视,采取以下措施:一是加强学习。二是加强检查。", []string{"加强学习。", "加强检查。"}},
		{"lines", "一是加强学习。\n二是加强检查。", []string{"加强学习。", "加强检查。"}},
		{"empty item", "一是。二是加强检查。", []string{"加强检查。"}},
		{"past ten", long.String(), want12},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := contents(splitMeasures(c.in))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("splitMeasures(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

func TestMeasureKind(t *testing.T) {
	cases := map[string]zhenggai.MeasureKind{
		"修订完善了《档案管理制度》。":   zhenggai.MeasureMechanism,
		"已建立退休领导干部兼职管理台帐。": zhenggai.MeasureMechanism,
		"制定了因私出国(境)管理制度。":  zhenggai.MeasureMechanism,
		"认真查找缺失的提案办理资料。":   zhenggai.MeasureImmediate,
		"对报销手续不全等问题立行立改。":  zhenggai.MeasureImmediate,
		"形成了政协委员届内动态调整机制。": zhenggai.MeasureMechanism,
	}
	for in, want := range cases {
		if got := measureKind(in); got != want {
			t.Errorf("measureKind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	in := "（一）反馈问题：学习１２３\u3000，ａ"
	n := normalize(in)
	if n.norm != "(一)反馈问题:学习123 ,a" {
		t.Fatalf("norm = %q", n.norm)
	}
	i := strings.Index(n.norm, "学习")
	if got := n.slice(i, len(n.norm)); got != "学习１２３\u3000，ａ" {
		t.Errorf("slice = %q", got)
	}
	if same := normalize("(一)学习"); same.off != nil || same.norm != "(一)学习" {
		t.Error("plain text should not be copied")
	}
}

func TestDates(t *testing.T) {
	hits := findDates("2020年5月11日至6月19日,巡察。2020年7月27日反馈。12月20日—1月10日。2020 年 3 月 1 日")
	if len(hits) != 4 {
		t.Fatalf("hits %+v", hits)
	}
	if h := hits[0]; !h.isRange || h.a != (pdate{2020, 5, 11}) || h.b != (pdate{0, 6, 19}) {
		t.Errorf("range %+v", h)
	}
	if h := hits[1]; h.isRange || h.a != (pdate{2020, 7, 27}) {
		t.Errorf("date %+v", h)
	}
	if h := hits[2]; !h.isRange || h.a != (pdate{0, 12, 20}) || h.b != (pdate{0, 1, 10}) {
		t.Errorf("range %+v", h)
	}
	if h := hits[3]; h.a != (pdate{2020, 3, 1}) {
		t.Errorf("spaced date %+v", h)
	}
}

package textimport

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/sample"
)

// mini is a small report in the seed's layout; line numbers matter to the
// expected warnings.
const mini = `根据县委统一部署,2021年3月1日至4月15日,县委第二巡察组对县文旅局党组进行了巡察。2021年5月10日,县委第二巡察组向县文旅局党组反馈了巡察意见。
一、组织整改落实情况
截至8月31日,巡察反馈的2个问题3个具体问题,已完成整改2个,正在整改1个。
(一)提高政治站位,严格落实责任。召开党组会议2次。
二、巡察反馈问题整改进展情况
(一)反馈问题:学习不深入。
1.学习不够。
整改情况:一是加强学习。二是建立学习制度。
2.笔记不全。
整改情况:已补齐笔记。
(二)反馈问题:财务管理不规范。
3.凭证未审签。
整改情况:一是修订完善财务制度。二是逐笔补签。
三、下一步工作
继续抓好整改。
中共县文旅局党组
2021年8月31日
`

const missingTotals = "未找到整改总体情况（如“截至10月28日，巡察反馈的14个问题38个具体问题，已完成整改35个”），公布的数字均记为0"

var noRound = []string{
	"未找到巡察组名称（如“市委第七巡察组”）",
	"未找到被巡察单位名称",
	"未找到巡察进驻时间（如“2020年5月11日至6月19日”）",
	"未找到巡察反馈日期",
}

// edit replaces old with new in s once, and fails the test when old is not
// there, so that a case cannot silently test the unedited text.
func edit(t *testing.T, s string, pairs ...string) string {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("edit: %q not in text", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func titles(im *zhenggai.Imported) (cats []string, probs []string) {
	for _, c := range im.Categories {
		cats = append(cats, c.Title)
		for _, p := range c.Problems {
			probs = append(probs, p.Title)
		}
	}
	return cats, probs
}

func seqs(im *zhenggai.Imported) []int {
	var out []int
	for _, c := range im.Categories {
		for _, p := range c.Problems {
			out = append(out, p.Seq)
		}
	}
	return out
}

func TestMini(t *testing.T) {
	im := mustParse(t, mini)
	want := &zhenggai.Imported{
		Round: zhenggai.ImportedRound{
			Inspector:    "县委第二巡察组",
			Unit:         "县文旅局党组",
			Kind:         zhenggai.KindInspection,
			OnsiteStart:  zhenggai.NewDate(2021, 3, 1),
			OnsiteEnd:    zhenggai.NewDate(2021, 4, 15),
			FeedbackDate: zhenggai.NewDate(2021, 5, 10),
			LeadingGroup: "(一)提高政治站位,严格落实责任。召开党组会议2次。",
			FollowUp:     "继续抓好整改。",
			Signature:    "中共县文旅局党组",
			Signed:       zhenggai.NewDate(2021, 8, 31),
		},
		Declared: zhenggai.Declared{
			AsOf: zhenggai.NewDate(2021, 8, 31), Categories: 2, Problems: 3, Completed: 2, InProgress: 1,
		},
		Categories: []zhenggai.ImportedCategory{
			{Seq: 1, Title: "学习不深入", Problems: []zhenggai.ImportedProblem{
				{Seq: 1, Title: "学习不够。", Rectification: "一是加强学习。二是建立学习制度。", Measures: []zhenggai.ImportedMeasure{
					{Content: "加强学习。", Kind: zhenggai.MeasureImmediate},
					{Content: "建立学习制度。", Kind: zhenggai.MeasureMechanism},
				}},
				{Seq: 2, Title: "笔记不全。", Rectification: "已补齐笔记。", Measures: []zhenggai.ImportedMeasure{
					{Content: "已补齐笔记。", Kind: zhenggai.MeasureImmediate},
				}},
			}},
			{Seq: 2, Title: "财务管理不规范", Problems: []zhenggai.ImportedProblem{
				{Seq: 3, Title: "凭证未审签。", Rectification: "一是修订完善财务制度。二是逐笔补签。", Measures: []zhenggai.ImportedMeasure{
					{Content: "修订完善财务制度。", Kind: zhenggai.MeasureMechanism},
					{Content: "逐笔补签。", Kind: zhenggai.MeasureImmediate},
				}},
			}},
		},
		Warnings: []string{},
	}
	if !reflect.DeepEqual(im, want) {
		t.Errorf("got  %+v\nwant %+v", im, want)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, text, msg string
	}{
		{"empty", "", "文本为空"},
		{"blank", " \r\n\u3000\t\n", "文本为空"},
		{"prose", "今天天气很好。我们去公园散步,然后回家吃饭。\n明天继续。", "未找到巡察组、被巡察单位、整改总体情况或具体问题"},
		{"headings only", "一、组织整改落实情况\n二、巡察反馈问题整改进展情况\n三、下一步工作", "未找到巡察组、被巡察单位、整改总体情况或具体问题"},
		{"invalid utf8", mini[:60] + "\xff\xfe\xfd" + mini[60:], "不是有效的UTF-8编码"},
		{"gbk", "\xd5\xfb\xb8\xc4\xc7\xe9\xbf\xf6", "不是有效的UTF-8编码"},
		{"utf16", "\xff\xfe(\x00\x00N", "UTF-16"},
		{"binary", "PK\x03\x04\x00\x00\x08\x00(一)反馈问题:学习", "二进制"},
		{"controls", strings.Repeat("\x01\x02\x03", 10), "控制字符"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			im, err := Parse(c.text)
			if err == nil {
				t.Fatalf("no error, got %+v", im)
			}
			var e *zhenggai.Error
			if !errors.As(err, &e) || e.Code != zhenggai.EINVALID {
				t.Fatalf("err = %#v, want *zhenggai.Error with code %q", err, zhenggai.EINVALID)
			}
			if !strings.Contains(e.Message, c.msg) {
				t.Errorf("message %q does not say %q", e.Message, c.msg)
			}
			if im != nil {
				t.Errorf("result %+v with an error", im)
			}
		})
	}
}

func TestParseWarnings(t *testing.T) {
	cases := []struct {
		name  string
		text  func(t *testing.T) string
		warns []string
		check func(t *testing.T, im *zhenggai.Imported)
	}{
		{
			name: "missing totals",
			text: func(t *testing.T) string {
				return edit(t, mini, "截至8月31日,巡察反馈的2个问题3个具体问题,已完成整改2个,正在整改1个。\n", "")
			},
			warns: []string{missingTotals},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if im.Declared != (zhenggai.Declared{}) {
					t.Errorf("declared = %+v, want zero", im.Declared)
				}
				if im.ProblemCount() != 3 {
					t.Errorf("%d problems", im.ProblemCount())
				}
			},
		},
		{
			name: "problem before any category",
			text: func(t *testing.T) string {
				return edit(t, mini, "二、巡察反馈问题整改进展情况\n", "二、巡察反馈问题整改进展情况\n1.孤立的问题。\n整改情况:一是无从归类。\n")
			},
			warns: []string{"第6行：具体问题“1.孤立的问题。”出现在任何问题类别之前，未能导入"},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if got := seqs(im); !reflect.DeepEqual(got, []int{1, 2, 3}) {
					t.Errorf("problems %v", got)
				}
			},
		},
		{
			name:  "duplicate problem number",
			text:  func(t *testing.T) string { return edit(t, mini, "3.凭证未审签。", "2.凭证未审签。") },
			warns: []string{"第12行：具体问题序号2重复", "具体问题有重复的序号，导入时按先后顺序统一编为1至3号"},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if got := seqs(im); !reflect.DeepEqual(got, []int{1, 2, 3}) {
					t.Errorf("problems %v", got)
				}
			},
		},
		{
			name:  "problem number out of sequence",
			text:  func(t *testing.T) string { return edit(t, mini, "3.凭证未审签。", "5.凭证未审签。") },
			warns: []string{"第12行：具体问题序号应为3，实际为5"},
		},
		{
			name:  "category number out of sequence",
			text:  func(t *testing.T) string { return edit(t, mini, "(二)反馈问题", "(四)反馈问题") },
			warns: []string{"第11行：问题类别序号应为(二)，实际为(四)"},
		},
		{
			name:  "duplicate category number",
			text:  func(t *testing.T) string { return edit(t, mini, "(二)反馈问题", "(一)反馈问题") },
			warns: []string{"第11行：问题类别序号(一)重复", "问题类别有重复的序号，导入时按先后顺序统一编为(一)至(二)"},
		},
		{
			name:  "numbering restarts in each category",
			text:  func(t *testing.T) string { return edit(t, mini, "3.凭证未审签。", "1.凭证未审签。") },
			warns: []string{"具体问题在各问题类别中分别编号，导入时按先后顺序统一编为1至3号"},
			check: func(t *testing.T, im *zhenggai.Imported) {
				// The ledger numbers problems once in a round.
				if got := seqs(im); !reflect.DeepEqual(got, []int{1, 2, 3}) {
					t.Errorf("problems %v", got)
				}
			},
		},
		{
			name: "declared totals disagree",
			text: func(t *testing.T) string {
				return edit(t, mini, "2个问题3个具体问题", "3个问题5个具体问题")
			},
			warns: []string{"公布3个问题，实际解析出2个", "公布5个具体问题，实际解析出3个"},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if im.Declared.Categories != 3 || im.Declared.Problems != 5 {
					t.Errorf("declared = %+v: must be kept as written", im.Declared)
				}
			},
		},
		{
			name:  "declared completions exceed problems",
			text:  func(t *testing.T) string { return edit(t, mini, "已完成整改2个", "已完成整改3个") },
			warns: []string{"公布的已完成、基本完成等数字之和（4个）大于公布的具体问题数（3个）"},
		},
		{
			name: "other totals forms",
			text: func(t *testing.T) string {
				return edit(t, mini, "截至8月31日,巡察反馈的2个问题3个具体问题,已完成整改2个,正在整改1个。",
					"截止2021年8月31日，巡察反馈的2个方面3个问题，完成整改2个、未完成1个，总体完成率67%。")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				want := zhenggai.Declared{AsOf: zhenggai.NewDate(2021, 8, 31), Categories: 2, Problems: 3, Completed: 2, NotCompleted: 1, RatePercent: 67}
				if im.Declared != want {
					t.Errorf("declared = %+v, want %+v", im.Declared, want)
				}
			},
		},
		{
			name: "as of in the year after the feedback",
			text: func(t *testing.T) string {
				return edit(t, mini, "2021年3月1日至4月15日", "2021年9月1日至10月15日", "2021年5月10日", "2021年11月10日", "截至8月31日", "截至1月31日")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if got, want := im.Declared.AsOf, zhenggai.NewDate(2022, 1, 31); got != want {
					t.Errorf("as of %v, want %v", got, want)
				}
			},
		},
		{
			name: "as of the signing date",
			text: func(t *testing.T) string { return edit(t, mini, "截至8月31日", "截至目前") },
			check: func(t *testing.T, im *zhenggai.Imported) {
				if got, want := im.Declared.AsOf, zhenggai.NewDate(2021, 8, 31); got != want {
					t.Errorf("as of %v, want %v", got, want)
				}
			},
		},
		{
			name: "line outside any problem",
			text: func(t *testing.T) string {
				return edit(t, mini, "二、巡察反馈问题整改进展情况\n", "二、巡察反馈问题整改进展情况\n对照问题清单逐项整改,情况如下:\n")
			},
			warns: []string{"第6行未能归入任何具体问题，已忽略：“对照问题清单逐项整改,情况如下:”"},
		},
		{
			name: "反馈问题 heading outside section 二",
			text: func(t *testing.T) string {
				return edit(t, mini, "(一)提高政治站位,严格落实责任。召开党组会议2次。", "(一)反馈问题:提高政治站位。")
			},
			warns: []string{"第4行“(一)反馈问题:提高政治站位。”不在问题整改进展情况部分，未作为问题类别导入"},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if len(im.Categories) != 2 {
					t.Errorf("%d categories", len(im.Categories))
				}
			},
		},
		{
			name: "category without 反馈问题 inside section 二",
			text: func(t *testing.T) string {
				return edit(t, mini, "(一)反馈问题:学习不深入。", "(一)学习不深入。")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if cats, _ := titles(im); !reflect.DeepEqual(cats, []string{"学习不深入", "财务管理不规范"}) {
					t.Errorf("categories %q", cats)
				}
			},
		},
		{
			name: "no section headings",
			text: func(t *testing.T) string {
				return edit(t, mini, "一、组织整改落实情况\n", "", "二、巡察反馈问题整改进展情况\n", "", "三、下一步工作\n继续抓好整改。\n", "",
					"(一)提高政治站位,严格落实责任。召开党组会议2次。\n", "")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if got := seqs(im); !reflect.DeepEqual(got, []int{1, 2, 3}) {
					t.Errorf("problems %v", got)
				}
				if r := im.Categories[1].Problems[0].Rectification; r != "一是修订完善财务制度。二是逐笔补签。" {
					t.Errorf("the signature leaked into the last rectification: %q", r)
				}
				if im.Declared.Problems != 3 {
					t.Errorf("declared %+v", im.Declared)
				}
			},
		},
		{
			name: "巡视",
			text: func(t *testing.T) string {
				return strings.ReplaceAll(strings.ReplaceAll(mini, "县委第二巡察组", "省委第三巡视组"), "进行了巡察", "进行了巡视")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if im.Round.Kind != zhenggai.KindTour || im.Round.Inspector != "省委第三巡视组" {
					t.Errorf("round %+v", im.Round)
				}
			},
		},
		{
			name: "progress on the problem line",
			text: func(t *testing.T) string {
				return edit(t, mini, "1.学习不够。\n整改情况:", "1.学习不够。 整改情况：")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				p := im.Categories[0].Problems[0]
				if p.Title != "学习不够。" || p.Rectification != "一是加强学习。二是建立学习制度。" || len(p.Measures) != 2 {
					t.Errorf("problem %+v", p)
				}
			},
		},
		{
			name: "progress without a label",
			text: func(t *testing.T) string {
				return edit(t, mini, "整改情况:已补齐笔记。", "已补齐笔记。")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if p := im.Categories[0].Problems[1]; p.Title != "笔记不全。" || p.Rectification != "已补齐笔记。" {
					t.Errorf("problem %+v", p)
				}
			},
		},
		{
			name: "title on two lines",
			text: func(t *testing.T) string {
				return edit(t, mini, "1.学习不够。\n", "1.学习不够。\n笔记检查不及时。\n")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if p := im.Categories[0].Problems[0]; p.Title != "学习不够。笔记检查不及时。" || len(p.Measures) != 2 {
					t.Errorf("problem %+v", p)
				}
			},
		},
		{
			name: "rectification on several lines",
			text: func(t *testing.T) string {
				return edit(t, mini, "整改情况:已补齐笔记。\n", "整改情况:已补齐笔记。\n一是逐人检查。\n二是定期通报。\n")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				p := im.Categories[0].Problems[1]
				if p.Rectification != "已补齐笔记。\n一是逐人检查。\n二是定期通报。" || len(p.Measures) != 2 || p.Measures[1].Content != "定期通报。" {
					t.Errorf("problem %+v", p)
				}
			},
		},
		{
			name:  "date that does not exist",
			text:  func(t *testing.T) string { return edit(t, mini, "2021年5月10日", "2021年2月30日") },
			warns: []string{"巡察反馈日期“2021年2月30日”不是有效日期"},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if !im.Round.FeedbackDate.IsZero() {
					t.Errorf("feedback %v", im.Round.FeedbackDate)
				}
			},
		},
		{
			name: "category without problems",
			text: func(t *testing.T) string { return "(一)反馈问题:学习不深入。\n" },
			warns: append(append([]string{}, noRound...), "问题类别(一)“学习不深入”下没有解析到具体问题",
				"文本在第1行“(一)反馈问题:学习不深入。”处中断（停在问题类别(一)“学习不深入”，其下尚无具体问题），其后内容缺失（可能复制不全或文件被截断）；已导入此前读到的1个问题类别、0个具体问题",
				missingTotals),
			check: func(t *testing.T, im *zhenggai.Imported) {
				if len(im.Categories) != 1 || im.Categories[0].Problems == nil {
					t.Errorf("categories %+v", im.Categories)
				}
			},
		},
		{
			name: "CRLF line ends",
			text: func(t *testing.T) string { return strings.ReplaceAll(mini, "\n", "\r\n") },
			check: func(t *testing.T, im *zhenggai.Imported) {
				if want := mustParse(t, mini); !reflect.DeepEqual(im, want) {
					t.Errorf("CRLF differs from LF:\n%+v\n%+v", im, want)
				}
			},
		},
		{
			name: "old Mac line ends",
			text: func(t *testing.T) string { return strings.ReplaceAll(mini, "\n", "\r") },
			check: func(t *testing.T, im *zhenggai.Imported) {
				if want := mustParse(t, mini); !reflect.DeepEqual(im, want) {
					t.Errorf("CR differs from LF:\n%+v\n%+v", im, want)
				}
			},
		},
		{
			name: "truncated in the middle of a character",
			text: func(t *testing.T) string {
				i := strings.Index(sample.Sangzhi, "(八)反馈问题")
				i = strings.Index(sample.Sangzhi[i:], "整改情况") + i + 1 // inside 整
				if utf8.ValidString(sample.Sangzhi[:i]) {
					t.Fatal("the cut should split a character")
				}
				return sample.Sangzhi[:i]
			},
			warns: []string{
				"文本末尾有一个不完整的字符（文件可能被截断），已忽略",
				"文本在第46行“…员不知道支部书记是谁,支部委员不知道自己是委员。”处中断（停在具体问题16“党组书记履行抓党建职责落实不到位。党组带头作用不…”的标题中），其后内容缺失（可能复制不全或文件被截断）；已导入此前读到的8个问题类别、16个具体问题",
				"公布14个问题，实际解析出8个", "公布38个具体问题，实际解析出16个",
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if got := seqs(im); len(got) != 16 || got[15] != 16 {
					t.Errorf("problems %v", got)
				}
				if p := im.Categories[7].Problems[0]; p.Title != "党组书记履行抓党建职责落实不到位。党组带头作用不强,暮气较重,普遍存在“船到码头车到站”的思想,自身建设降格以求。党组班子和干部普遍以县委县政府中心工作繁重为由,松懈政协业务工作,不能平衡好政协本职工作与县委县政府中心工作的关系。党建专干更换频繁,甚至普通党员不知道支部书记是谁,支部委员不知道自己是委员。" || p.Rectification != "" || len(p.Measures) != 0 {
					t.Errorf("last problem %+v", p)
				}
				if im.Round.Inspector != "市委第七巡察组" || im.Declared.Problems != 38 {
					t.Errorf("round %+v, declared %+v", im.Round, im.Declared)
				}
			},
		},
		{
			name: "truncated at a line",
			text: func(t *testing.T) string {
				return sample.Sangzhi[:strings.Index(sample.Sangzhi, "(三)反馈问题")]
			},
			warns: []string{
				"文本在第17行“…及时发布日常工作动态,充分展现了政协委员的风采。”之后没有结束部分，读到的具体问题（4个）少于公布的数量，其后内容可能缺失（可能复制不全或文件被截断）；最后读到的是具体问题4“未根据中办《关于新时代加强和改进人民政协工作的意…”",
				"公布14个问题，实际解析出2个", "公布38个具体问题，实际解析出4个",
			},
		},
		{
			// Found by FuzzParse: the last category empty because its first
			// heading was mistyped, the text ending on a whole sentence.
			name: "truncated after a category whose heading was mistyped",
			text: func(t *testing.T) string {
				i := strings.Index(sample.Sangzhi, "(三)反馈问题")
				j := strings.Index(sample.Sangzhi[i:], "\n") + i + 1
				return sample.Sangzhi[:j] + "坳于选人用人把关不严的问题。\n"
			},
			warns: []string{
				"第19行未能归入任何具体问题，已忽略：“坳于选人用人把关不严的问题。”",
				"问题类别(三)“党组对意识形态工作重视不够”下没有解析到具体问题",
				"文本在第19行“坳于选人用人把关不严的问题。”之后没有结束部分，读到的具体问题（4个）少于公布的数量，其后内容可能缺失（可能复制不全或文件被截断）；最后读到的是具体问题4“未根据中办《关于新时代加强和改进人民政协工作的意…”",
				"公布14个问题，实际解析出3个", "公布38个具体问题，实际解析出4个",
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			im := mustParse(t, c.text(t))
			warns := c.warns
			if warns == nil {
				warns = []string{}
			}
			if !reflect.DeepEqual(im.Warnings, warns) {
				t.Errorf("warnings:\n got %q\nwant %q", im.Warnings, warns)
			}
			if c.check != nil {
				c.check(t, im)
			}
		})
	}
}

func TestScanTotals(t *testing.T) {
	cases := []struct {
		in   string
		want zhenggai.Declared
	}{
		{"巡察反馈的14个问题38个具体问题,已完成整改35个,基本完成整改3个", zhenggai.Declared{Categories: 14, Problems: 38, Completed: 35, BasicallyCompleted: 3}},
		{"巡察反馈的697个问题,完成整改688个,基本完成取得阶段性成果并持续整改问题4个,未完成5个,总体完成率98.71%", zhenggai.Declared{Problems: 697, Completed: 688, BasicallyCompleted: 4, NotCompleted: 5, RatePercent: 98}},
		{"巡察反馈25个问题,已完成整改19个、正在整改6个,整改完成率76%", zhenggai.Declared{Problems: 25, Completed: 19, InProgress: 6, RatePercent: 76}},
		{"巡察反馈的4个方面12个问题已全部完成整改", zhenggai.Declared{Categories: 4, Problems: 12, Completed: 12}},
		{"反馈具体问题38个,已整改完成30个", zhenggai.Declared{Problems: 38, Completed: 30}},
		{"已组织集中学习10次,完成党课3次", zhenggai.Declared{}},
		{"反馈的3个方面7个问题中,已整改到位5个,序时推进2个", zhenggai.Declared{Categories: 3, Problems: 7, Completed: 5, InProgress: 2}},
		{"反馈问题20个,已整改18个,未整改2个", zhenggai.Declared{Problems: 20, Completed: 18, NotCompleted: 2}},
		{"反馈的9个问题,已销号7个,推进中2个,总体完成率77.8%", zhenggai.Declared{Problems: 9, Completed: 7, InProgress: 2, RatePercent: 77}},
		{"巡视反馈的3个方面12个问题,完成整改10个,正在整改1个,未完成1个,总体完成率83%", zhenggai.Declared{Categories: 3, Problems: 12, Completed: 10, InProgress: 1, NotCompleted: 1, RatePercent: 83}},
	}
	for _, c := range cases {
		if got := scanTotals(c.in).d; got != c.want {
			t.Errorf("scanTotals(%q)\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
}

// A report that heads its categories (一)在“…”方面, with no 二、 section
// and no 反馈问题 prefix.
const aspects = `根据区委统一部署，2022年9月16日至10月18日，区委第二巡察组对区文旅体局党组进行了巡察。2023年1月17日，区委巡察组向区文旅体局党组反馈了巡察意见。
区文旅体局党组把巡察整改作为重大政治任务来抓。截至目前，巡察反馈3个问题，已完成整改2个、正在整改1个，整改完成率67%。
（一）在“贯彻落实上级决策部署不够有力”方面
1.关于“学习贯彻上级重大决策部署不够到位”问题的整改
整改情况：一是制定年度学习计划；二是开展专题学习4次。
2.关于“党组领导核心作用发挥不足”问题的整改
整改情况：修订完善党组工作规则。
（二）在“全面从严治党不够有力”方面
3.关于“廉政风险防控不到位”问题的整改
整改情况：正在排查廉政风险点。
中共金华市婺城区文化和旅游体育局党组
2023年5月4日
`

func TestAspectsReport(t *testing.T) {
	im := mustParse(t, aspects)
	if len(im.Warnings) != 0 {
		t.Errorf("warnings %q", im.Warnings)
	}
	want := zhenggai.ImportedRound{
		Inspector: "区委第二巡察组", Unit: "区文旅体局党组", Kind: zhenggai.KindInspection,
		OnsiteStart: zhenggai.NewDate(2022, 9, 16), OnsiteEnd: zhenggai.NewDate(2022, 10, 18), FeedbackDate: zhenggai.NewDate(2023, 1, 17),
	}
	if im.Round.Facts() != want {
		t.Errorf("round %+v", im.Round)
	}
	if d := (zhenggai.Declared{AsOf: zhenggai.NewDate(2023, 5, 4), Problems: 3, Completed: 2, InProgress: 1, RatePercent: 67}); im.Declared != d {
		t.Errorf("declared %+v", im.Declared)
	}
	cats, probs := titles(im)
	if !reflect.DeepEqual(cats, []string{"在“贯彻落实上级决策部署不够有力”方面", "在“全面从严治党不够有力”方面"}) {
		t.Errorf("categories %q", cats)
	}
	if len(probs) != 3 || probs[2] != "关于“廉政风险防控不到位”问题的整改" {
		t.Errorf("problems %q", probs)
	}
	if got := contents(im.Categories[0].Problems[0].Measures); !reflect.DeepEqual(got, []string{"制定年度学习计划", "开展专题学习4次。"}) {
		t.Errorf("measures %q", got)
	}
	if r := im.Categories[1].Problems[0].Rectification; r != "正在排查廉政风险点。" {
		t.Errorf("the signature leaked into the last rectification: %q", r)
	}
}

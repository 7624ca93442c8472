package textimport

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"zhenggai"
)

// halfWidth is a text as typed with half-width punctuation and digits.
func halfWidth(s string) string { return normalize(s).norm }

func measureCount(im *zhenggai.Imported) int {
	n := 0
	for _, c := range im.Categories {
		for _, p := range c.Problems {
			n += len(p.Measures)
		}
	}
	return n
}

// TestShapes reads invented reports written in each shape real ones take
// (testdata/shapes), and checks what a clerk checks: the round, the
// declared totals and outcomes, how many categories, problems and
// measures, and the warnings; or the refusal, and its reason. Each is read
// as written, with its punctuation and digits made full-width, and made
// half-width: the facts must not change.
func TestShapes(t *testing.T) {
	d := zhenggai.NewDate
	type round = zhenggai.ImportedRound
	cases := []struct {
		file                  string
		round                 round
		declared              zhenggai.Declared
		cats, probs, measures int
		warns                 []string // as written
		refused               string   // part of the refusal
		check                 func(t *testing.T, im *zhenggai.Imported)
	}{
		{
			// Problems directly under section 二 (反馈意见整改落实情况), each
			// 1.关于“…”问题 with its 整改情况; outcomes in section 一.
			file:  "direct-guanyu.txt",
			round: round{Inspector: "县委第三巡察组", Unit: "县市场监管局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2023, 4, 10), OnsiteEnd: d(2023, 5, 26), FeedbackDate: d(2023, 7, 12)},
			declared: zhenggai.Declared{AsOf: d(2023, 10, 31), Problems: 9, Completed: 7, InProgress: 2, RatePercent: 77,
				Outcomes: zhenggai.Outcomes{Rules: 6, RefundedFen: 1_350_000, Talks: 3}},
			cats: 1, probs: 9, measures: 11,
			warns: []string{"报告中的具体问题没有上一级问题类别，已归入问题类别“巡察反馈的问题”，导入后可修改"},
			check: func(t *testing.T, im *zhenggai.Imported) {
				r := im.Round
				if r.Title != "中共临江县市场监督管理局党组关于县委巡察整改进展情况的通报" || r.Signature != "中共临江县市场监督管理局党组" || r.Signed != d(2023, 11, 6) {
					t.Errorf("title %q, signature %q %v", r.Title, r.Signature, r.Signed)
				}
				if !strings.HasPrefix(r.LeadingGroup, "局党组成立了由党组书记任组长的巡察整改工作领导小组") || strings.Contains(r.LeadingGroup, "截至") {
					t.Errorf("leading group keeps the totals sentence or lost its own: %q", r.LeadingGroup)
				}
				if r.FollowUp != "局党组将持续巩固整改成果，对未完成整改的问题紧盯不放。" {
					t.Errorf("follow-up %q", r.FollowUp)
				}
				if p := im.Categories[0].Problems[8]; p.Seq != 9 || p.Title != "关于“档案管理不规范”问题" {
					t.Errorf("problem 9 %+v", p)
				}
			},
		},
		{
			// 一、关于“…”问题 as problems, 一是… paragraphs without a label,
			// the group and the feedback in two sentences, 已全部完成整改.
			file:     "direct-yi-problems.txt",
			round:    round{Inspector: "市委第一巡察组", Unit: "市水利局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2022, 11, 21), OnsiteEnd: d(2023, 1, 13), FeedbackDate: d(2023, 3, 2)},
			declared: zhenggai.Declared{AsOf: d(2023, 6, 30), Problems: 5, Completed: 5},
			cats:     1, probs: 5, measures: 7,
			warns: []string{"报告中的具体问题没有上一级问题类别，已归入问题类别“巡察反馈的问题”，导入后可修改"},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if got := contentsOf(im, 2); !reflect.DeepEqual(got, []string{"修订河湖长巡河制度", "开展“清四乱”专项行动，清理问题点位41处。"}) {
					t.Errorf("measures of problem 2: %q", got)
				}
			},
		},
		{
			// (一)关于…方面 as problems with their 整改情况, under section 二.
			file:     "aspects-problems.txt",
			round:    round{Inspector: "县委第一巡察组", Unit: "县民政局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2023, 6, 5), OnsiteEnd: d(2023, 7, 14), FeedbackDate: d(2023, 9, 1)},
			declared: zhenggai.Declared{AsOf: d(2023, 12, 15), Problems: 4, Completed: 3, InProgress: 1},
			cats:     1, probs: 4, measures: 5,
			warns: []string{"报告中的具体问题没有上一级问题类别，已归入问题类别“巡察反馈的问题”，导入后可修改"},
		},
		{
			// (一)…方面 with nothing under them, and the report declares them
			// as 六个方面: categories whose problems are not listed.
			file:     "aspects-list-only.txt",
			round:    round{Inspector: "区委第二巡察组", Unit: "区农业农村局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2024, 3, 18), OnsiteEnd: d(2024, 5, 10), FeedbackDate: d(2024, 6, 14)},
			declared: zhenggai.Declared{AsOf: d(2024, 9, 30), Categories: 6},
			cats:     6, probs: 0, measures: 0,
			warns: []string{
				"问题类别(一)“关于贯彻落实乡村振兴战略方面”下没有解析到具体问题",
				"问题类别(二)“关于落实全面从严治党主体责任方面”下没有解析到具体问题",
				"问题类别(三)“关于执行中央八项规定精神方面”下没有解析到具体问题",
				"问题类别(四)“关于基层党组织建设方面”下没有解析到具体问题",
				"问题类别(五)“关于选人用人方面”下没有解析到具体问题",
				"问题类别(六)“关于巡视巡察整改方面”下没有解析到具体问题",
			},
		},
		{
			// 1.关于“…”问题 followed by nothing, under a section of feedback
			// with no section of organisation; 机动巡视组, 截至…2月29日.
			file:     "direct-list-only.txt",
			round:    round{Inspector: "市委第二机动巡视组", Unit: "市国资委党委", Kind: zhenggai.KindTour, OnsiteStart: d(2023, 8, 14), OnsiteEnd: d(2023, 9, 22), FeedbackDate: d(2023, 11, 3)},
			declared: zhenggai.Declared{AsOf: d(2024, 2, 29), Problems: 4, Completed: 3, InProgress: 1},
			cats:     1, probs: 4, measures: 0,
			warns: []string{"报告中的具体问题没有上一级问题类别，已归入问题类别“巡视反馈的问题”，导入后可修改"},
		},
		{
			// 问题:… then 整改 / 整改情况 / 整改措施 / 整改进展, the group named
			// 巡察二组, the feedback in the same sentence, 截至…底.
			file:     "wenti-zhenggai-pairs.txt",
			round:    round{Inspector: "县委巡察二组", Unit: "县统计局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2021, 9, 6), OnsiteEnd: d(2021, 10, 29), FeedbackDate: d(2021, 12, 3)},
			declared: zhenggai.Declared{AsOf: d(2022, 3, 31), Problems: 12, Completed: 10, InProgress: 2},
			cats:     1, probs: 4, measures: 4,
			warns: []string{
				"报告中的具体问题没有上一级问题类别，已归入问题类别“巡察反馈的问题”，导入后可修改",
				"公布12个问题，实际解析出4个",
			},
		},
		{
			// 一、…方面 as categories, section 四 a follow-up, no section of
			// feedback by its words.
			file:     "top-level-categories.txt",
			round:    round{Inspector: "市委第五巡察组", Unit: "市卫生健康委党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2022, 5, 9), OnsiteEnd: d(2022, 6, 30), FeedbackDate: d(2022, 8, 19)},
			declared: zhenggai.Declared{AsOf: d(2022, 12, 20), Categories: 3, Problems: 8, Completed: 6, BasicallyCompleted: 2},
			cats:     3, probs: 8, measures: 8,
			check: func(t *testing.T, im *zhenggai.Imported) {
				if cats, _ := titles(im); cats[2] != "领导班子和干部队伍建设方面" {
					t.Errorf("categories %q", cats)
				}
				if im.Round.FollowUp != "委党组将坚持目标不变、力度不减，持续抓好整改落实。" {
					t.Errorf("follow-up %q", im.Round.FollowUp)
				}
			},
		},
		{
			// Section 二 called 整改进展情况及成效, 4个方面12类问题细化为6个具体
			// 问题, measures declared, outcomes of every kind, signed in
			// Chinese numerals.
			file:  "progress-and-results.txt",
			round: round{Inspector: "市委第六巡察组", Unit: "市教育局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2022, 9, 13), OnsiteEnd: d(2022, 11, 4), FeedbackDate: d(2022, 12, 27)},
			declared: zhenggai.Declared{AsOf: d(2023, 4, 30), Categories: 4, Problems: 6, Completed: 5, BasicallyCompleted: 1, Measures: 18,
				Outcomes: zhenggai.Outcomes{Rules: 9, RecoveredFen: 5_760_000, Talks: 2, Disciplinary: 1}},
			cats: 4, probs: 6, measures: 6,
			check: func(t *testing.T, im *zhenggai.Imported) {
				if im.Round.Signed != d(2023, 5, 8) || im.Round.Title != "中共北川市教育局党组关于市委巡察反馈意见整改进展情况的公告" {
					t.Errorf("round %+v", im.Round)
				}
			},
		},
		{
			// 中央巡视: 一、 on the organisation with (一) paragraphs, 二、 with
			// categories and 1.关于…的问题。一是… on one line, an on-site
			// period written to the 旬.
			file:  "central-xunshi.txt",
			round: round{Inspector: "中央第八巡视组", Unit: "中国北方某集团有限公司党委", Kind: zhenggai.KindTour, FeedbackDate: d(2024, 3, 28)},
			cats:  2, probs: 3, measures: 6,
			warns: []string{"巡视时间只写到月份（2023年10月下旬至2024年1月中旬），未导入进驻和结束日期，请在导入后补填", missingTotals},
			check: func(t *testing.T, im *zhenggai.Imported) {
				p := im.Categories[0].Problems[0]
				if p.Title != "关于服务国家战略不够有力的问题。" || p.Rectification != "一是制定服务国家战略行动方案；二是加大研发投入。" {
					t.Errorf("problem 1 %+v", p)
				}
				if r := im.Round; r.LeadingGroup != "（一）提高政治站位，压实整改责任" ||
					r.Work != "集团党委召开常委会会议12次研究整改工作。\n（二）健全工作机制，推动整改落实\n建立整改台账，实行销号管理。" {
					t.Errorf("section 一: %q %q", r.LeadingGroup, r.Work)
				}
			},
		},
		{
			// Three levels: (一)在“…”方面 > 1.关于“…”问题的整改 > (1) with
			// its 整改情况; numbering restarts under each heading.
			file:  "three-levels.txt",
			round: round{Inspector: "区委第三巡察组", Unit: "区科技局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2023, 9, 11), OnsiteEnd: d(2023, 10, 20), FeedbackDate: d(2024, 1, 9)},
			declared: zhenggai.Declared{AsOf: d(2024, 4, 12), Problems: 5, Completed: 4, InProgress: 1, RatePercent: 80,
				Outcomes: zhenggai.Outcomes{Rules: 7, RecoveredFen: 2_250_000, Talks: 7, Disciplinary: 1}},
			cats: 3, probs: 5, measures: 5,
			warns: []string{
				"第3行“（一）在“贯彻落实上级决策部署不够有力”方面”等2个标题在问题类别之上，作为分组未单独导入（问题类别和具体问题均已导入）",
				"具体问题在各问题类别中分别编号，导入时按先后顺序统一编为1至5号",
				"问题类别在各分组中分别编号，导入时按先后顺序统一编为(一)至(三)",
			},
		},
		{
			// A page copied whole: a stray line of another article, the site
			// path, the metadata table one cell a line, the title twice,
			// 分享/朗读, 打印本页 after the text; 截至7月31日 without its year.
			file:     "page-cells.txt",
			round:    round{Inspector: "县委第二巡察组", Unit: "县林业局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2024, 2, 26), OnsiteEnd: d(2024, 4, 19), FeedbackDate: d(2024, 5, 30)},
			declared: zhenggai.Declared{AsOf: d(2024, 7, 31), Categories: 3, Problems: 10, Completed: 8, InProgress: 2},
			cats:     3, probs: 10, measures: 10,
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Round; r.Title != "中共西岭县林业局党组关于县委巡察整改进展情况的通报" || r.LeadingGroup != "" {
					t.Errorf("title %q, leading group %q", r.Title, r.LeadingGroup)
				}
				if p := im.Categories[2].Problems[2]; p.Rectification != "正在整改，已举办培训班2期。" {
					t.Errorf("last problem %+v", p)
				}
			},
		},
		{
			// 州委机动巡察组, on-site across the year end, 两个方面五个问题.
			file:     "zhou-jidong.txt",
			round:    round{Inspector: "州委机动巡察组", Unit: "州民族宗教事务委员会党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2021, 12, 20), OnsiteEnd: d(2022, 1, 28), FeedbackDate: d(2022, 3, 15)},
			declared: zhenggai.Declared{AsOf: d(2022, 6, 30), Categories: 2, Problems: 5, Completed: 4, InProgress: 1},
			cats:     2, probs: 5, measures: 5,
		},
		{
			// Cut inside section 一: the round and the totals are kept.
			file:     "cut-in-section-one.txt",
			round:    round{Inspector: "县委第四巡察组", Unit: "白马镇党委", Kind: zhenggai.KindInspection, OnsiteStart: d(2023, 9, 4), OnsiteEnd: d(2023, 10, 27), FeedbackDate: d(2023, 12, 8)},
			declared: zhenggai.Declared{AsOf: d(2024, 3, 15), Categories: 4, Problems: 15, Completed: 13, InProgress: 2},
			warns: []string{
				"文本在第4行“…领导小组，制定整改方案和问题清单、任务清单、责任”处中断（停在“一、组织整改落实情况”部分，尚未读到具体问题），其后内容缺失（可能复制不全或文件被截断）；已导入读到的巡察基本情况和公布的数字",
				"公布4个方面，实际解析出0个", "公布15个问题，实际解析出0个",
			},
		},
		{
			// Cut in the preamble's last sentence.
			file:  "cut-after-preamble.txt",
			round: round{Inspector: "区委第四巡察组", Unit: "区城市管理局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2024, 4, 8), OnsiteEnd: d(2024, 5, 31), FeedbackDate: d(2024, 7, 16)},
			warns: []string{
				"文本在第1行“…察意见。按照巡察工作有关要求，现将巡察整改进展情”处中断（停在开头的巡察基本情况，尚未读到具体问题），其后内容缺失（可能复制不全或文件被截断）；已导入读到的巡察基本情况和公布的数字",
				missingTotals,
			},
		},
		{
			// Cut inside a problem's 整改情况.
			file:     "cut-in-problem.txt",
			round:    round{Inspector: "县委第二巡察组", Unit: "县司法局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2022, 10, 10), OnsiteEnd: d(2022, 11, 25), FeedbackDate: d(2023, 1, 6)},
			declared: zhenggai.Declared{AsOf: d(2023, 4, 10), Categories: 2, Problems: 5, Completed: 4, InProgress: 1},
			cats:     1, probs: 2, measures: 2,
			warns: []string{
				"文本在第7行“整改情况：一是建立社区矫正对象分类管理制度；二是”处中断（停在具体问题2“社区矫正监管存在漏洞。”的整改情况中），其后内容缺失（可能复制不全或文件被截断）；已导入此前读到的1个问题类别、2个具体问题",
				"公布2个方面，实际解析出1个", "公布5个问题，实际解析出2个",
			},
		},
		{
			file:    "compiled-units.txt",
			refused: "这份文本汇编了3个单位的整改情况（市财政局党组、市审计局党组、市档案馆），一次只能导入一个单位的报告，未导入任何内容",
		},
		{
			file:    "round-summary-list.txt",
			refused: "这是对4个单位巡察整改情况的汇总通报",
		},
		{
			file:    "round-summary.txt",
			refused: "这是对15个单位巡察整改情况的汇总通报，没有单个被巡察单位的问题清单，不能作为一个巡察轮次导入，未导入任何内容（通报的数字：反馈问题186个，已完成整改179个）",
		},
	}
	for _, c := range cases {
		text := readReport(t, "shapes/"+c.file)
		for _, v := range []struct {
			name string
			text string
		}{{"as written", text}, {"full-width", fwChars(text)}, {"half-width", halfWidth(text)}} {
			t.Run(c.file+"/"+v.name, func(t *testing.T) {
				im, err := Parse(v.text)
				if c.refused != "" {
					var e *zhenggai.Error
					if !errors.As(err, &e) || e.Code != zhenggai.EINVALID || !strings.Contains(halfWidth(e.Message), halfWidth(c.refused)) {
						t.Fatalf("got %v, %v; want a refusal saying %q", im, err, c.refused)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if im.Round.Facts() != c.round {
					t.Errorf("round\n got %+v\nwant %+v", im.Round.Facts(), c.round)
				}
				if im.Declared != c.declared {
					t.Errorf("declared\n got %+v\nwant %+v", im.Declared, c.declared)
				}
				if len(im.Categories) != c.cats || im.ProblemCount() != c.probs || measureCount(im) != c.measures {
					t.Errorf("%d categories, %d problems, %d measures; want %d, %d, %d",
						len(im.Categories), im.ProblemCount(), measureCount(im), c.cats, c.probs, c.measures)
				}
				warns := c.warns
				if warns == nil {
					warns = []string{}
				}
				if v.name == "as written" && !reflect.DeepEqual(im.Warnings, warns) {
					t.Errorf("warnings\n got %q\nwant %q", im.Warnings, warns)
				}
				if len(im.Warnings) != len(warns) {
					t.Errorf("%d warnings, want %d: %q", len(im.Warnings), len(warns), im.Warnings)
				}
				if c.check != nil && v.name == "as written" {
					c.check(t, im)
				}
			})
		}
	}
}

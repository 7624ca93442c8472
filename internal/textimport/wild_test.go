package textimport

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"zhenggai"
)

// TestWild reads invented reports written the way units really publish
// them (testdata/wild): PDF copies with hard line breaks, page numbers and
// running headers; Word pastes with tabs and full-width forms; tables
// flattened to lines; 【问题】 blocks, 第一部分 parts, 一是 problems,
// 反馈问题/整改措施/整改成效 triplets; dates written 2021.3.15, with 号, or
// with the year once; totals spread over sentences or in Chinese numerals.
// Each names the facts a clerk checks: the round, the declared totals and
// outcomes, how many categories, problems and measures, and the warnings.
func TestWild(t *testing.T) {
	d := zhenggai.NewDate
	type round = zhenggai.ImportedRound
	type decl = zhenggai.Declared
	type outc = zhenggai.Outcomes
	const xc, xs = zhenggai.KindInspection, zhenggai.KindTour
	const noCatXC = "报告中的具体问题没有上一级问题类别，已归入问题类别“巡察反馈的问题”，导入后可修改"
	const noCatXS = "报告中的具体问题没有上一级问题类别，已归入问题类别“巡视反馈的问题”，导入后可修改"
	cases := []struct {
		file                  string
		round                 round
		declared              decl
		cats, probs, measures int
		warns                 []string
		check                 func(t *testing.T, im *zhenggai.Imported)
	}{
		{file: "w01-pdf-caizheng.txt",
			round: round{Inspector: "县委第三巡察组", Unit: "县财政局党组", Kind: xc, OnsiteStart: d(2023, 4, 10), OnsiteEnd: d(2023, 5, 26), FeedbackDate: d(2023, 7, 12)},
			declared: decl{AsOf: d(2023, 10, 31), Categories: 3, Problems: 11, Completed: 9, InProgress: 2, RatePercent: 81,
				Outcomes: outc{Rules: 9, RecoveredFen: 2_460_000, Talks: 4}},
			cats: 3, probs: 11, measures: 15,
			check: func(t *testing.T, im *zhenggai.Imported) {
				r := im.Round
				if r.Title != "中共青石县财政局党组关于县委巡察反馈意见整改进展情况的通报" || r.Signature != "中共青石县财政局党组" || r.Signed != d(2023, 11, 6) {
					t.Errorf("title %q, signature %q %v", r.Title, r.Signature, r.Signed)
				}
				ps := problemsBySeq(t, im)
				if ps[1].Title != "政府债务风险防控措施不够有力，隐性债务底数不清。" || ps[5].Title != "党组落实全面从严治党主体责任不够到位，对下属单位管理监督偏软。" {
					t.Errorf("titles %q %q", ps[1].Title, ps[5].Title)
				}
				if got := contentsOf(im, 2); !reflect.DeepEqual(got, []string{"开展惠民惠农补贴“一卡通”专项治理，核查发放数据12.6万条", "追回违规发放资金2.46万元", "建立部门间数据比对机制。"}) {
					t.Errorf("measures of problem 2 (across a page break): %q", got)
				}
				if c := im.Categories[0].Title; c != "贯彻落实党的路线方针政策和县委决策部署方面存在的问题" {
					t.Errorf("category %q", c)
				}
			}},
		{file: "w02-word-tabs.txt",
			round:    round{Inspector: "区委第三轮巡察第一巡察组", Unit: "区司法局党组", Kind: xc, OnsiteStart: d(2022, 3, 15), OnsiteEnd: d(2022, 4, 28), FeedbackDate: d(2022, 5, 20)},
			declared: decl{AsOf: d(2022, 8, 31), Categories: 3, Problems: 8, Completed: 7, InProgress: 1, RatePercent: 87},
			cats:     3, probs: 8, measures: 12},
		{file: "w03-dotted-dates.txt",
			round:    round{Inspector: "市委第二巡察组", Unit: "市审计局党组", Kind: xc, OnsiteStart: d(2021, 3, 15), OnsiteEnd: d(2021, 4, 30), FeedbackDate: d(2021, 6, 8)},
			declared: decl{AsOf: d(2021, 9, 30), Problems: 6, Completed: 6},
			cats:     1, probs: 6, measures: 6,
			warns: []string{noCatXC}},
		{file: "w04-jinzhu-tongnian.txt",
			round:    round{Inspector: "县委第一巡察组", Unit: "县交通运输局", Kind: xc, OnsiteStart: d(2022, 8, 15), FeedbackDate: d(2022, 10, 9)},
			declared: decl{AsOf: d(2022, 12, 31), Categories: 3, Problems: 9, Completed: 7, InProgress: 2, Measures: 26},
			cats:     3, probs: 9, measures: 9,
			warns: []string{"只找到巡察进驻日期，未找到结束日期"}},
		{file: "w05-wenti-yi-township.txt",
			round:    round{Inspector: "县委第五巡察组", Unit: "石门镇党委", Kind: xc, OnsiteStart: d(2020, 10, 12), OnsiteEnd: d(2020, 11, 27), FeedbackDate: d(2021, 1, 6)},
			declared: decl{AsOf: d(2021, 4, 15), Problems: 14, Completed: 12, InProgress: 2},
			cats:     4, probs: 14, measures: 16},
		{file: "w06-bracket-labels.txt",
			round:    round{Inspector: "区委第四巡察组", Unit: "区应急管理局党组", Kind: xc, OnsiteStart: d(2023, 5, 8), OnsiteEnd: d(2023, 6, 21), FeedbackDate: d(2023, 8, 3)},
			declared: decl{AsOf: d(2023, 11, 30), Categories: 2, Problems: 6, Completed: 5, BasicallyCompleted: 1},
			cats:     2, probs: 6, measures: 6},
		{file: "w07-parts.txt",
			round: round{Inspector: "县委第二巡察组", Unit: "县人民医院党委", Kind: xc, OnsiteStart: d(2023, 3, 6), OnsiteEnd: d(2023, 4, 21), FeedbackDate: d(2023, 6, 9)},
			declared: decl{AsOf: d(2023, 9, 8), Categories: 3, Problems: 10, Completed: 8, InProgress: 2,
				Outcomes: outc{Rules: 13, RecoveredFen: 6_800_000, Talks: 4}},
			cats: 3, probs: 10, measures: 10,
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Round; r.Title != "中共平溪县人民医院委员会关于县委巡察反馈意见集中整改进展情况的通报" || !strings.HasPrefix(r.FollowUp, "一是持续推进") {
					t.Errorf("title %q, follow-up %q", r.Title, r.FollowUp)
				}
			}},
		{file: "w08-yishi-problems.txt",
			round:    round{Inspector: "市委第四巡察组", Unit: "市自然资源和规划局党组", Kind: xc, OnsiteStart: d(2022, 9, 5), OnsiteEnd: d(2022, 10, 28), FeedbackDate: d(2022, 12, 16)},
			declared: decl{AsOf: d(2023, 3, 31), Categories: 3, Problems: 9, Completed: 8, InProgress: 1},
			cats:     3, probs: 9, measures: 9,
			warns: []string{"具体问题在各问题类别中分别编号，导入时按先后顺序统一编为1至9号"},
			check: func(t *testing.T, im *zhenggai.Imported) {
				p := im.Categories[0].Problems[0]
				if p.Title != "耕地保护责任落实不到位的问题。" || !strings.HasPrefix(p.Rectification, "开展耕地") {
					t.Errorf("problem 1 %+v", p)
				}
			}},
		{file: "w09-triplets.txt",
			round:    round{Inspector: "县委第六巡察组", Unit: "县供销社党组", Kind: xc, OnsiteStart: d(2021, 6, 7), OnsiteEnd: d(2021, 7, 16), FeedbackDate: d(2021, 8, 27)},
			declared: decl{AsOf: d(2021, 11, 30), Categories: 2, Problems: 5, Completed: 4, Measures: 15},
			cats:     2, probs: 5, measures: 5,
			warns: []string{"公布“长期坚持”1个，导入结果中没有对应的数字，未导入"}},
		{file: "w10-table-tabs.txt",
			round:    round{Inspector: "县委第一巡察组", Unit: "县教育体育局党组", Kind: xc, OnsiteStart: d(2022, 4, 11), OnsiteEnd: d(2022, 5, 27), FeedbackDate: d(2022, 7, 14)},
			declared: decl{AsOf: d(2022, 10, 31), Problems: 7, Completed: 6, InProgress: 1},
			cats:     1, probs: 7, measures: 7,
			warns: []string{noCatXC},
			check: func(t *testing.T, im *zhenggai.Imported) {
				p := im.Categories[0].Problems[3]
				if p.Title != "农村学校教师流失严重" || !strings.HasPrefix(p.Rectification, "落实乡村教师生活补助") {
					t.Errorf("row 4 %+v", p)
				}
			}},
		{file: "w11-table-cells.txt",
			round:    round{Inspector: "区委第二巡察组", Unit: "区城市管理局党组", Kind: xc, OnsiteStart: d(2023, 9, 4), OnsiteEnd: d(2023, 10, 20), FeedbackDate: d(2023, 11, 23)},
			declared: decl{AsOf: d(2023, 12, 31), Problems: 5, Completed: 5},
			cats:     1, probs: 5, measures: 5,
			warns: []string{noCatXC},
			check: func(t *testing.T, im *zhenggai.Imported) {
				p := im.Categories[0].Problems[2]
				if p.Title != "违规发放加班补贴" || !strings.HasPrefix(p.Rectification, "已收回违规发放的加班补贴8600元") {
					t.Errorf("row 3 %+v", p)
				}
			}},
		{file: "w12-status-words.txt",
			round:    round{Inspector: "县委第三巡察组", Unit: "县市场监督管理局党组", Kind: xc, OnsiteStart: d(2022, 10, 17), OnsiteEnd: d(2022, 12, 2), FeedbackDate: d(2023, 2, 10)},
			declared: decl{AsOf: d(2023, 5, 31), Problems: 12, Completed: 9, BasicallyCompleted: 1, InProgress: 1},
			cats:     1, probs: 12, measures: 12,
			warns: []string{noCatXC, "公布“长期坚持”1个，导入结果中没有对应的数字，未导入"}},
		{file: "w13-web-furniture.txt",
			round:    round{Inspector: "县委第四巡察组", Unit: "青龙镇党委", Kind: xc, OnsiteStart: d(2023, 2, 20), OnsiteEnd: d(2023, 4, 7), FeedbackDate: d(2023, 5, 12)},
			declared: decl{AsOf: d(2023, 6, 30), Categories: 3, Problems: 11, Completed: 10, InProgress: 1, RatePercent: 91},
			cats:     3, probs: 11, measures: 11,
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Round; r.Signature != "中共青龙镇委员会" || r.Signed != d(2023, 7, 18) {
					t.Errorf("signature %q %v", r.Signature, r.Signed)
				}
				ps := problemsBySeq(t, im)
				if ps[11].Rectification != "制定活动场所管理使用制度。" {
					t.Errorf("last problem %+v", ps[11])
				}
			}},
		{file: "w14-shengwei-huitoukan.txt",
			round: round{Inspector: "省委第六巡视组", Unit: "柳川市", Kind: xs, OnsiteStart: d(2020, 11, 3), OnsiteEnd: d(2021, 1, 8), FeedbackDate: d(2021, 3, 19)},
			declared: decl{AsOf: d(2021, 6, 30), Categories: 3, Problems: 15, Completed: 12, BasicallyCompleted: 3,
				Outcomes: outc{Rules: 46, Organisational: 6, Disciplinary: 9}},
			cats: 3, probs: 15, measures: 15,
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Round; !strings.HasPrefix(r.LeadingGroup, "市委把抓好巡视“回头看”整改作为重大政治任务") || !strings.HasPrefix(r.FollowUp, "市委将坚持") {
					t.Errorf("texts %q / %q", r.LeadingGroup, r.FollowUp)
				}
			}},
		{file: "w15-xunchayizu-village.txt",
			round:    round{Inspector: "县委巡察一组", Unit: "城关镇城东村党支部", Kind: xc, OnsiteStart: d(2024, 3, 11), OnsiteEnd: d(2024, 4, 12), FeedbackDate: d(2024, 5, 21)},
			declared: decl{AsOf: d(2024, 6, 28), Problems: 6, Completed: 6},
			cats:     1, probs: 6, measures: 6,
			warns: []string{noCatXC},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if p := im.Categories[0].Problems[5]; strings.Contains(p.Rectification, "特此报告") {
					t.Errorf("the closing line went into problem 6: %q", p.Rectification)
				}
			}},
		{file: "w16-jidong-soe.txt",
			round: round{Inspector: "市委机动巡察组", Unit: "市城投集团党委", Kind: xc, OnsiteStart: d(2022, 5, 16), OnsiteEnd: d(2022, 6, 30), FeedbackDate: d(2022, 8, 2)},
			declared: decl{AsOf: d(2022, 11, 15), Categories: 4, Problems: 13, Completed: 11, InProgress: 2, Measures: 39,
				Outcomes: outc{SavedFen: 320_000_000, Organisational: 2, Disciplinary: 1}},
			cats: 1, probs: 13, measures: 13,
			warns: []string{noCatXC, "公布4个方面，实际解析出1个"}},
		{file: "w17-school.txt",
			round:    round{Inspector: "市委教育工委第二巡察组", Unit: "市第一中学党委", Kind: xc, OnsiteStart: d(2023, 9, 18), OnsiteEnd: d(2023, 10, 27), FeedbackDate: d(2023, 12, 5)},
			declared: decl{AsOf: d(2024, 3, 31), Problems: 8, Completed: 7, InProgress: 1},
			cats:     1, probs: 8, measures: 8,
			warns: []string{noCatXC}},
		{file: "w18-hospital-three-levels.txt",
			round:    round{Inspector: "市委第四巡察组", Unit: "市人民医院党委", Kind: xc, OnsiteStart: d(2022, 10, 10), OnsiteEnd: d(2022, 11, 25), FeedbackDate: d(2022, 12, 28)},
			declared: decl{AsOf: d(2023, 4, 28), Categories: 3, Problems: 8, Completed: 6, InProgress: 2, RatePercent: 75},
			cats:     3, probs: 8, measures: 12},
		{file: "w19-tiji-fankui-only.txt",
			round:    round{Inspector: "市委第三巡察组", Unit: "平溪县农业农村局党组", Kind: xc, OnsiteStart: d(2023, 6, 26), OnsiteEnd: d(2023, 8, 11), FeedbackDate: d(2023, 9, 14)},
			declared: decl{AsOf: d(2023, 12, 20), Problems: 5, Completed: 4, InProgress: 1},
			cats:     1, probs: 5, measures: 5,
			warns: []string{noCatXC}},
		{file: "w20-jiaocha.txt",
			round:    round{Inspector: "县委第二交叉巡察组", Unit: "县水利局党组", Kind: xc, OnsiteStart: d(2021, 4, 6), OnsiteEnd: d(2021, 5, 14), FeedbackDate: d(2021, 6, 25)},
			declared: decl{AsOf: d(2021, 9, 30), Categories: 2, Problems: 6, Completed: 5, InProgress: 1, Measures: 18},
			cats:     2, probs: 6, measures: 8},
		{file: "w21-huitoukan-hao.txt",
			round:    round{Inspector: "县委巡察组", Unit: "县林业和草原局党组", Kind: xc, OnsiteStart: d(2023, 5, 15), OnsiteEnd: d(2023, 6, 16), FeedbackDate: d(2023, 7, 20)},
			declared: decl{AsOf: d(2023, 9, 30), Problems: 5, Completed: 5},
			cats:     1, probs: 5, measures: 5,
			warns: []string{noCatXC},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Round; r.Title != "关于县委巡察“回头看”反馈意见整改情况的通报" {
					t.Errorf("title %q", r.Title)
				}
			}},
		{file: "w22-totals-split.txt",
			round:    round{Inspector: "县委第一巡察组", Unit: "县人社局党组", Kind: xc, OnsiteStart: d(2023, 3, 20), OnsiteEnd: d(2023, 5, 5), FeedbackDate: d(2023, 6, 16)},
			declared: decl{AsOf: d(2023, 9, 30), Problems: 9, Completed: 7, InProgress: 2, RatePercent: 78},
			cats:     1, probs: 9, measures: 9,
			warns: []string{noCatXC}},
		{file: "w23-xihua.txt",
			round: round{Inspector: "市委第五巡察组", Unit: "市住房公积金管理中心党组", Kind: xc, OnsiteStart: d(2022, 4, 18), OnsiteEnd: d(2022, 6, 2), FeedbackDate: d(2022, 7, 8)},
			declared: decl{AsOf: d(2022, 12, 31), Categories: 4, Problems: 12, Completed: 10, InProgress: 2, Measures: 35,
				Outcomes: outc{Rules: 11}},
			cats: 4, probs: 12, measures: 12},
		{file: "w24-no-title.txt",
			round:    round{Inspector: "市委第三巡察组", Unit: "市统计局党组", Kind: xc, OnsiteStart: d(2022, 2, 21), OnsiteEnd: d(2022, 4, 1), FeedbackDate: d(2022, 5, 13)},
			declared: decl{AsOf: d(2022, 8, 31), Problems: 8, Completed: 6, InProgress: 2},
			cats:     1, probs: 8, measures: 8,
			warns: []string{noCatXC}},
		{file: "w25-year-once.txt",
			round:    round{Inspector: "县委第一巡察组", Unit: "县医疗保障局党组", Kind: xc, OnsiteStart: d(2023, 3, 13), OnsiteEnd: d(2023, 4, 28), FeedbackDate: d(2023, 6, 2)},
			declared: decl{AsOf: d(2023, 8, 31), Categories: 2, Problems: 7, Completed: 6, InProgress: 1},
			cats:     2, probs: 7, measures: 7},
		{file: "w26-xunshi-renwu.txt",
			round: round{Inspector: "省委第十巡视组", Unit: "南川交通建设投资集团有限公司党委", Kind: xs, OnsiteStart: d(2022, 11, 7), OnsiteEnd: d(2023, 1, 13), FeedbackDate: d(2023, 3, 21)},
			declared: decl{AsOf: d(2023, 6, 30), Categories: 3, Problems: 12, Completed: 38, InProgress: 3, Measures: 41,
				Outcomes: outc{Rules: 32, SavedFen: 1_580_000_000, Organisational: 4, Disciplinary: 2}},
			cats: 3, probs: 12, measures: 12,
			warns: []string{"公布的已完成、基本完成等数字之和（41个）大于公布的问题数（12个）"}},
		{file: "w27-cn-date-signature.txt",
			round:    round{Inspector: "区委第五巡察组", Unit: "区退役军人事务局党组", Kind: xc, OnsiteStart: d(2023, 10, 9), OnsiteEnd: d(2023, 11, 24), FeedbackDate: d(2024, 1, 5)},
			declared: decl{AsOf: d(2024, 4, 30), Categories: 3, Problems: 9, Completed: 8, InProgress: 1},
			cats:     3, probs: 9, measures: 9,
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Round; r.Title != "中共东坡区退役军人事务局党组关于区委巡察整改进展情况的通报" || r.Signed != d(2024, 5, 9) {
					t.Errorf("title %q, signed %v", r.Title, r.Signed)
				}
			}},
		{file: "w28-wo-ju.txt",
			round:    round{Inspector: "县委第四巡察组", Unit: "中共青石县自然资源局党组", Kind: xc, OnsiteStart: d(2022, 5, 9), OnsiteEnd: d(2022, 6, 24), FeedbackDate: d(2022, 8, 5)},
			declared: decl{AsOf: d(2022, 10, 31), Problems: 10, Completed: 10},
			cats:     3, probs: 10, measures: 10},
		{file: "w29-outcomes-after-totals.txt",
			round: round{Inspector: "区委第二巡察组", Unit: "区发展和改革局党组", Kind: xc, OnsiteStart: d(2022, 3, 7), OnsiteEnd: d(2022, 4, 22), FeedbackDate: d(2022, 6, 10)},
			declared: decl{AsOf: d(2022, 9, 20), Categories: 2, Problems: 12, Completed: 10, InProgress: 2,
				Outcomes: outc{Rules: 14, RefundedFen: 386_000}},
			cats: 2, probs: 12, measures: 12,
			check: func(t *testing.T, im *zhenggai.Imported) {
				// The outcomes beside the totals are declared figures, not a
				// paragraph the generated report would write twice.
				if lg := im.Round.LeadingGroup; lg != "局党组召开党组会议专题研究整改工作，成立了党组书记任组长的整改领导小组。局党组坚持边巡边改、立行立改，推动整改工作走深走实。" {
					t.Errorf("leading group %q", lg)
				}
			}},
		{file: "w30-cat-top-paren-problems.txt",
			round:    round{Inspector: "市委第六巡察组", Unit: "市档案馆党组", Kind: xc, OnsiteStart: d(2024, 4, 15), OnsiteEnd: d(2024, 5, 31), FeedbackDate: d(2024, 7, 19)},
			declared: decl{AsOf: d(2024, 10, 15), Categories: 3, Problems: 8, Completed: 7, InProgress: 1, RatePercent: 87},
			cats:     3, probs: 8, measures: 11},
		{file: "w31-central-jizhong.txt",
			round:    round{Inspector: "中央第十一巡视组", Unit: "中国北岭能源集团有限公司党组", Kind: xs, OnsiteStart: d(2023, 4, 10), OnsiteEnd: d(2023, 6, 30), FeedbackDate: d(2023, 9, 4)},
			declared: decl{AsOf: d(2023, 12, 31), Categories: 4, Completed: 89, InProgress: 8, Measures: 97},
			cats:     4, probs: 7, measures: 10},
		{file: "w32-cn-numerals.txt",
			round:    round{Inspector: "县委第二巡察组", Unit: "县文化广电和旅游局党组", Kind: xc, OnsiteStart: d(2021, 10, 11), OnsiteEnd: d(2021, 11, 19), FeedbackDate: d(2021, 12, 24)},
			declared: decl{AsOf: d(2022, 3, 31), Categories: 2, Problems: 9, Completed: 8, InProgress: 1, Measures: 27},
			cats:     2, probs: 9, measures: 9},
		{file: "w33-pdf-wenti-street.txt",
			round:    round{Inspector: "县委巡察三组", Unit: "城南街道党工委", Kind: xc, OnsiteStart: d(2021, 9, 13), OnsiteEnd: d(2021, 10, 29), FeedbackDate: d(2021, 12, 10)},
			declared: decl{AsOf: d(2022, 3, 15), Categories: 3, Problems: 10, Completed: 9, InProgress: 1},
			cats:     3, probs: 10, measures: 10,
			check: func(t *testing.T, im *zhenggai.Imported) {
				ps := problemsBySeq(t, im)
				if ps[1].Title != "学习贯彻习近平新时代中国特色社会主义思想不够深入，理论学习中心组学习计划性不强。" {
					t.Errorf("problem 1 %q", ps[1].Title)
				}
			}},
		{file: "w34-pdf-xunshi-county.txt",
			round: round{Inspector: "省委第三巡视组", Unit: "邑安县", Kind: xs, OnsiteStart: d(2021, 10, 18), OnsiteEnd: d(2021, 12, 17), FeedbackDate: d(2022, 2, 25)},
			declared: decl{AsOf: d(2022, 5, 31), Problems: 6, Completed: 4, BasicallyCompleted: 2,
				Outcomes: outc{Rules: 27, Organisational: 3, Disciplinary: 5}},
			cats: 1, probs: 6, measures: 8,
			warns: []string{noCatXS},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Round; r.Title != "中共邑安县委关于省委巡视整改进展情况的通报" || r.Signature != "中共邑安县委" {
					t.Errorf("title %q, signature %q", r.Title, r.Signature)
				}
			}},
		{file: "w35-attachment-table.txt",
			round:    round{Inspector: "市委第一巡察组", Unit: "市司法局党组", Kind: xc, OnsiteStart: d(2023, 10, 16), OnsiteEnd: d(2023, 12, 1), FeedbackDate: d(2024, 1, 19)},
			declared: decl{AsOf: d(2024, 4, 30), Problems: 6, Completed: 5, InProgress: 1, RatePercent: 83},
			cats:     1, probs: 6, measures: 6,
			warns: []string{noCatXC},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if p := im.Categories[0].Problems[5]; p.Title != "干部队伍专业化程度不高" || p.Rectification != "招录法律专业人员，开展业务轮训\n整改进展：正在整改" {
					t.Errorf("row 6 %+v", p)
				}
				if r := im.Round; r.Signature != "" || r.Title != "中共柳川市司法局党组关于市委巡察整改进展情况的通报" {
					t.Errorf("title %q, signature %q", r.Title, r.Signature)
				}
			}},
		{file: "w36-cheli-ledger-fields.txt",
			round:    round{Inspector: "县委第三巡察组", Unit: "县住房和城乡建设局", Kind: xc, OnsiteStart: d(2022, 3, 7), OnsiteEnd: d(2022, 4, 22), FeedbackDate: d(2022, 5, 27)},
			declared: decl{AsOf: d(2022, 8, 31), Problems: 4, Completed: 4},
			cats:     1, probs: 4, measures: 4,
			warns: []string{noCatXC},
			check: func(t *testing.T, im *zhenggai.Imported) {
				p := im.Categories[0].Problems[0]
				if p.Title != "保障性住房分配管理不规范。" || p.Measures[0].Content != "对全县保障性住房承租户开展全面复核，清退不符合条件的承租户14户。" ||
					!strings.HasPrefix(p.Rectification, "原因分析：") || !strings.HasSuffix(p.Rectification, "整改时限：2022年7月底") {
					t.Errorf("problem 1 %+v", p)
				}
			}},
		{file: "w37-guanyu-section.txt",
			round:    round{Inspector: "市委第三巡察组", Unit: "市商务局党组", Kind: xc, OnsiteStart: d(2021, 9, 6), OnsiteEnd: d(2021, 10, 22), FeedbackDate: d(2021, 12, 3)},
			declared: decl{AsOf: d(2022, 2, 28), Categories: 2, Problems: 5, Completed: 4, InProgress: 1},
			cats:     2, probs: 5, measures: 5},
		{file: "w38-nested-cn-sig-line.txt",
			round:    round{Inspector: "区委第一巡察组", Unit: "区卫生健康局党组", Kind: xc, OnsiteStart: d(2022, 6, 13), OnsiteEnd: d(2022, 7, 29), FeedbackDate: d(2022, 9, 2)},
			declared: decl{AsOf: d(2022, 12, 15), Categories: 2, Problems: 7, Completed: 6, BasicallyCompleted: 1, Measures: 21},
			cats:     2, probs: 7, measures: 7,
			warns: []string{"具体问题在各问题类别中分别编号，导入时按先后顺序统一编为1至7号"},
			check: func(t *testing.T, im *zhenggai.Imported) {
				r := im.Round
				if r.Signature != "中共云岭区卫生健康局党组" || r.Signed != d(2022, 12, 20) || r.FollowUp != "局党组将持续巩固整改成效，建立长效机制。" ||
					r.LeadingGroup != "局党组成立整改领导小组，召开专题会议4次，制定整改方案，明确整改任务21项。" {
					t.Errorf("texts %+v", r)
				}
			}},
		{file: "w39-central-month-only.txt",
			round:    round{Inspector: "中央第九巡视组", Unit: "国家某某局党组", Kind: xs},
			declared: decl{AsOf: d(2022, 1, 20), Categories: 3, Completed: 61, InProgress: 7, Measures: 68},
			cats:     3, probs: 5, measures: 7,
			warns: []string{"巡视时间只写到月份（2021年5月至7月），未导入进驻和结束日期，请在导入后补填", "巡视反馈日期只写到月份（2021年9月），未导入，请在导入后补填"}},
		{file: "w40-pdf-pages-wenti-dun.txt",
			round: round{Inspector: "市委第七巡察组", Unit: "市市场监督管理局党组", Kind: xc, OnsiteStart: d(2022, 8, 29), OnsiteEnd: d(2022, 10, 14), FeedbackDate: d(2022, 11, 25)},
			declared: decl{AsOf: d(2023, 2, 28), Categories: 3, Problems: 9, Completed: 8, InProgress: 1, RatePercent: 88,
				Outcomes: outc{Rules: 15, RecoveredFen: 3_280_000, Talks: 2}},
			cats: 3, probs: 9, measures: 9,
			check: func(t *testing.T, im *zhenggai.Imported) {
				if c := im.Categories[1].Title; c != "关于全面从严治党主体责任落实不到位，监督执纪问责偏松偏软方面的问题" {
					t.Errorf("category 2 %q", c)
				}
				if p := im.Categories[0].Problems[1]; p.Title != "食品安全监管存在盲区，校园周边食品安全隐患排查不彻底。" {
					t.Errorf("problem 2 %q", p.Title)
				}
			}},
		{file: "w41-school-fankuiyijian.txt",
			round:    round{Inspector: "校党委第三巡察组", Unit: "化学化工学院党委", Kind: xc, OnsiteStart: d(2023, 4, 17), OnsiteEnd: d(2023, 5, 19), FeedbackDate: d(2023, 6, 30)},
			declared: decl{AsOf: d(2023, 10, 20), Categories: 3, Problems: 8, Completed: 8},
			cats:     3, probs: 8, measures: 11,
			check: func(t *testing.T, im *zhenggai.Imported) {
				if got := contentsOf(im, 4); !reflect.DeepEqual(got, []string{"开展科研经费使用专项检查", "追回违规报销经费2.35万元。"}) {
					t.Errorf("measures of problem 4: %q", got)
				}
				if c := im.Categories[0].Title; c != "学院党委把方向、管大局、保落实作用发挥不充分" {
					t.Errorf("category 1 %q", c)
				}
			}},
		{file: "w42-soe-group-published.txt",
			round:    round{Inspector: "集团党委第二巡察组", Unit: "第三工程公司党委", Kind: xc, OnsiteStart: d(2023, 9, 11), OnsiteEnd: d(2023, 10, 20), FeedbackDate: d(2023, 12, 8)},
			declared: decl{AsOf: d(2024, 3, 18), Problems: 5, Completed: 4, InProgress: 1},
			cats:     1, probs: 5, measures: 5,
			warns: []string{noCatXC},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Round; r.Title != "某某路桥集团有限公司党委第二巡察组反馈意见整改情况公示" {
					t.Errorf("title %q", r.Title)
				}
			}},
		{file: "w43-sections-attachment.txt",
			round:    round{Inspector: "县委第二巡察组", Unit: "县发展和改革局党组", Kind: xc, OnsiteStart: d(2024, 3, 18), OnsiteEnd: d(2024, 4, 30), FeedbackDate: d(2024, 6, 7)},
			declared: decl{AsOf: d(2024, 9, 30), Problems: 4, Completed: 3, InProgress: 1, RatePercent: 75},
			cats:     1, probs: 4, measures: 4,
			warns: []string{noCatXC},
			check: func(t *testing.T, im *zhenggai.Imported) {
				r := im.Round
				if r.Signature != "中共金沙县发展和改革局党组" || r.Signed != d(2024, 10, 8) || r.FollowUp != "局党组将持续推进整改，确保问题全部整改到位。" {
					t.Errorf("texts %+v", r)
				}
				if p := im.Categories[0].Problems[3]; p.Rectification != "开展业务培训，选派干部跟班学习\n完成情况：正在整改\n责任股室：办公室" {
					t.Errorf("row 4 %q", p.Rectification)
				}
				// The 完成情况 column is each problem's recorded status.
				for i, want := range []zhenggai.Status{zhenggai.Completed, zhenggai.Completed, zhenggai.Completed, zhenggai.InProgress} {
					if p := im.Categories[0].Problems[i]; p.Status != want || p.Recorded() != want {
						t.Errorf("row %d status %q, recorded %q, want %q", i+1, p.Status, p.Recorded(), want)
					}
				}
			}},
	}
	right, total := 0, 0
	failed := map[string][]string{}
	fact := func(file, kind string, ok bool) bool {
		total++
		if ok {
			right++
		} else {
			failed[kind] = append(failed[kind], file)
		}
		return ok
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			im, err := Parse(readReport(t, "wild/"+c.file))
			if err != nil {
				fact(c.file, "error", false)
				t.Fatal(err)
			}
			r, w := im.Round.Facts(), c.round
			for _, f := range []struct {
				kind      string
				got, want any
			}{
				{"inspector", r.Inspector, w.Inspector}, {"unit", r.Unit, w.Unit}, {"kind", r.Kind, w.Kind},
				{"onsite_start", r.OnsiteStart, w.OnsiteStart}, {"onsite_end", r.OnsiteEnd, w.OnsiteEnd},
				{"feedback_date", r.FeedbackDate, w.FeedbackDate},
			} {
				if !fact(c.file, f.kind, f.got == f.want) {
					t.Errorf("%s: got %v, want %v", f.kind, f.got, f.want)
				}
			}
			gd, wd := im.Declared, c.declared
			for _, f := range []struct {
				kind      string
				got, want any
			}{
				{"declared.as_of", gd.AsOf, wd.AsOf}, {"declared.categories", gd.Categories, wd.Categories},
				{"declared.problems", gd.Problems, wd.Problems}, {"declared.completed", gd.Completed, wd.Completed},
				{"declared.basically_completed", gd.BasicallyCompleted, wd.BasicallyCompleted},
				{"declared.in_progress", gd.InProgress, wd.InProgress}, {"declared.not_completed", gd.NotCompleted, wd.NotCompleted},
				{"declared.rate", gd.RatePercent, wd.RatePercent}, {"declared.measures", gd.Measures, wd.Measures},
				{"declared.outcomes", gd.Outcomes, wd.Outcomes},
			} {
				if f.got == f.want && reflect.ValueOf(f.want).IsZero() {
					continue // nothing declared, nothing read: no fact to get right
				}
				if !fact(c.file, f.kind, f.got == f.want) {
					t.Errorf("%s: got %+v, want %+v", f.kind, f.got, f.want)
				}
			}
			if !fact(c.file, "categories", len(im.Categories) == c.cats) {
				t.Errorf("%d categories, want %d", len(im.Categories), c.cats)
			}
			if !fact(c.file, "problems", im.ProblemCount() == c.probs) {
				t.Errorf("%d problems, want %d", im.ProblemCount(), c.probs)
			}
			if !fact(c.file, "measures", measureCount(im) == c.measures) {
				t.Errorf("%d measures, want %d", measureCount(im), c.measures)
			}
			warns := c.warns
			if warns == nil {
				warns = []string{}
			}
			if !fact(c.file, "warnings", reflect.DeepEqual(im.Warnings, warns)) {
				t.Errorf("warnings\n got %q\nwant %q", im.Warnings, warns)
			}
			// Typed with full-width forms, with half-width ones, or pasted
			// from Word (indented with ideographic spaces, CRLF): the same facts.
			text := readReport(t, "wild/"+c.file)
			for name, v := range map[string]string{"full-width": fwChars(text), "half-width": halfWidth(text), "word": fullWidth(text)} {
				vi, err := Parse(v)
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				if vi.Round.Facts() != c.round || vi.Declared != c.declared || len(vi.Categories) != c.cats || vi.ProblemCount() != c.probs || measureCount(vi) != c.measures {
					t.Errorf("%s: %+v %+v %d/%d/%d", name, vi.Round.Facts(), vi.Declared, len(vi.Categories), vi.ProblemCount(), measureCount(vi))
				}
			}
			// The checks read problems by position: only when they are all there.
			if c.check != nil && len(im.Categories) == c.cats && im.ProblemCount() == c.probs {
				c.check(t, im)
			}
		})
	}
	var kinds []string
	for k, v := range failed {
		kinds = append(kinds, fmt.Sprintf("%s %d", k, len(v)))
	}
	t.Logf("facts right: %d/%d; wrong by kind: %s", right, total, strings.Join(kinds, ", "))
}

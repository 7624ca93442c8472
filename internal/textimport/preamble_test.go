package textimport

import (
	"testing"

	"zhenggai"
)

// TestPreambles reads the preamble in the forms inspection bodies and units
// write it: each level of body (中央, 省委, 市委, 州委, 区委, 县委) and of
// group (第N巡察组, 巡察N组, 专项, 机动, 交叉, 提级, 回头看), the group and the
// feedback in one sentence or two, years left out and carried.
func TestPreambles(t *testing.T) {
	d := zhenggai.NewDate
	const tail = "\n（一）党的建设方面\n1．学习不深入。\n整改情况：已整改。\n"
	cases := []struct {
		name, text string
		want       zhenggai.ImportedRound
	}{
		{"中央巡视组, 常规巡视", "根据中央统一部署，2021年3月8日至5月10日，中央第六巡视组对中共南川省委进行了常规巡视。7月2日，中央第六巡视组向南川省委反馈了巡视意见。",
			zhenggai.ImportedRound{Inspector: "中央第六巡视组", Unit: "中共南川省委", Kind: zhenggai.KindTour, OnsiteStart: d(2021, 3, 8), OnsiteEnd: d(2021, 5, 10), FeedbackDate: d(2021, 7, 2)}},
		{"巡察二组, one sentence", "区委巡察二组于2022年3月7日至4月29日对区医保局党组开展了常规巡察，6月8日向区医保局党组反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "区委巡察二组", Unit: "区医保局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2022, 3, 7), OnsiteEnd: d(2022, 4, 29), FeedbackDate: d(2022, 6, 8)}},
		{"专项巡察组", "2023年3月13日至4月21日，县委第三专项巡察组对县粮食和物资储备局党组开展了涉粮问题专项巡察。2023年6月2日，县委第三专项巡察组向县粮食和物资储备局党组反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "县委第三专项巡察组", Unit: "县粮食和物资储备局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2023, 3, 13), OnsiteEnd: d(2023, 4, 21), FeedbackDate: d(2023, 6, 2)}},
		{"交叉巡察组", "根据市委部署，2022年8月22日至10月14日，市委第一交叉巡察组对丰林县人民医院党委开展了交叉巡察。11月23日，市委第一交叉巡察组向丰林县人民医院党委反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "市委第一交叉巡察组", Unit: "丰林县人民医院党委", Kind: zhenggai.KindInspection, OnsiteStart: d(2022, 8, 22), OnsiteEnd: d(2022, 10, 14), FeedbackDate: d(2022, 11, 23)}},
		{"提级巡察", "2024年4月1日至5月17日，市委第三巡察组对金沙乡石桥村党支部开展了提级巡察。2024年6月20日，市委第三巡察组向石桥村党支部反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "市委第三巡察组", Unit: "金沙乡石桥村党支部", Kind: zhenggai.KindInspection, OnsiteStart: d(2024, 4, 1), OnsiteEnd: d(2024, 5, 17), FeedbackDate: d(2024, 6, 20)}},
		{"巡视回头看", "2019年10月14日至12月13日，省委第一巡视组对东江市进行了巡视“回头看”。2020年1月9日，省委第一巡视组向东江市委反馈了巡视“回头看”情况。",
			zhenggai.ImportedRound{Inspector: "省委第一巡视组", Unit: "东江市", Kind: zhenggai.KindTour, OnsiteStart: d(2019, 10, 14), OnsiteEnd: d(2019, 12, 13), FeedbackDate: d(2020, 1, 9)}},
		{"州委, group and feedback in two sentences", "2023年5月8日至6月30日，州委第一巡察组对州文联党组进行了巡察。\n2023年8月21日，州委巡察组向州文联党组反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "州委第一巡察组", Unit: "州文联党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2023, 5, 8), OnsiteEnd: d(2023, 6, 30), FeedbackDate: d(2023, 8, 21)}},
		{"across the year end, end and feedback without years", "2022年12月5日至1月20日，市委第四巡察组对市城管局党组进行了巡察。3月2日，市委巡察组向市城管局党组反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "市委第四巡察组", Unit: "市城管局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2022, 12, 5), OnsiteEnd: d(2023, 1, 20), FeedbackDate: d(2023, 3, 2)}},
		{"start without a year, feedback with one", "12月20日至1月10日，县委第一巡察组对县档案馆党支部进行了巡察。2021年1月27日，县委巡察组向县档案馆党支部反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "县委第一巡察组", Unit: "县档案馆党支部", Kind: zhenggai.KindInspection, OnsiteStart: d(2020, 12, 20), OnsiteEnd: d(2021, 1, 10), FeedbackDate: d(2021, 1, 27)}},
		{"起至", "县委第二巡察组自2022年3月1日起至4月4日对县文化馆党支部开展了常规巡察，5月6日反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "县委第二巡察组", Unit: "县文化馆党支部", Kind: zhenggai.KindInspection, OnsiteStart: d(2022, 3, 1), OnsiteEnd: d(2022, 4, 4), FeedbackDate: d(2022, 5, 6)}},
		{"我局, named by the title", "中共临江县交通运输局党组关于县委巡察整改进展情况的通报\n2022年4月6日至5月27日，县委第五巡察组对我局开展了常规巡察，7月5日向我局党组反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "县委第五巡察组", Unit: "中共临江县交通运输局党组", Kind: zhenggai.KindInspection, OnsiteStart: d(2022, 4, 6), OnsiteEnd: d(2022, 5, 27), FeedbackDate: d(2022, 7, 5)}},
		{"the group of the sentence of the inspection, not one named before it", "市委督查组到叶塘镇检查整改，叶塘镇党委就落实市委巡察组反馈意见的情况作了汇报。2018年11月26日至2019年1月26日，兴宁市委机动巡察一组对叶塘镇党委进行了巡察。2019年3月1日，市委巡察组向叶塘镇党委反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "兴宁市委机动巡察一组", Unit: "叶塘镇党委", Kind: zhenggai.KindInspection, OnsiteStart: d(2018, 11, 26), OnsiteEnd: d(2019, 1, 26), FeedbackDate: d(2019, 3, 1)}},
		{"进驻…开展巡察", "2023年2月27日至4月14日，区委第二巡察组进驻区退役军人事务局开展巡察。2023年5月26日，区委第二巡察组向区退役军人事务局党组反馈了巡察意见。",
			zhenggai.ImportedRound{Inspector: "区委第二巡察组", Unit: "区退役军人事务局", Kind: zhenggai.KindInspection, OnsiteStart: d(2023, 2, 27), OnsiteEnd: d(2023, 4, 14), FeedbackDate: d(2023, 5, 26)}},
	}
	for _, c := range cases {
		for _, v := range []struct{ name, text string }{{"as written", c.text}, {"half-width", halfWidth(c.text)}} {
			t.Run(c.name+"/"+v.name, func(t *testing.T) {
				im := mustParse(t, v.text+tail)
				if got := im.Round.Facts(); got != c.want {
					t.Errorf("round\n got %+v\nwant %+v\nwarnings %q", got, c.want, im.Warnings)
				}
			})
		}
	}
}

// TestOutcomes reads the outcome figures of a report's sentences: rules
// made, money in 元 and 万元 to the fen, persons in every word reports use.
func TestOutcomes(t *testing.T) {
	cases := []struct {
		in   string
		want zhenggai.Outcomes
	}{
		{"建立完善制度12项，清退违规资金3.2万元，谈话提醒、批评教育5人，组织处理2人，党纪政务处分1人",
			zhenggai.Outcomes{Rules: 12, RefundedFen: 3_200_000, Talks: 5, Organisational: 2, Disciplinary: 1}},
		{"完善和新建制度589项,清退违规资金66.57万元、追回应由个人承担的资金146万元,挽回经济损失1369.5万元",
			zhenggai.Outcomes{Rules: 589, RefundedFen: 66_570_000, RecoveredFen: 146_000_000, SavedFen: 1_369_500_000}},
		{"制定及修改完善制度12项,追缴资金7.132万元", zhenggai.Outcomes{Rules: 12, RecoveredFen: 7_132_000}},
		{"给予政务处分0人;组织处理0人;诫勉1人。批评帮助5人,责令检查1人,批评教育6人,提醒谈话0人", zhenggai.Outcomes{Talks: 13}},
		{"对3名干部进行了谈话提醒", zhenggai.Outcomes{Talks: 3}},
		{"新建制度8项、修订制度5项", zhenggai.Outcomes{Rules: 13}},
		{"已清退多发的补贴850元", zhenggai.Outcomes{RefundedFen: 85_000}},
		{"召开党组会议5次，组织集中学习12次，培训干部326人次", zhenggai.Outcomes{}},
		{"建立问题清单、任务清单、责任清单", zhenggai.Outcomes{}},
	}
	for _, c := range cases {
		var got zhenggai.Outcomes
		for _, cl := range clauses(halfWidth(c.in)) {
			got = got.Add(scanOutcomes(cl))
		}
		if got != c.want {
			t.Errorf("%s\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
}

// TestTotalsForms reads the totals sentences of the forms the issue lists
// and a few more.
func TestTotalsForms(t *testing.T) {
	cases := []struct {
		in   string
		want zhenggai.Declared
	}{
		{"巡察反馈的4个方面12类问题，细化为45个具体问题，制定86项整改措施，已完成整改40个",
			zhenggai.Declared{Categories: 12, Problems: 45, Measures: 86, Completed: 40}},
		{"反馈的3个大方面13个大项26个具体问题，细化整改任务58个，已完成整改50个",
			zhenggai.Declared{Categories: 13, Problems: 26, Measures: 58, Completed: 50}},
		{"巡察反馈六个方面二十三个问题，已完成整改二十个，正在整改三个", zhenggai.Declared{Categories: 6, Problems: 23, Completed: 20, InProgress: 3}},
		{"巡察组反馈的两个方面7个问题已全部整改到位", zhenggai.Declared{Categories: 2, Problems: 7, Completed: 7}},
		{"共反馈问题14个，整改完成率100%", zhenggai.Declared{Problems: 14, RatePercent: 100}},
		{"反馈的9个问题，已完成整改7个，其中立行立改完成3个", zhenggai.Declared{Problems: 9, Completed: 7}},
		{"要一个问题一个问题地抓好整改，确保统一思想", zhenggai.Declared{}},
	}
	for _, c := range cases {
		if got := scanTotals(halfWidth(c.in)).d; got != c.want {
			t.Errorf("%s\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
}

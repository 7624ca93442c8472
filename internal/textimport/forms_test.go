package textimport

import (
	"reflect"
	"strings"
	"testing"

	"zhenggai"
)

func TestProblemHeading(t *testing.T) {
	cases := []struct {
		in   string
		num  int
		body string
		ok   bool
	}{
		{"问题:学习不深入。", autoNum, "学习不深入。", true},
		{"问题1:学习不深入。", 1, "学习不深入。", true},
		{"问题 12 : 学习不深入。", 12, "学习不深入。", true},
		{"问题十一:学习不深入。", 11, "学习不深入。", true},
		{"存在问题:学习不深入。", autoNum, "学习不深入。", true},
		{"反馈问题:学习不深入。", autoNum, "学习不深入。", true},
		{"关于“学习不深入”问题", autoNum, "关于“学习不深入”问题", true},
		{"关于“学习不深入”的问题", autoNum, "关于“学习不深入”的问题", true},
		{"关于“学习不深入”等问题的整改情况。", autoNum, "关于“学习不深入”等问题的整改情况。", true},
		{"关于“学习不深入”问题。整改情况:一是加强学习。二是建立制度。", autoNum, "关于“学习不深入”问题。整改情况:一是加强学习。二是建立制度。", true},
		{"【问题1】执行中央八项规定精神不严格。", 1, "执行中央八项规定精神不严格。", true},
		{"【反馈问题】学习不深入。", autoNum, "学习不深入。", true},
		{"[问题二]:学习不深入。", 2, "学习不深入。", true},
		{"问题一、学习不深入。", 1, "学习不深入。", true},
		{"问题3.学习不深入。", 3, "学习不深入。", true},
		// Prose that merely starts like a heading.
		{"【整改情况】已完成。", 0, "", false},
		{"问题1.5万元已退还。", 0, "", false},
		{"问题线索:已移交纪检监察组。", 0, "", false},
		{"问题整改是一项长期任务。", 0, "", false},
		{"关于“三重一大”问题,党组已于9月修订议事规则,并严格执行集体决策程序。", 0, "", false},
		{"关于“三重一大”制度的落实,党组已修订议事规则。", 0, "", false},
		{"关于学习不深入的问题", 0, "", false},
		{"关于“未闭合的引号问题", 0, "", false},
	}
	for _, c := range cases {
		n, body, ok := problemHeading(c.in)
		if ok != c.ok || ok && (n != c.num || c.in[body:] != c.body) {
			t.Errorf("problemHeading(%q) = %d, %q, %v; want %d, %q, %v", c.in, n, c.in[min(body, len(c.in)):], ok, c.num, c.body, c.ok)
		}
	}
}

func TestNoiseLines(t *testing.T) {
	noise := []string{
		"首页 > 党风廉政 > 巡察工作 > 整改公示",
		"首页/信息公开/巡察整改",
		"当前位置:首页 >> 政务公开 >> 巡察整改",
		"索引号:11431100MB1D2345XK/2021-01876 主题分类:巡察整改",
		"发布机构:市住房和城乡建设局",
		"标    题:中共东江市住房和城乡建设局党组关于巡察反馈意见整改情况的通报 成文日期:2021年12月20日",
		"有 效 性:有效 主 题 词:巡察整改",
		"发布时间:2022-09-26 15:30 来源:区纪委监委 浏览次数:1386",
		"作者:区纪委 发布时间:2022-09-26",
		"【字体:大 中 小】 打印本页",
		"【打印本页】 【关闭窗口】",
		"扫一扫在手机打开当前页",
		"上一篇:关于…的通报",
	}
	for _, s := range noise {
		if !isNoise(s) {
			t.Errorf("%q not taken as page noise", s)
		}
	}
	report := []string{
		"根据区委统一部署,2022年3月21日至4月29日,区委第三巡察组对区人社局党组开展了常规巡察。",
		"中共云溪区人力资源和社会保障局党组关于区委第三轮巡察整改进展情况的通报",
		"标准化建设:已完成12个支部。",
		"首页设计已经改版,群众反映良好。",
		"作为主体责任人,党组书记亲自抓整改。",
	}
	for _, s := range report {
		if isNoise(s) {
			t.Errorf("%q taken as page noise", s)
		}
	}
}

func TestPublishedDate(t *testing.T) {
	cases := map[string]zhenggai.Date{
		"发布时间:2022-09-26 15:30 来源:区纪委监委":    zhenggai.NewDate(2022, 9, 26),
		"发布日期:2021/12/2":                    zhenggai.NewDate(2021, 12, 2),
		"发布日期: 2021.12.22":                  zhenggai.NewDate(2021, 12, 22),
		"成文日期:2021年12月20日":                  zhenggai.NewDate(2021, 12, 20),
		"发布时间:2022-02-30":                   {},
		"发布时间:2022-09/26":                   {},
		"发布时间:":                             {},
		"索引号:11431100MB1D2345XK/2021-01876": {},
	}
	for in, want := range cases {
		if got := publishedDate(in); got != want {
			t.Errorf("publishedDate(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestExcerptTail(t *testing.T) {
	if got := excerptTail("短句"); got != "短句" {
		t.Errorf("got %q", got)
	}
	s := strings.Repeat("甲", 10) + strings.Repeat("乙", 24)
	if got := excerptTail(s); got != "…"+strings.Repeat("乙", 24) {
		t.Errorf("got %q", got)
	}
}

// A small 巡视 report in the 问题:/整改: form, edited per case.
const tour = `2021年3月8日至5月10日，中央第六巡视组对中共南川省委进行了常规巡视。7月2日，中央第六巡视组向南川省委反馈了巡视意见。
截至12月31日，巡视反馈的2个方面3个问题，完成整改2个，未完成1个，总体完成率66.7%。
（一）贯彻落实党中央重大决策部署方面
问题一：学习贯彻不够深入。
整改：一是制定学习计划。二是开展专题学习。
问题二：重大项目推进迟缓。
整改：已开工建设。
（二）全面从严治党方面
问题三：主体责任落实不力。
整改：正在整改。
中共南川省委
2022年1月10日
`

func TestForms(t *testing.T) {
	d := zhenggai.NewDate
	cases := []struct {
		name  string
		text  func(t *testing.T) string
		warns []string
		check func(t *testing.T, im *zhenggai.Imported)
	}{
		{
			name: "中央巡视组, 问题一: headings",
			text: func(t *testing.T) string { return tour },
			check: func(t *testing.T, im *zhenggai.Imported) {
				want := zhenggai.ImportedRound{Inspector: "中央第六巡视组", Unit: "中共南川省委", Kind: zhenggai.KindTour,
					OnsiteStart: d(2021, 3, 8), OnsiteEnd: d(2021, 5, 10), FeedbackDate: d(2021, 7, 2)}
				if im.Round.Facts() != want {
					t.Errorf("round %+v", im.Round)
				}
				wd := zhenggai.Declared{AsOf: d(2021, 12, 31), Categories: 2, Problems: 3, Completed: 2, NotCompleted: 1, RatePercent: 66}
				if im.Declared != wd {
					t.Errorf("declared %+v", im.Declared)
				}
				if _, probs := titles(im); !reflect.DeepEqual(probs, []string{"学习贯彻不够深入。", "重大项目推进迟缓。", "主体责任落实不力。"}) {
					t.Errorf("problems %q", probs)
				}
				if got := seqs(im); !reflect.DeepEqual(got, []int{1, 2, 3}) {
					t.Errorf("numbers %v", got)
				}
				if got := contentsOf(im, 1); !reflect.DeepEqual(got, []string{"制定学习计划。", "开展专题学习。"}) {
					t.Errorf("measures %q", got)
				}
			},
		},
		{
			name: "巡察组 of each level",
			text: func(t *testing.T) string {
				return strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(tour, "中央第六巡视组", "区委第十二巡察组"), "巡视", "巡察"), "中共南川省委", "区财政局党组")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Round.Facts(); r.Inspector != "区委第十二巡察组" || r.Unit != "区财政局党组" || r.Kind != zhenggai.KindInspection {
					t.Errorf("round %+v", r)
				}
			},
		},
		{
			name: "no year anywhere: the signature's",
			text: func(t *testing.T) string { return edit(t, tour, "2021年3月8日", "3月8日") },
			check: func(t *testing.T, im *zhenggai.Imported) {
				r := im.Round
				if r.OnsiteStart != d(2021, 3, 8) || r.OnsiteEnd != d(2021, 5, 10) || r.FeedbackDate != d(2021, 7, 2) {
					t.Errorf("round %+v: the years should come from the signature date 2022年1月10日 (earlier months: the year before)", r)
				}
			},
		},
		{
			name: "no year anywhere: the 发布时间 line's",
			text: func(t *testing.T) string {
				return "发布时间：2021-11-02 09:00  来源：省纪委监委\n" + edit(t, tour, "2021年3月8日", "3月8日", "中共南川省委\n2022年1月10日\n", "")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Round; r.OnsiteStart != d(2021, 3, 8) || r.FeedbackDate != d(2021, 7, 2) {
					t.Errorf("round %+v", r)
				}
				if im.Declared.AsOf != d(2021, 12, 31) {
					t.Errorf("as of %v", im.Declared.AsOf)
				}
			},
		},
		{
			name: "no year and no date to take it from",
			text: func(t *testing.T) string {
				return edit(t, tour, "2021年3月8日", "3月8日", "2022年1月10日\n", "")
			},
			warns: []string{
				"巡视进驻日期“3月8日”缺少年份，未能确定", "巡视结束日期“5月10日”缺少年份，未能确定",
				"巡视反馈日期“7月2日”缺少年份，未能确定", "截至日期“12月31日”缺少年份，未能确定",
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Categories[1].Problems[0].Rectification; r != "正在整改。" {
					t.Errorf("the undated signature leaked into the last rectification: %q", r)
				}
			},
		},
		{
			name: "inline 一是 list after a one-line 问题:/整改: pair",
			text: func(t *testing.T) string {
				return edit(t, tour, "问题一：学习贯彻不够深入。\n整改：", "问题一：学习贯彻不够深入。整改：")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				p := im.Categories[0].Problems[0]
				if p.Title != "学习贯彻不够深入。" || len(p.Measures) != 2 {
					t.Errorf("problem %+v", p)
				}
			},
		},
		{
			name: "整改措施 label, 一是 one per line",
			text: func(t *testing.T) string {
				return edit(t, tour, "整改：一是制定学习计划。二是开展专题学习。", "整改措施：\n一是制定学习计划；\n二是开展专题学习；\n三是纳入年度考核。")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if got := contentsOf(im, 1); !reflect.DeepEqual(got, []string{"制定学习计划", "开展专题学习", "纳入年度考核。"}) {
					t.Errorf("measures %q", got)
				}
			},
		},
		{
			name: "整改举措 label, and 整改情况 on a line of its own without a colon",
			text: func(t *testing.T) string {
				return edit(t, tour, "整改：一是制定学习计划。二是开展专题学习。", "整改举措：一是制定学习计划。二是开展专题学习。",
					"整改：已开工建设。", "整改情况\n已开工建设。")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				ps := problemsBySeq(t, im)
				if len(ps[1].Measures) != 2 || ps[2].Title != "重大项目推进迟缓。" || ps[2].Rectification != "已开工建设。" {
					t.Errorf("problems %+v", ps)
				}
			},
		},
		{
			name: "fields of a problem before its label go with the rectification; a category title loses its colon",
			text: func(t *testing.T) string {
				return edit(t, tour, "问题一：学习贯彻不够深入。\n整改：", "问题一：学习贯彻不够深入。\n原因分析：学习制度不健全。\n责任领导：王某\n整改：",
					"（一）贯彻落实党中央重大决策部署方面", "（一）贯彻落实党中央重大决策部署方面：")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				p := im.Categories[0].Problems[0]
				if p.Title != "学习贯彻不够深入。" || !strings.HasPrefix(p.Rectification, "原因分析：学习制度不健全。\n责任领导：王某\n一是") {
					t.Errorf("problem %+v", p)
				}
				if c := im.Categories[0].Title; c != "贯彻落实党中央重大决策部署方面" {
					t.Errorf("category %q", c)
				}
			},
		},
		{
			name: "关于“…”问题 heading with its progress on the same line",
			text: func(t *testing.T) string {
				return edit(t, tour, "问题一：学习贯彻不够深入。\n整改：", "关于“学习贯彻不够深入”问题。整改情况：")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				p := im.Categories[0].Problems[0]
				if p.Seq != 1 || p.Title != "关于“学习贯彻不够深入”问题。" || p.Rectification != "一是制定学习计划。二是开展专题学习。" {
					t.Errorf("problem %+v", p)
				}
			},
		},
		{
			name: "page furniture after the last problem ends the problems",
			text: func(t *testing.T) string {
				return edit(t, tour, "中共南川省委\n2022年1月10日\n", "【打印本页】【关闭窗口】\n上一篇：关于…的通报\n")
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if r := im.Categories[1].Problems[0].Rectification; r != "正在整改。" {
					t.Errorf("rectification %q", r)
				}
			},
		},
		{
			name: "stops after a problem heading",
			text: func(t *testing.T) string {
				return tour[:strings.Index(tour, "整改：正在整改。")]
			},
			warns: []string{
				"文本在第9行“问题三：主体责任落实不力。”处中断（停在具体问题3“主体责任落实不力。”的标题中），其后内容缺失（可能复制不全或文件被截断）；已导入此前读到的2个问题类别、3个具体问题",
			},
			check: func(t *testing.T, im *zhenggai.Imported) {
				if p := im.Categories[1].Problems[0]; p.Rectification != "" || len(p.Measures) != 0 {
					t.Errorf("problem %+v", p)
				}
			},
		},
		{
			name: "stops after a category heading",
			text: func(t *testing.T) string {
				return tour[:strings.Index(tour, "问题三")]
			},
			warns: []string{
				"问题类别(二)“全面从严治党方面”下没有解析到具体问题",
				"文本在第8行“（二）全面从严治党方面”处中断（停在问题类别(二)“全面从严治党方面”，其下尚无具体问题），其后内容缺失（可能复制不全或文件被截断）；已导入此前读到的2个问题类别、2个具体问题",
				"公布3个问题，实际解析出2个",
			},
		},
		{
			name: "stops after a bare 整改: label",
			text: func(t *testing.T) string {
				return tour[:strings.Index(tour, "正在整改。")]
			},
			warns: []string{
				"文本在第10行“整改：”处中断（停在具体问题3“主体责任落实不力。”的标题中），其后内容缺失（可能复制不全或文件被截断）；已导入此前读到的2个问题类别、3个具体问题",
			},
		},
		{
			name: "ends without a signature but complete",
			text: func(t *testing.T) string {
				return edit(t, tour, "中共南川省委\n2022年1月10日\n", "")
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

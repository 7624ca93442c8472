package textimport

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"zhenggai"
)

// readReport reads one of the invented reports in testdata: each is
// written the way a real office or web page writes one, in a form the
// seed does not show.
func readReport(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func contentsOf(im *zhenggai.Imported, seq int) []string {
	for _, c := range im.Categories {
		for _, p := range c.Problems {
			if p.Seq == seq {
				out := []string{}
				for _, m := range p.Measures {
					out = append(out, m.Content)
				}
				return out
			}
		}
	}
	return nil
}

// TestReports checks what a clerk checks after an import: who inspected
// whom and when, the declared totals, the categories and problems, how
// progress paragraphs were split into measures, and the warnings.
func TestReports(t *testing.T) {
	d := zhenggai.NewDate
	cases := []struct {
		file     string
		round    zhenggai.ImportedRound
		declared zhenggai.Declared
		cats     []string
		perCat   []int
		probs    map[int]string   // problem number → title
		measures map[int][]string // problem number → measures
		warns    []string
	}{
		{
			// Web page: site path, 发布时间/来源 line, 字体 bar, the title
			// twice; full-width punctuation; 6月10日 without its year.
			file: "qu-renshe-2022.txt",
			round: zhenggai.ImportedRound{
				Inspector: "区委第三巡察组", Unit: "区人社局党组", Kind: zhenggai.KindInspection,
				OnsiteStart: d(2022, 3, 21), OnsiteEnd: d(2022, 4, 29), FeedbackDate: d(2022, 6, 10),
			},
			declared: zhenggai.Declared{AsOf: d(2022, 9, 20), Categories: 3, Problems: 12, Completed: 10, InProgress: 2, RatePercent: 83},
			cats:     []string{"贯彻落实党的路线方针政策和区委决策部署方面", "全面从严治党方面", "党组织建设和干部队伍建设方面"},
			perCat:   []int{4, 4, 4},
			probs: map[int]string{
				1:  "学习贯彻习近平新时代中国特色社会主义思想不够深入，理论学习中心组学习计划性不强。",
				12: "对上轮巡察反馈问题整改不彻底，个别问题反弹回潮。",
			},
			measures: map[int][]string{
				1: {"制定2022年度党组理论学习中心组学习计划，明确12个专题", "开展专题研讨3次，班子成员撰写心得体会14篇", "建立学习通报制度，每季度通报一次学习情况。"},
				3: {"对社保经办岗位进行全面梳理，调整不相容岗位5个", "修订完善《社会保险经办内部控制办法》", "开展社保基金专项检查，追回违规领取待遇2.3万元。"},
				7: {"已清退违规发放的加班补助1.26万元，相关责任人作出书面检查。"},
			},
		},
		{
			// 省委巡视组; unnumbered 关于“…”问题 headings in three forms.
			file: "sheng-xunshi-2021.txt",
			round: zhenggai.ImportedRound{
				Inspector: "省委第二巡视组", Unit: "中共青川市委", Kind: zhenggai.KindTour,
				OnsiteStart: d(2021, 4, 12), OnsiteEnd: d(2021, 6, 11), FeedbackDate: d(2021, 8, 5),
			},
			declared: zhenggai.Declared{AsOf: d(2021, 11, 30), Categories: 3, Problems: 7, Completed: 5, InProgress: 2, RatePercent: 71},
			cats:     []string{"贯彻落实党中央决策部署和省委工作要求方面", "落实全面从严治党战略部署方面", "领导班子和干部队伍建设方面"},
			perCat:   []int{3, 2, 2},
			probs: map[int]string{
				1: "关于“学习贯彻习近平总书记重要讲话精神不够深入”的问题",
				2: "关于“推动高质量发展举措不够有力”问题",
				3: "关于“生态环境保护督察反馈问题整改滞后”问题的整改",
				7: "关于“基层党组织软弱涣散问题整顿不彻底”问题",
			},
			measures: map[int][]string{
				1: {"建立市委常委会会议“第一议题”制度，全年安排学习42次", "举办县处级干部专题读书班2期", "将学习情况纳入年度考核。"},
				3: {"正在整改。已完成整改14项，剩余3项按序时进度推进。"},
			},
		},
		{
			// 索引号/发布机构/成文日期 table whose title row also holds a
			// date, the title twice, 打印本页 and 扫一扫 after the date.
			file: "shi-zhujian-metadata.txt",
			round: zhenggai.ImportedRound{
				Inspector: "市委第五巡察组", Unit: "市住房和城乡建设局党组", Kind: zhenggai.KindInspection,
				OnsiteStart: d(2021, 6, 1), OnsiteEnd: d(2021, 7, 16), FeedbackDate: d(2021, 8, 20),
			},
			declared: zhenggai.Declared{AsOf: d(2021, 12, 15), Categories: 3, Problems: 9, Completed: 6, BasicallyCompleted: 1, InProgress: 1, NotCompleted: 1, RatePercent: 77},
			cats:     []string{"落实党中央决策部署和市委工作要求不够到位", "全面从严治党责任落实不够有力", "基层党组织建设和干部队伍建设不够扎实"},
			perCat:   []int{3, 3, 3},
			probs:    map[int]string{9: "干部教育管理失之于宽。"},
			measures: map[int][]string{
				1: {"对全市公租房保障对象开展全面复核，清退不符合条件的承租户37户", "建立公租房分配联审机制。"},
				9: {"基本完成。开展警示教育大会1次，组织干部观看警示教育片。"},
			},
		},
		{
			// Stops in the middle of problem 5's progress paragraph.
			file: "xian-jiaoyu-truncated.txt",
			round: zhenggai.ImportedRound{
				Inspector: "县委第一巡察组", Unit: "县教育局党组", Kind: zhenggai.KindInspection,
				OnsiteStart: d(2023, 3, 6), OnsiteEnd: d(2023, 4, 21), FeedbackDate: d(2023, 5, 25),
			},
			declared: zhenggai.Declared{AsOf: d(2023, 8, 31), Categories: 3, Problems: 8, Completed: 6, InProgress: 2},
			cats:     []string{"落实教育优先发展战略不到位", "全面从严治党责任落实不力"},
			perCat:   []int{2, 3},
			probs:    map[int]string{5: "校服征订不规范。"},
			measures: map[int][]string{
				5: {"规范校服采购程序，由学校家长委员会参与选样", "对2021年以来的校服征订情况进行清理，责令3所学校退还"},
			},
			warns: []string{
				"文本在第17行“…1年以来的校服征订情况进行清理，责令3所学校退还”处中断（停在具体问题5“校服征订不规范。”的整改情况中），其后内容缺失（可能复制不全或文件被截断）；已导入此前读到的2个问题类别、5个具体问题",
				"公布3个问题，实际解析出2个",
				"公布8个具体问题，实际解析出5个",
			},
		},
		{
			// 问题N:/整改: pairs, 一是 lists one per line, (一) with no
			// 一、 above it, on-site period and feedback in one sentence
			// (5月18日 without its year), 整改到位/序时推进 totals.
			file: "xian-weijian-wenti.txt",
			round: zhenggai.ImportedRound{
				Inspector: "县委第四巡察组", Unit: "县卫生健康局党组", Kind: zhenggai.KindInspection,
				OnsiteStart: d(2022, 3, 14), OnsiteEnd: d(2022, 4, 22), FeedbackDate: d(2022, 5, 18),
			},
			declared: zhenggai.Declared{AsOf: d(2022, 7, 31), Categories: 3, Problems: 7, Completed: 5, InProgress: 2},
			cats:     []string{"党的领导弱化方面", "全面从严治党方面", "基层党组织建设方面"},
			perCat:   []int{2, 3, 2},
			probs:    map[int]string{1: "学习贯彻党的二十大精神不够深入。", 4: "违规发放绩效奖励。"},
			measures: map[int][]string{
				1: {"局党组理论学习中心组开展专题学习4次", "举办全系统专题培训班2期，培训320人次", "制定《局党组理论学习中心组学习制度》。"},
				4: {"已追缴违规发放的绩效奖励4.8万元。"},
				7: {"正在整改。对2018年以来发展的党员档案进行全面审核。"},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			im := mustParse(t, readReport(t, c.file))
			if im.Round.Facts() != c.round {
				t.Errorf("round\n got %+v\nwant %+v", im.Round.Facts(), c.round)
			}
			if im.Declared != c.declared {
				t.Errorf("declared\n got %+v\nwant %+v", im.Declared, c.declared)
			}
			cats, _ := titles(im)
			if !reflect.DeepEqual(cats, c.cats) {
				t.Errorf("categories %q, want %q", cats, c.cats)
			}
			var per []int
			for _, cat := range im.Categories {
				per = append(per, len(cat.Problems))
			}
			if !reflect.DeepEqual(per, c.perCat) {
				t.Errorf("problems per category %v, want %v", per, c.perCat)
			}
			n := 0
			for _, k := range c.perCat {
				n += k
			}
			if got := seqs(im); len(got) != n || got[n-1] != n {
				t.Errorf("problem numbers %v, want 1..%d", got, n)
			}
			ps := problemsBySeq(t, im)
			for seq, want := range c.probs {
				if got := ps[seq].Title; got != want {
					t.Errorf("problem %d title %q, want %q", seq, got, want)
				}
			}
			for seq, want := range c.measures {
				if got := contentsOf(im, seq); !reflect.DeepEqual(got, want) {
					t.Errorf("problem %d measures\n got %q\nwant %q", seq, got, want)
				}
			}
			for _, p := range ps {
				if p.Rectification == "" || len(p.Measures) == 0 {
					t.Errorf("problem %d has no progress: %+v", p.Seq, p)
				}
			}
			warns := c.warns
			if warns == nil {
				warns = []string{}
			}
			if !reflect.DeepEqual(im.Warnings, warns) {
				t.Errorf("warnings\n got %q\nwant %q", im.Warnings, warns)
			}
		})
	}
}

package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"

	"zhenggai"
	"zhenggai/internal/sample"
	"zhenggai/internal/textimport"
)

// The texts: categories, problems and measures come from the seed report
// (internal/sample, parsed once by textimport) and from a bank of the
// findings inspection reports commonly make, varied by the round's seed.

type measureText struct {
	content string
	kind    zhenggai.MeasureKind
}

type bank struct {
	categories []string
	problems   []string
	measures   []measureText
}

// banks are the texts for a 政协 (all) and for any other unit (general).
type banks struct{ all, general *bank }

var (
	bankOnce sync.Once
	theBanks *banks
	bankErr  error
)

func loadBanks() (*banks, error) {
	bankOnce.Do(func() {
		im, err := textimport.Parse(sample.Sangzhi)
		if err != nil {
			bankErr = fmt.Errorf("parse seed: %w", err)
			return
		}
		b := &bank{}
		for _, c := range im.Categories {
			b.categories = append(b.categories, c.Title)
			for _, p := range c.Problems {
				b.problems = append(b.problems, p.Title)
				for _, m := range p.Measures {
					k := m.Kind
					if k == "" {
						k = zhenggai.MeasureImmediate
					}
					b.measures = append(b.measures, measureText{strings.TrimSpace(m.Content), k})
				}
			}
		}
		b.categories = append(b.categories, commonCategories...)
		b.problems = append(b.problems, commonProblems...)
		for _, m := range commonMeasures {
			k := zhenggai.MeasureImmediate
			if strings.Contains(m, "制度") || strings.Contains(m, "办法") || strings.Contains(m, "机制") {
				k = zhenggai.MeasureMechanism
			}
			b.measures = append(b.measures, measureText{m, k})
		}
		theBanks = &banks{all: b, general: b.general()}
	})
	return theBanks, bankErr
}

var commonCategories = []string{
	"落实党的路线方针政策和党中央决策部署不到位",
	"履行全面从严治党主体责任不到位",
	"落实新时代党的组织路线有差距",
	"落实中央八项规定精神不严格",
	"意识形态工作责任制落实不到位",
	"基层党组织建设薄弱",
	"干部队伍建设有短板",
	"财务管理不规范",
	"落实上轮巡察整改不彻底",
	"廉政风险防控不到位",
	"服务群众意识不强",
	"形式主义、官僚主义问题仍然存在",
}

var commonProblems = []string{
	"党组理论学习中心组学习计划性不强，专题研讨流于形式。",
	"“三重一大”事项集体决策制度执行不严格，部分事项未经党组会研究。",
	"公务接待管理不规范，接待清单填写不完整。",
	"公务用车使用登记不全，存在私车公养风险。",
	"固定资产管理混乱，账实不符，部分资产未入账。",
	"专项资金使用不规范，存在挤占挪用现象。",
	"干部选拔任用程序不规范，部分干部档案材料缺失。",
	"基层党支部“三会一课”制度落实不严格，会议记录不全。",
	"党风廉政建设责任制落实不到位，廉政谈话开展不经常。",
	"对下属单位监督管理不力，问题整改跟踪不够。",
	"政府采购程序不规范，部分项目化整为零规避招标。",
	"上轮巡察反馈问题整改不彻底，个别问题反弹回潮。",
	"意识形态阵地管理不严，网站和公众号信息审核把关不严。",
	"干部教育培训针对性不强，年轻干部培养力度不够。",
	"“一岗双责”落实不到位，班子成员抓分管领域党风廉政建设不够。",
	"财务报销审核不严，部分票据手续不全。",
	"落实为民办实事措施不够具体，群众反映的问题回应不及时。",
	"内部控制制度不健全，关键岗位未实行定期轮岗。",
	"党员发展程序不规范，部分入党材料填写不完整。",
	"文山会海问题没有根本改观，基层负担仍然较重。",
}

var commonMeasures = []string{
	"召开专题民主生活会，深入查摆问题根源，制定整改清单。",
	"修订完善《“三重一大”事项集体决策制度》，严格按程序决策。",
	"对固定资产进行全面清查盘点，做到账账相符、账实相符。",
	"组织开展财务专项检查，对不规范票据逐笔整改。",
	"建立整改台账，实行清单化管理、销号式推进。",
	"组织党员干部集中学习党章党规，开展警示教育。",
	"完善干部档案，补齐缺失材料，规范选拔任用程序。",
	"制定《公务接待管理办法》，严格执行公务接待标准。",
	"加强对下属单位的监督检查，每半年开展一次专项督查。",
	"落实“三会一课”制度，规范会议记录，党支部书记定期检查。",
	"开展廉政谈话，班子成员与分管股室负责人逐一谈心谈话。",
	"建立健全内部控制制度，对关键岗位实行定期轮岗。",
	"对意识形态阵地开展全面排查，落实信息发布“三审三校”制度。",
	"制定年轻干部培养计划，选派年轻干部到基层一线锻炼。",
	"对照上轮巡察反馈问题逐项“回头看”，巩固整改成果。",
	"建立问题整改长效机制，将整改情况纳入年度绩效考核。",
}

// localise makes a text of the seed, written about 桑植县, read as if
// written about unit's place.
func localise(s, unit string) string {
	if place := shortPlace(unit); place != "" {
		s = strings.ReplaceAll(s, "桑植县", place)
		s = strings.ReplaceAll(s, "桑植", strings.TrimRight(place, "县市"))
	}
	return s
}

// cppccWords are what only a 政协 (the seed's unit) writes about itself:
// the seed's texts that use them are given to 政协 units only.
var cppccWords = []string{"政协", "委员", "提案", "主席", "常委"}

func aboutCPPCC(s string) bool {
	for _, w := range cppccWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// general is the bank without the texts about a 政协.
func (b *bank) general() *bank {
	g := &bank{}
	for _, s := range b.categories {
		if !aboutCPPCC(s) {
			g.categories = append(g.categories, s)
		}
	}
	for _, s := range b.problems {
		if !aboutCPPCC(s) {
			g.problems = append(g.problems, s)
		}
	}
	for _, m := range b.measures {
		if !aboutCPPCC(m.content) {
			g.measures = append(g.measures, m)
		}
	}
	return g
}

// forUnit is the bank to draw a unit's texts from.
func (b *banks) forUnit(unit string) *bank {
	if strings.Contains(unit, "政协") {
		return b.all
	}
	return b.general
}

// Variations: the same finding is written a little differently in each
// report.
var (
	problemLead = []string{"", "", "", "部分", "个别股室", "%d年以来，", "下属单位"}
	problemTail = []string{"", "", "", "整改不够彻底。", "存在“重形式、轻实效”现象。", "上级多次提醒仍未改正。"}
	measureTail = []string{"", "", "", "", "已建立整改台账，实行销号管理。", "并形成书面材料报巡察办。", "做到立行立改、举一反三。"}
)

func vary(rng *rand.Rand, s string, lead, tail []string, year int) string {
	l := lead[rng.IntN(len(lead))]
	if strings.Contains(l, "%d") {
		l = fmt.Sprintf(l, year-1-rng.IntN(3))
	}
	t := tail[rng.IntN(len(tail))]
	if t != "" {
		s = strings.TrimRight(s, "。.；;，, ") + "，" + t
	}
	return l + s
}

func (b *bank) problem(rng *rand.Rand, unit string, year int) string {
	return vary(rng, localise(b.problems[rng.IntN(len(b.problems))], unit), problemLead, problemTail, year)
}

func (b *bank) measure(rng *rand.Rand, unit string) measureText {
	m := b.measures[rng.IntN(len(b.measures))]
	m.content = vary(rng, localise(m.content, unit), []string{""}, measureTail, 0)
	if !strings.HasSuffix(m.content, "。") {
		m.content += "。"
	}
	return m
}

// rectification is the 整改情况 paragraph of a problem, the way reports
// write it: 一是……。二是……。
func rectification(measures []string) string {
	var sb strings.Builder
	for i, m := range measures {
		sb.WriteString(zhenggai.Numeral(i + 1)) // at most 99 measures
		sb.WriteString("是")
		sb.WriteString(m)
	}
	return sb.String()
}

// Progress reports, by stage. {office}, {leader} and {n} are filled in.
var (
	progressNotStarted = []string{
		"已列入整改计划，正在研究具体措施。",
		"已明确{office}牵头，整改方案正在制定中。",
	}
	progressFirst = []string{
		"已召开专题会议研究部署，制定整改方案，明确责任人和完成时限。",
		"已将该项整改任务分解到{office}，建立整改台账。",
		"已按整改方案启动，明确责任人和时限，正在推进。",
	}
	progressMiddle = []string{
		"正在按整改方案推进，已完成约{n}0%。",
		"{office}已组织专题学习{n}次，形成学习记录。",
		"已对照问题清单开展自查，发现并整改问题{n}个。",
		"相关制度已形成征求意见稿，正在征求意见。",
		"{leader}听取整改进展汇报，督促加快推进。",
		"已完成阶段性任务，相关资料正在整理归档。",
	}
	progressDone = []string{
		"已完成整改，相关佐证材料已归档。",
		"整改措施已全部落实到位，经{leader}审核同意销号。",
		"已完成整改并通过巡察办验收。",
	}
	progressBasically = []string{
		"主体工作已完成，剩余工作正在收尾。",
		"已基本完成整改，个别事项需待上级政策明确后落实。",
	}
	progressOngoing = []string{
		"已建立长效机制，纳入日常工作长期坚持。",
		"相关制度已印发执行，将长期坚持并定期检查落实情况。",
	}
)

func progressText(rng *rand.Rand, list []string, office, leader string) string {
	s := list[rng.IntN(len(list))]
	s = strings.ReplaceAll(s, "{office}", office)
	s = strings.ReplaceAll(s, "{leader}", leader)
	return strings.ReplaceAll(s, "{n}", fmt.Sprint(2+rng.IntN(7)))
}

package gen

import (
	"math/rand/v2"
	"strings"
)

// Names are made from parts, so that a province's thousand units have
// names of the shape real ones have ("某某县卫生健康局党组") without naming
// a real place or person on purpose.

// placeFirst and placeSecond make two-character place names.
var (
	placeFirst  = []rune("桑慈永武安临石平长宁华兴新清龙凤云江河湘沅澧桃岳衡邵益娄郴怀常株茶攸炎浏汨澄泸溆辰麻通靖会芷洪隆双冷涟")
	placeSecond = []rune("植利定陵乡门阳源山溪化川水州田城口坪江峰岗林塘湖桥泉庆丰安宁远顺乐兴昌平和康盛")
)

// places hands out place names, never the same twice.
type places struct {
	rng  *rand.Rand
	used map[string]bool
}

func newPlaces(rng *rand.Rand) *places { return &places{rng: rng, used: map[string]bool{}} }

// next is a new two-character place name, or a three-character one once
// the two-character names run short.
func (p *places) next() string {
	for try := 0; ; try++ {
		name := string(placeFirst[p.rng.IntN(len(placeFirst))]) + string(placeSecond[p.rng.IntN(len(placeSecond))])
		if try > 50 {
			name += string(placeSecond[p.rng.IntN(len(placeSecond))])
		}
		if !p.used[name] {
			p.used[name] = true
			return name
		}
	}
}

// departments are the party groups and committees of a county's (or a
// city's) bodies that an inspection office inspects, written after the
// place ("桑植县" + "卫生健康局党组").
var departments = []string{
	"政协党组", "人大常委会党组", "人民政府办公室党组", "发展和改革局党组", "教育局党组", "科学技术局党组",
	"工业和信息化局党组", "公安局党委", "民政局党组", "司法局党组", "财政局党组", "人力资源和社会保障局党组",
	"自然资源局党组", "生态环境分局党组", "住房和城乡建设局党组", "交通运输局党组", "水利局党组", "农业农村局党组",
	"商务局党组", "文化旅游广电体育局党组", "卫生健康局党组", "退役军人事务局党组", "应急管理局党组", "审计局党组",
	"市场监督管理局党组", "统计局党组", "林业局党组", "医疗保障局党组", "乡村振兴局党组", "城市管理和综合执法局党组",
	"信访局党组", "机关事务服务中心党组", "融媒体中心党组", "人民法院党组", "人民检察院党组", "总工会党组",
	"妇联党组", "科协党组", "供销合作社党组", "人民医院党委", "中医医院党委", "妇幼保健院党委", "第一中学党委",
	"职业中专学校党委", "城市建设投资集团有限公司党委", "水务投资有限公司党委", "国有资产事务中心党组", "档案馆党组",
}

// countyBodies are a county's own leading bodies, which a city's
// inspection office inspects ("慈利县" + "委").
var countyBodies = []string{"委", "人民政府党组", "人大常委会党组", "政协党组", "纪委监委机关党支部"}

// Township party committees, after the township's name.
var townships = []string{"镇党委", "乡党委", "街道党工委"}

// units lists n unit names for one jurisdiction, e.g. a county: first its
// departments, in an order the seed decides, then, when there are more
// units than departments, sub-jurisdictions made from fresh place names
// (counties under a city, townships under a county).
func unitNames(rng *rand.Rand, pl *places, prefix string, city bool, n int) []string {
	out := make([]string, 0, n)
	for _, i := range rng.Perm(len(departments)) {
		if len(out) == n {
			return out
		}
		out = append(out, prefix+departments[i])
	}
	for len(out) < n {
		sub := pl.next()
		if city {
			county := sub + "县"
			for _, b := range countyBodies {
				if len(out) == n {
					break
				}
				out = append(out, county+b)
			}
			continue
		}
		out = append(out, prefix+sub+townships[rng.IntN(len(townships))])
	}
	return out
}

// People: surnames and given names common in central China.
var (
	surnames   = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高覃向田彭谷钟唐邓龙符尹宋廖贺易")
	givenNames = []string{
		"建国", "志华", "春梅", "立新", "秀英", "明", "丽", "伟", "红", "洋", "静", "斌", "帆", "敏", "海燕",
		"晓东", "文军", "俊", "玲", "勇", "芳", "国庆", "小平", "卫东", "德明", "玉兰", "桂香", "新华", "永红",
		"建军", "海波", "婷", "磊", "涛", "丹", "霞", "鹏", "超", "琳", "雪梅", "志强", "少华", "金凤",
	}
)

// people hands out names of persons, unique within one unit.
func people(rng *rand.Rand, n int) []string {
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for len(out) < n {
		name := string(surnames[rng.IntN(len(surnames))]) + givenNames[rng.IntN(len(givenNames))]
		if seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, name)
	}
	return out
}

// offices are the sections of a unit that measures are assigned to (责任委室).
var offices = []string{
	"办公室", "机关党支部", "组织人事股", "财务股", "政策法规股", "综合股", "业务股", "督查室",
	"规划股", "宣传教育股", "审批服务股", "纪检监察室",
}

// pick returns n distinct elements of list in an order the seed decides.
func pick(rng *rand.Rand, list []string, n int) []string {
	if n > len(list) {
		n = len(list)
	}
	out := make([]string, n)
	for i, j := range rng.Perm(len(list))[:n] {
		out[i] = list[j]
	}
	return out
}

// shortPlace is the place a unit's name begins with ("桑植县" of
// "桑植县卫生健康局党组"), for texts that name it.
func shortPlace(unit string) string {
	for _, suffix := range []string{"县", "市"} {
		if i := strings.Index(unit, suffix); i > 0 {
			return unit[:i+len(suffix)]
		}
	}
	return ""
}

package regsample

import (
	"fmt"
	"math/rand/v2"

	"zhenggai"
)

// The demo's township liaison groups and members' suggestions (seed
// problems 13 and 15): 23 townships, 8 of them without a group leader
// when the round gave its feedback (澧源镇 since March 2018, filled in
// September 2020 as the seed's report says), leaders seldom invited;
// 17 suggestions on the platform in five years, more on paper.

// Seed facts of the townships and suggestions.
var (
	// Townships are the county's 23 townships.
	Townships = []string{"澧源镇", "瑞塔铺镇", "官地坪镇", "凉水口镇", "龙潭坪镇", "五道水镇", "陈家河镇", "廖家村镇",
		"利福塔镇", "八大公山镇", "桥自湾镇", "人潮溪镇", "上河溪乡", "走马坪白族乡", "刘家坪白族乡", "芙蓉桥白族乡",
		"马合口白族乡", "沙塔坪乡", "空壳树乡", "河口乡", "洪家关白族乡", "竹叶坪乡", "淋溪河白族乡"}
	// VacantAtFeedback are the townships without a leader on Feedback, the
	// first since LiyuanVacant; LiyuanFilled is when it got one again.
	VacantAtFeedback = []string{"澧源镇", "官地坪镇", "五道水镇", "廖家村镇", "人潮溪镇", "上河溪乡", "沙塔坪乡", "竹叶坪乡"}
	LiyuanVacant     = zhenggai.NewDate(2018, 3, 15)
	LiyuanFilled     = zhenggai.NewDate(2020, 9, 10)
	// PlatformSuggestions is how many suggestions came in on the platform
	// in the five years (多年来在平台上提出意见建议仅17条).
	PlatformSuggestions = 17
)

// lxSurnames and lxGiven names for the demo's members, apart from the unit's
// own people.
var (
	lxSurnames = []string{"覃", "向", "谷", "钟", "田", "龚", "贺", "符", "黄", "唐", "罗", "陈", "伍", "熊", "邓", "庹"}
	lxGiven    = []string{"建军", "红梅", "志强", "海燕", "国庆", "春燕", "德明", "秀兰", "宏伟", "丽华", "永福", "家贵", "小平", "玉兰", "少华", "先进"}
)

// DemoTownships are the demo's liaison groups, each with its leaders over
// 2016–2020, members and the invitations it received.
func DemoTownships(sample bool) []*zhenggai.Township {
	rng := rand.New(rand.NewPCG(15, 2020))
	name := func() string {
		return lxSurnames[rng.IntN(len(lxSurnames))] + lxGiven[rng.IntN(len(lxGiven))]
	}
	vacant := map[string]bool{}
	for _, n := range VacantAtFeedback {
		vacant[n] = true
	}
	since := zhenggai.NewDate(2016, 5, 1)
	var out []*zhenggai.Township
	for i, n := range Townships {
		t := &zhenggai.Township{Name: n, Seq: i + 1, Since: since, Sample: sample}
		switch {
		case n == "澧源镇":
			t.Posts = append(t.Posts,
				zhenggai.LiaisonPost{Name: name(), Role: zhenggai.LiaisonLeader, From: since, To: LiyuanVacant},
				zhenggai.LiaisonPost{Name: name(), Role: zhenggai.LiaisonLeader, From: LiyuanFilled})
		case vacant[n]:
			// A leader who left (retired, moved) in 2017–2019 and was
			// not replaced; one group never led.
			if i%4 != 3 {
				left := zhenggai.NewDate(2017+i%3, 1+i%12, 10)
				t.Posts = append(t.Posts, zhenggai.LiaisonPost{Name: name(), Role: zhenggai.LiaisonLeader, From: since, To: left})
			}
		default:
			t.Posts = append(t.Posts, zhenggai.LiaisonPost{Name: name(), Role: zhenggai.LiaisonLeader, From: since})
		}
		t.Posts = append(t.Posts, zhenggai.LiaisonPost{Name: name(), Role: zhenggai.LiaisonDeputy, From: since})
		for k := 0; k < 3+rng.IntN(3); k++ {
			t.Posts = append(t.Posts, zhenggai.LiaisonPost{Name: name(), Role: zhenggai.LiaisonMember, From: since})
		}
		// Seldom invited: about one group in three a year, once.
		for y := 2016; y <= 2020; y++ {
			if rng.IntN(3) != 0 {
				continue
			}
			k := zhenggai.InvitationKinds[rng.IntN(len(zhenggai.InvitationKinds))]
			on := zhenggai.NewDate(y, 3+rng.IntN(8), 5+rng.IntN(20))
			if y == 2020 && on.Month() > 10 {
				on = zhenggai.NewDate(y, 10, on.Day())
			}
			if t.LeaderOn(on) == nil {
				continue // the group had no leader to invite
			}
			title := map[zhenggai.InvitationKind]string{zhenggai.InviteInspection: "县政协脱贫攻坚专项视察",
				zhenggai.InviteResearch: "县政协茶叶产业发展专题调研", zhenggai.InviteStanding: fmt.Sprintf("县政协常委会%d年第%d次会议", y, 1+rng.IntN(4))}[k]
			t.Invitations = append(t.Invitations, zhenggai.LiaisonInvitation{Kind: k, Title: title, On: on, Attended: rng.IntN(4) != 0})
		}
		out = append(out, t)
	}
	return out
}

// DemoSuggestions are the demo's micro-suggestions and 社情民意 of
// 2016–2020: PlatformSuggestions on the platform, the rest on paper; a
// few adopted, one instructed on.
func DemoSuggestions(sample bool) []*zhenggai.Suggestion {
	rng := rand.New(rand.NewPCG(13, 2020))
	titles := []string{"关于加强农村饮水安全保障的建议", "关于规范城区停车秩序的建议", "关于加快茶叶品牌建设的建议", "关于改善乡村公路养护的建议",
		"关于加强留守儿童关爱的建议", "关于规范农村建房管理的建议", "关于提升景区服务水平的建议", "关于加强小水电生态治理的建议",
		"关于城东路段增设路灯的微建议", "关于完善乡镇卫生院设施的建议", "关于发展林下经济的建议", "关于加强古村落保护的建议"}
	var out []*zhenggai.Suggestion
	platform := map[int]bool{}
	for len(platform) < PlatformSuggestions {
		platform[rng.IntN(45)] = true
	}
	for i := 0; i < 45; i++ {
		y := 2016 + i*5/45
		s := &zhenggai.Suggestion{Name: lxSurnames[rng.IntN(len(lxSurnames))] + lxGiven[rng.IntN(len(lxGiven))], Kind: zhenggai.SuggestSQMY,
			Via: zhenggai.ViaPaper, Title: titles[rng.IntN(len(titles))], On: zhenggai.NewDate(y, 1+rng.IntN(10), 1+rng.IntN(27)), Sample: sample}
		if i%3 == 0 {
			s.Kind = zhenggai.SuggestMicro
		}
		if platform[i] {
			s.Via = zhenggai.ViaPlatform
		}
		if rng.IntN(6) == 0 {
			s.Adopted = zhenggai.AdoptionLevels[rng.IntN(3)]
			s.AdoptedOn, s.AdoptedBy = s.On.AddDays(20+rng.IntN(40)), "《社情民意》"
			if s.AdoptedOn.Year() > 2020 || s.AdoptedOn.Year() == 2020 && s.AdoptedOn.Month() > 10 {
				s.AdoptedOn = zhenggai.NewDate(2020, 10, 20)
			}
		}
		out = append(out, s)
	}
	out[4].Instruction, out[4].InstructedBy, out[4].InstructedOn = "请县水利局研究办理。", "县长", out[4].On.AddDays(15)
	return out
}

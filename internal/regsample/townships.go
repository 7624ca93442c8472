package regsample

import (
	"zhenggai"
)

// Seed facts of the townships' liaison groups (seed problem 15: "桑植县共
// 23个乡镇，其中8个乡镇政协联络组长空缺，如澧源镇2018年至今无政协联络组长"; the
// report: "目前澧源镇政协联络组长已配备到位").
var (
	// Townships are the county's 23 townships.
	Townships = []string{"澧源镇", "瑞塔铺镇", "官地坪镇", "凉水口镇", "龙潭坪镇", "五道水镇", "陈家河镇", "廖家村镇", "利福塔镇",
		"八大公山镇", "人潮溪镇", "桥自弯镇", "上河溪乡", "河口乡", "沙塔坪乡", "空壳树乡", "两河口乡", "走马坪白族乡",
		"刘家坪白族乡", "芙蓉桥白族乡", "马合口白族乡", "淋溪河白族乡", "洪家关白族乡"}
	// VacantFrom are the townships whose leader's post stood empty, from
	// the day after their last leader left; Filled when one was appointed
	// again (澧源镇, during the rectification).
	VacantFrom = map[string]zhenggai.Date{
		"澧源镇":    zhenggai.NewDate(2018, 3, 1),
		"凉水口镇":   zhenggai.NewDate(2019, 2, 1),
		"五道水镇":   zhenggai.NewDate(2019, 4, 1),
		"八大公山镇":  zhenggai.NewDate(2019, 6, 1),
		"沙塔坪乡":   zhenggai.NewDate(2019, 7, 1),
		"两河口乡":   zhenggai.NewDate(2019, 9, 1),
		"走马坪白族乡": zhenggai.NewDate(2019, 10, 1),
		"淋溪河白族乡": zhenggai.NewDate(2019, 12, 1),
	}
	Filled = map[string]zhenggai.Date{"澧源镇": zhenggai.NewDate(2020, 9, 15)}
)

// since is when the groups were formed, before the registers.
var since = zhenggai.NewDate(2012, 1, 1)

// makeTownships makes the townships with their leaders, members and the
// invitations they had: in the demo a few leaders a year invited before
// the feedback and every leader to a standing committee meeting after
// it; elsewhere townships as many as the demo's, a vacancy in one of
// five, and invitations for about half the leaders a year.
func (m *maker) makeTownships() {
	byTownship := map[string][]int{}
	for i := range m.cmembers {
		t := Townships[i%len(Townships)]
		m.cmembers[i].Township = t
		byTownship[t] = append(byTownship[t], i)
	}
	for ti, name := range Townships {
		t := zhenggai.Township{Name: name, Seq: ti + 1, Sample: m.c.Sample}
		ms := byTownship[name]
		leaderAt := func(k int) (int64, string) {
			if len(ms) == 0 {
				return 0, m.cnames(1, map[string]bool{})[0]
			}
			i := ms[k%len(ms)]
			return int64(i + 1), m.cmembers[i].Name
		}
		id, who := leaderAt(0)
		post := zhenggai.LiaisonPost{MemberID: id, Name: who, Role: zhenggai.LiaisonLeader, From: since}
		vacant, isVacant := VacantFrom[name]
		if !m.c.Facts {
			isVacant = m.crng.IntN(5) == 0
			vacant = m.dayIn(m.c.From.Year() + m.crng.IntN(m.c.To.Year()-m.c.From.Year()+1))
		}
		if isVacant {
			post.To = vacant.AddDays(-1)
		}
		t.Posts = append(t.Posts, post)
		if f, ok := Filled[name]; ok && m.c.Facts {
			id, who := leaderAt(1)
			t.Posts = append(t.Posts, zhenggai.LiaisonPost{MemberID: id, Name: who, Role: zhenggai.LiaisonLeader, From: f})
		}
		for k := 2; k < 4 && k < len(ms)+1; k++ {
			id, who := leaderAt(k)
			t.Posts = append(t.Posts, zhenggai.LiaisonPost{MemberID: id, Name: who, Role: zhenggai.LiaisonMember, From: since})
		}
		m.townships = append(m.townships, t)
	}
	// Invitations: a few events a year, each inviting some groups' leaders.
	kinds := []zhenggai.InvitationKind{zhenggai.InviteInspection, zhenggai.InviteResearch, zhenggai.InviteStanding}
	titles := map[zhenggai.InvitationKind]string{zhenggai.InviteInspection: "县政协重点项目视察",
		zhenggai.InviteResearch: "县政协专题调研", zhenggai.InviteStanding: "列席县政协常委会议"}
	invite := func(ti int, k zhenggai.InvitationKind, on zhenggai.Date) {
		t := &m.townships[ti]
		var leader *zhenggai.LiaisonPost
		for pi := range t.Posts {
			p := &t.Posts[pi]
			if p.Role == zhenggai.LiaisonLeader && !on.Before(p.From) && (p.To.IsZero() || !p.To.Before(on)) {
				leader = p
			}
		}
		if leader == nil {
			return // nobody to invite
		}
		t.Invitations = append(t.Invitations, zhenggai.LiaisonInvitation{Kind: k, Title: titles[k], On: on, Name: leader.Name,
			Attended: m.crng.IntN(5) > 0})
	}
	for y := m.c.From.Year(); y <= m.c.To.Year(); y++ {
		for e := range 3 {
			k := kinds[e%len(kinds)]
			on := m.dayIn(y)
			if m.c.Facts && !on.Before(Feedback) {
				continue
			}
			n := 2
			if !m.c.Facts {
				n = len(m.townships) / 4
			}
			for _, ti := range m.crng.Perm(len(m.townships))[:n] {
				invite(ti, k, on)
			}
		}
	}
	if m.c.Facts {
		// After the feedback: every leader to the standing committee.
		on := workday(zhenggai.NewDate(2020, 9, 25))
		for ti := range m.townships {
			invite(ti, zhenggai.InviteStanding, on)
		}
	}
}

package regsample

import (
	"fmt"
	"math/rand/v2"

	"zhenggai"
)

// Seed facts of study (seed problems 1–3): before the rectification no
// one checked the party members' study notes ("学习停留在表面"); after the
// feedback "党组书记和党支部书记定期对党员的学习笔记进行检查，有效杜绝了没有学习
// 笔记或记录不全的现象": the third quarter of 2020 checked on NotesFirstCheck
// found some notes incomplete and one member without notes, and those
// were checked again on NotesRecheck and passed. The study sessions are
// the meetings' (中心组学习 and 党课 of the sample), not made here.
var (
	NotesFirstCheck = zhenggai.NewDate(2020, 9, 28)
	NotesRecheck    = zhenggai.NewDate(2020, 10, 20)
)

// makeNotesChecks makes the notes checks from their own generator: the
// party group's secretary (Leaders[0]) checks the leaders, the branch
// secretary (Staff[1]) the staff and the secretary. In the demo, the
// checks above; elsewhere a check a quarter for most members, now and
// then one found incomplete or without notes.
func (m *maker) makeNotesChecks() {
	rng := rand.New(rand.NewPCG(m.c.Seed, 0x7374_7564))
	secretary, branch := m.c.Leaders[0], m.c.Staff[1]
	checker := func(p *zhenggai.Person) string {
		if p.Kind == zhenggai.PersonLeader && p.Name != secretary {
			return secretary
		}
		if p.Name == branch {
			return secretary
		}
		return branch
	}
	var scope []*zhenggai.Person
	for i := range m.persons {
		if zhenggai.InStudyScope(&m.persons[i]) {
			scope = append(scope, &m.persons[i])
		}
	}
	add := func(p *zhenggai.Person, on zhenggai.Date, period zhenggai.StudyPeriod, res zhenggai.NotesResult, remark string) {
		m.notesChecks = append(m.notesChecks, zhenggai.NotesCheck{Name: p.Name, CheckerName: checker(p), On: on, Period: period,
			Result: res, Remark: remark, Sample: m.c.Sample})
	}
	if m.c.Facts {
		for i, p := range scope {
			switch {
			case i == len(scope)-1:
				add(p, NotesFirstCheck, "2020-Q3", zhenggai.NotesNone, "未见学习笔记，限期补记")
				add(p, NotesRecheck, "2020-10", zhenggai.NotesPass, "已补记学习笔记，复查合格")
			case i >= len(scope)-3:
				add(p, NotesFirstCheck, "2020-Q3", zhenggai.NotesIncomplete, "记录不全，缺少心得体会")
				add(p, NotesRecheck, "2020-10", zhenggai.NotesPass, "复查合格")
			default:
				add(p, NotesFirstCheck, "2020-Q3", zhenggai.NotesPass, "")
			}
		}
		return
	}
	for y := m.c.From.Year(); y <= m.c.To.Year(); y++ {
		for q := 1; q <= 4; q++ {
			period := zhenggai.StudyPeriod(fmt.Sprintf("%04d-Q%d", y, q))
			_, last := period.Bounds()
			on := workday(last.AddDays(-8))
			if on.Before(m.c.From) || m.c.To.Before(on) {
				continue
			}
			for _, p := range scope {
				if rng.IntN(100) >= 92 {
					continue
				}
				switch r := rng.IntN(100); {
				case r < 3:
					add(p, on, period, zhenggai.NotesNone, "未见学习笔记")
				case r < 10:
					add(p, on, period, zhenggai.NotesIncomplete, "记录不全")
				default:
					add(p, on, period, zhenggai.NotesPass, "")
				}
			}
		}
	}
}

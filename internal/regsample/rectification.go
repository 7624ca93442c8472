package regsample

import (
	"math/rand/v2"
	"slices"

	"zhenggai"
)

// The seed's rectification meetings (巡察整改期间，先后召开党组会议5次、
// 主席会议3次、全体党员大会1次): in the demo they are in the meetings
// register after the feedback, each with an item on the rectification,
// so that the progress report counts them (zhenggai.RecountMeetings)
// instead of quoting the typed figures. The seed gives no dates: these
// are chosen, the first party group meeting right after the feedback
// (迅即组织召开党组会议). They come from a generator of their own, after
// every other register is made, so that those stay exactly as they were.

// RectificationMeetingType is the seed's 全体党员大会, a type the default
// list lacks: the demo's unit adds it to its meeting types.
const RectificationMeetingType = "全体党员大会"

// rectificationMeetings are the seed's meetings, by type, day and items.
var rectificationMeetings = []struct {
	typ   string
	day   zhenggai.Date
	items []string
}{
	{zhenggai.MeetingPartyGroup, zhenggai.NewDate(2020, 7, 31), []string{"传达市委巡察组反馈意见，研究部署巡察整改工作", "研究成立巡察整改工作领导小组"}},
	{RectificationMeetingType, zhenggai.NewDate(2020, 8, 4), []string{"通报巡察反馈意见和整改工作安排"}},
	{"主席会议", zhenggai.NewDate(2020, 8, 6), []string{"研究落实巡察反馈意见涉及政协履职工作的整改措施"}},
	{zhenggai.MeetingPartyGroup, zhenggai.NewDate(2020, 8, 20), []string{"审议巡察反馈问题整改方案"}},
	{"主席会议", zhenggai.NewDate(2020, 8, 27), []string{"研究提案办理工作整改措施"}},
	{zhenggai.MeetingPartyGroup, zhenggai.NewDate(2020, 9, 10), []string{"听取巡察整改工作进展情况汇报，研究督促推进措施"}},
	{zhenggai.MeetingPartyGroup, zhenggai.NewDate(2020, 9, 29), []string{"研究巡察整改中建立完善的制度"}},
	{"主席会议", zhenggai.NewDate(2020, 10, 16), []string{"听取各委室巡察整改工作进展情况汇报"}},
	{zhenggai.MeetingPartyGroup, zhenggai.NewDate(2020, 10, 22), []string{"研究巡察整改进展情况报告"}},
}

// rectification appends the seed's rectification meetings (with Facts,
// inside From–To), then numbers the meetings of their types in their
// year by date again: a meeting after them in the year moves up.
func (m *maker) rectification() {
	if !m.c.Facts {
		return
	}
	rng := rand.New(rand.NewPCG(m.c.Seed, 0x7a68_656e_6767_6169))
	agree := []string{"同意。", "同意，要按时限抓好落实。", "同意，建议定期督办。"}
	type key struct {
		typ  string
		year int
	}
	touched := map[key]bool{}
	for _, r := range rectificationMeetings {
		if r.day.Before(m.c.From) || m.c.To.Before(r.day) {
			continue
		}
		expected, chair := m.body(r.typ)
		if r.typ == RectificationMeetingType { // every party member, the secretary chairing
			expected = append(slices.Clone(m.c.Leaders), m.c.Staff...)
			expected = append(expected, m.others...)
		}
		mt := zhenggai.Meeting{Type: r.typ, Book: r.typ, Date: r.day, Place: "机关三楼会议室", Recorder: m.c.Staff[0],
			ChairName: chair, Sample: m.c.Sample, Number: 1}
		for i, name := range expected {
			a := zhenggai.Attendance{Name: name, Presence: zhenggai.Present}
			if name != chair && i > 0 && rng.IntN(100) < 5 {
				a.Presence, a.Note = zhenggai.OnLeave, "公务外出"
			}
			mt.Attendance = append(mt.Attendance, a)
		}
		for i, t := range r.items {
			it := zhenggai.AgendaItem{Seq: i + 1, Title: t, Kind: zhenggai.ItemOrdinary}
			if decides(r.typ) {
				it.Decision = "会议同意。"
				for _, a := range mt.Attendance {
					if a.Name != chair && a.Presence == zhenggai.Present {
						it.Statements = append(it.Statements, zhenggai.Statement{Name: a.Name, Position: zhenggai.PosAgree,
							Summary: agree[rng.IntN(len(agree))]})
					}
				}
				it.Statements = append(it.Statements, zhenggai.Statement{Name: chair, Position: zhenggai.PosAgree, Summary: "同意大家的意见。"})
				for k := range it.Statements {
					it.Statements[k].Seq = k + 1
				}
			}
			mt.Items = append(mt.Items, it)
		}
		m.meetings = append(m.meetings, mt)
		touched[key{r.typ, r.day.Year()}] = true
	}
	// Appended, not sorted in: the vouchers name their decisions by index.
	for k := range touched {
		var idx []int
		for i := range m.meetings {
			if m.meetings[i].Type == k.typ && m.meetings[i].Date.Year() == k.year {
				idx = append(idx, i)
			}
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			switch da, db := m.meetings[a].Date, m.meetings[b].Date; {
			case da.Before(db):
				return -1
			case db.Before(da):
				return 1
			}
			return 0
		})
		for n, i := range idx {
			m.meetings[i].Number = n + 1
		}
	}
}

package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// PlenaryLeave: one plenary (全体会议) with more members on leave than
// the setting is a sign that attendance is not managed (seed problem 12:
// "2019年…第四次会议召开期间，委员先后有100多人请假").
var PlenaryLeave = Rule{
	ID:          "plenary_leave",
	Needs:       NeedPlenary,
	Title:       "全体会议请假人数不超过规定",
	SeedProblem: 12,
	Area:        AreaMembers,
	Settings: []Setting{
		{Name: "most", Label: "一次全体会议请假人数超过多少人即列出", Default: "50"},
	},
	Check: checkPlenaryLeave,
}

func checkPlenaryLeave(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	most := v.int("most", 50)
	var fs []Finding
	for i := range r.Meetings {
		mt := &r.Meetings[i]
		if mt.Voided || !r.Plenary[mt.ID] || !within(mt.Date, p) {
			continue
		}
		var leave, absent int64
		for _, a := range mt.Attendance {
			switch a.Presence {
			case zhenggai.OnLeave, zhenggai.WrittenView:
				leave++
			case zhenggai.AbsentNoLeave:
				absent++
			}
		}
		if leave <= most {
			continue
		}
		text := fmt.Sprintf("委员履职考核管理不到位，%s（%s）应出席%d人，%d人请假", MeetingLabel(mt), mt.Date.Chinese(), len(mt.Attendance), leave)
		if absent > 0 {
			text += fmt.Sprintf("、%d人缺席", absent)
		}
		text += fmt.Sprintf("，请假人数超过%d人", most)
		fs = append(fs, Finding{Severity: Common, Text: text,
			Figures: map[string]int64{"expected": int64(len(mt.Attendance)), "leave": leave, "absent": absent, "most": most},
			Records: []Record{meetingRecord(mt)}})
	}
	return fs, nil
}

package zhenggai

import "testing"

// TestProgressDate: a report may be dated today or before, never after
// the day it is filed on, whatever the machine's clock says.
func TestProgressDate(t *testing.T) {
	today := NewDate(2020, 10, 28)
	tests := []struct {
		date Date
		msg  string // "" when valid
	}{
		{today, ""},
		{NewDate(2020, 10, 27), ""},
		{NewDate(2019, 1, 1), ""},
		{NewDate(2020, 10, 29), "日期不能晚于今天"},
		{NewDate(2030, 1, 1), "日期不能晚于今天"},
		{Date{}, "日期不能为空"},
		{NewDate(2020, 2, 30), "日期不是有效日期"},
	}
	for _, tt := range tests {
		p := &Progress{MeasureID: 1, Date: tt.date, Content: "已完成档案整理"}
		if got := fieldMessage(p.Validate(today), "date"); got != tt.msg {
			t.Errorf("%s filed on %s: %q, want %q", tt.date, today, got, tt.msg)
		}
	}
}

// TestAuthor: leaders and owners file under their own names; the office
// files a paper report under the name it types.
func TestAuthor(t *testing.T) {
	for _, tt := range []struct {
		u    *User
		want string
	}{
		{&User{Role: RoleLeader, DisplayName: "张立"}, "张立"},
		{&User{Role: RoleResponsible, DisplayName: "李明"}, "李明"},
		{&User{Role: RoleUnitAdmin, DisplayName: "办公室"}, "王五"},
		{&User{Role: RoleAdmin, DisplayName: "管理员"}, "王五"},
		{nil, "王五"},
	} {
		if got := Author(tt.u, "王五"); got != tt.want {
			t.Errorf("Author(%+v) = %q, want %q", tt.u, got, tt.want)
		}
	}
}

// TestCheckRoundUnit: a unit keeps rounds of its own; an administrator
// keeps them for any unit.

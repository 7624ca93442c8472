package zhenggai

import "testing"

func TestPeriodChinese(t *testing.T) {
	may11, jun19 := NewDate(2020, 5, 11), NewDate(2020, 6, 19)
	tests := []struct {
		p    Period
		want string
	}{
		{Period{may11, jun19}, "2020年5月11日至6月19日"},
		{Period{NewDate(2020, 12, 7), NewDate(2021, 1, 15)}, "2020年12月7日至2021年1月15日"},
		{Period{may11, Date{}}, "2020年5月11日"},
		{Period{Date{}, jun19}, ""},
		{Period{}, ""},
	}
	for _, tt := range tests {
		if got := tt.p.Chinese(); got != tt.want {
			t.Errorf("%v.Chinese() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

// TestRoundOnsite: a round's on-site period is checked as a period, with
// the messages of the round's form.
func TestRoundOnsite(t *testing.T) {
	tests := []struct {
		name   string
		onsite Period
		field  string // "" when valid
		msg    string
	}{
		{"both", Period{NewDate(2020, 5, 11), NewDate(2020, 6, 19)}, "", ""},
		{"one day", Period{NewDate(2020, 5, 11), NewDate(2020, 5, 11)}, "", ""},
		{"unset", Period{}, "", ""},
		{"start only", Period{Start: NewDate(2020, 5, 11)}, "", ""},
		{"end before start", Period{NewDate(2020, 6, 19), NewDate(2020, 5, 11)}, "onsite_end", "结束日期不能早于进驻日期"},
		{"no such start", Period{NewDate(2020, 2, 30), NewDate(2020, 5, 11)}, "onsite_start", "进驻日期不是有效日期"},
		{"no such end", Period{NewDate(2020, 5, 11), NewDate(2020, 6, 31)}, "onsite_end", "结束日期不是有效日期"},
		{"year", Period{NewDate(1900, 5, 11), Date{}}, "onsite_start", "进驻日期年份应在1949至2100之间"},
	}
	for _, tt := range tests {
		r := &Round{Unit: "某县政协党组", Inspector: "县委第一巡察组", Kind: KindInspection, Onsite: tt.onsite}
		err := r.Validate()
		if got := fieldMessage(err, tt.field); tt.field == "" && err != nil || tt.field != "" && got != tt.msg {
			t.Errorf("%s: %v, want %s %q", tt.name, err, tt.field, tt.msg)
		}
	}
}

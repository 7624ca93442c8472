package selfcheck

import (
	"fmt"
	"testing"

	"zhenggai"
)

func TestDue(t *testing.T) {
	for _, tc := range []struct {
		kind zhenggai.DuesKind
		base zhenggai.Fen
		want zhenggai.Fen
	}{
		{zhenggai.DuesInService, 300000, 1500},
		{zhenggai.DuesInService, 300001, 3000},
		{zhenggai.DuesInService, 500000, 5000},
		{zhenggai.DuesInService, 500001, 7500},
		{zhenggai.DuesInService, 1000000, 15000},
		{zhenggai.DuesInService, 1000001, 20000},
		{zhenggai.DuesInService, 456789, 4568}, // 45.6789 half up
		{zhenggai.DuesRetired, 500000, 2500},
		{zhenggai.DuesRetired, 500001, 5000},
		{zhenggai.DuesStudent, 900000, 20},
		{zhenggai.DuesUnemployed, 0, 20},
		{zhenggai.DuesDibao, 0, 20},
		{zhenggai.DuesFarmer, 0, 20},
	} {
		if got := zhenggai.Due(tc.kind, tc.base, 0, zhenggai.RoundHalfUp); got != tc.want {
			t.Errorf("Due(%s, %d) = %d, want %d", tc.kind, tc.base, got, tc.want)
		}
	}
	if got := zhenggai.Due(zhenggai.DuesFarmer, 0, 50, zhenggai.RoundHalfUp); got != 50 {
		t.Errorf("farmer fixed: %d", got)
	}
	if got := zhenggai.Due(zhenggai.DuesInService, 456789, 0, zhenggai.RoundDown); got != 4567 {
		t.Errorf("down: %d", got)
	}
}

var names = map[int64]string{1: "张三", 2: "李四", 3: "王五", 4: "赵六"}

func TestDues(t *testing.T) {
	// A member in service with a base of 4567.89元: due 45.68元 a month.
	member := func(id int64, kind zhenggai.DuesKind) zhenggai.DuesMember {
		return zhenggai.DuesMember{ID: id, Name: names[id], Kind: kind, Joined: "2019-01"}
	}
	pays := func(id int64, amount zhenggai.Fen, months ...int) []zhenggai.DuesPayment {
		var out []zhenggai.DuesPayment
		for _, m := range months {
			out = append(out, zhenggai.DuesPayment{MemberID: id, Month: fmt.Sprintf("2019-%02d", m), Paid: amount})
		}
		return out
	}
	all := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	base := []zhenggai.DuesBase{{MemberID: 1, Year: 2019, Base: 456789}}
	year := period("2019-01-01", "2019-12-31")
	for _, tc := range []struct {
		name  string
		ms    []zhenggai.DuesMember
		bs    []zhenggai.DuesBase
		ps    []zhenggai.DuesPayment
		p     zhenggai.Period
		set   map[string]string
		n     int
		texts []string
	}{
		{"exact", []zhenggai.DuesMember{member(1, zhenggai.DuesInService)}, base, pays(1, 4568, all...), year, nil, 0, nil},
		{"抹零头", []zhenggai.DuesMember{member(1, zhenggai.DuesInService)}, base, pays(1, 4500, all...), year, nil, 1,
			[]string{"2019年有1名党员12个月次实缴党费与应缴不符，应缴548.16元、实缴540.00元，少缴8.16元，存在按抹零头计缴党费的做法"}},
		{"四舍五入到元", []zhenggai.DuesMember{member(1, zhenggai.DuesInService)}, base, pays(1, 4600, all...), year, nil, 1,
			[]string{"多缴3.84元，存在按四舍五入到元计缴党费的做法"}},
		{"rounding setting down", []zhenggai.DuesMember{member(1, zhenggai.DuesInService)}, base, pays(1, 4567, all...), year,
			map[string]string{"rounding": "down"}, 0, nil},
		{"student 0.20", []zhenggai.DuesMember{member(2, zhenggai.DuesStudent)}, nil, pays(2, 20, all...), year, nil, 0, nil},
		{"student paid nothing six months", []zhenggai.DuesMember{member(2, zhenggai.DuesStudent)}, nil, pays(2, 20, 1, 2, 3, 10, 11, 12), year, nil, 1,
			[]string{"党员李四自2019年4月至9月连续6个月未交纳党费"}},
		{"five months unpaid is not six", []zhenggai.DuesMember{member(2, zhenggai.DuesStudent)}, nil, pays(2, 20, 1, 2, 3, 9, 10, 11, 12), year, nil, 0, nil},
		{"left mid-year", []zhenggai.DuesMember{{ID: 2, Name: "李四", Kind: zhenggai.DuesStudent, Joined: "2019-01", Left: "2019-03"}}, nil, pays(2, 20, 1, 2, 3), year, nil, 0, nil},
		{"farmer his fixed", []zhenggai.DuesMember{{ID: 3, Name: "王五", Kind: zhenggai.DuesFarmer, Fixed: 100, Joined: "2019-01"}}, nil, pays(3, 100, all...), year, nil, 0, nil},
		{"no base: not judged", []zhenggai.DuesMember{member(4, zhenggai.DuesRetired)}, nil, pays(4, 1, all...), year, nil, 0, nil},
		{"the month the period ends in part is not due", []zhenggai.DuesMember{member(2, zhenggai.DuesStudent)}, nil, pays(2, 20, 1, 2, 3, 4, 5, 6), period("2019-01-01", "2019-12-30"), nil, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, Dues, &Registers{Members: tc.ms, Bases: tc.bs, Payments: tc.ps}, tc.p, tc.set), tc.n, tc.texts...)
		})
	}
}

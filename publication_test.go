package zhenggai

import (
	"reflect"
	"testing"
)

func TestPublicationWarnings(t *testing.T) {
	feedback := NewDate(2020, 7, 27)
	first := &Publication{ID: 1, Seq: 1, AsOf: NewDate(2020, 9, 30), Figures: Figures{Categories: 14, Problems: 38, Completed: 30, BasicallyCompleted: 8}}
	old := &Publication{ID: 2, Seq: 1, AsOf: NewDate(2020, 9, 30)} // published before figures were kept
	declared := Declared{Categories: 14, Problems: 38, Completed: 35, BasicallyCompleted: 3}
	tests := []struct {
		name     string
		p        Publication
		earlier  []*Publication
		declared Declared
		want     []string
	}{
		{"first, as declared", Publication{AsOf: NewDate(2020, 10, 28), Figures: Figures{Categories: 14, Problems: 38, Completed: 35, BasicallyCompleted: 3}},
			nil, declared, nil},
		{"nothing declared, nothing earlier", Publication{AsOf: NewDate(2020, 10, 28), Figures: Figures{Problems: 2}}, nil, Declared{}, nil},
		{"before the feedback", Publication{AsOf: NewDate(2020, 7, 1)}, nil, Declared{},
			[]string{"截至日期2020年7月1日早于反馈日期2020年7月27日"}},
		{"more done than before", Publication{AsOf: NewDate(2020, 10, 28), Figures: Figures{Categories: 14, Problems: 38, Completed: 35, BasicallyCompleted: 3}},
			[]*Publication{first}, Declared{}, nil},
		{"fewer completed than before", Publication{AsOf: NewDate(2020, 10, 28), Figures: Figures{Categories: 14, Problems: 38, Completed: 28, BasicallyCompleted: 10}},
			[]*Publication{first}, Declared{}, []string{"已完成整改28个，少于第1次公布（截至2020年9月30日）的30个"}},
		{"fewer problems and done in all", Publication{AsOf: NewDate(2020, 10, 28), Figures: Figures{Categories: 14, Problems: 37, Completed: 30, BasicallyCompleted: 7}},
			[]*Publication{first}, Declared{}, []string{"具体问题37个，少于第1次公布（截至2020年9月30日）的38个",
				"已完成和基本完成整改合计37个，少于第1次公布（截至2020年9月30日）的38个"}},
		{"dated before an earlier one", Publication{AsOf: NewDate(2020, 9, 1), Figures: first.Figures}, []*Publication{first}, Declared{},
			[]string{"截至日期2020年9月1日早于第1次公布（截至2020年9月30日）"}},
		{"an earlier one without figures is not compared", Publication{AsOf: NewDate(2020, 10, 28)}, []*Publication{old}, Declared{}, nil},
		{"itself is not compared", Publication{ID: 1, AsOf: NewDate(2020, 9, 30)}, []*Publication{first}, Declared{}, nil},
		{"disagrees with the declared totals", Publication{AsOf: NewDate(2020, 10, 28), Figures: Figures{Categories: 14, Problems: 38, Completed: 34, BasicallyCompleted: 4}},
			nil, declared, []string{"与公布的总数不符：公布已完成整改35个，逐项统计为34个", "与公布的总数不符：公布基本完成整改3个，逐项统计为4个"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PublicationWarnings(&tt.p, tt.earlier, tt.declared, feedback); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCheckApprover(t *testing.T) {
	p := &Publication{DrafterID: 7}
	if err := p.CheckApprover(&User{ID: 7}); ErrorCode(err) != EFORBID {
		t.Errorf("the drafter approving: %v", err)
	}
	if err := p.CheckApprover(&User{ID: 8}); err != nil {
		t.Errorf("another approving: %v", err)
	}
}

package selfcheck

import (
	"testing"

	"zhenggai"
)

// post is a retired cadre's post from..to ("" held), filed on filed ("" not).
func post(id int64, name, from, to, filed string) zhenggai.RetiredPost {
	p := zhenggai.RetiredPost{ID: id, Name: name, Born: day("1955-03-01"), FormerRank: "县政协副主席", Org: "县老年大学", Post: "副校长",
		Kind: zhenggai.RetiredPartTime, ApprovedBy: "县委组织部", ApprovedOn: day(from), From: day(from), Term: 1}
	if to != "" {
		p.To = day(to)
	}
	if filed != "" {
		p.FiledOn, p.FilingNo = day(filed), "组备〔2019〕3号"
	}
	return p
}

func TestRetiredUnfiled(t *testing.T) {
	years := period("2016-01-01", "2020-12-31")
	rehired := post(2, "李四", "2019-03-01", "2020-09-10", "2020-09-15")
	rehired.Kind, rehired.Org, rehired.Post, rehired.ApprovedOn, rehired.ApprovedBy = zhenggai.RetiredRehired, "县城投公司", "顾问", zhenggai.Date{}, ""
	never := post(3, "王五", "2018-01-01", "", "")
	for _, tc := range []struct {
		name    string
		ps      []zhenggai.RetiredPost
		n       int
		texts   []string
		figures map[string]int64
	}{
		{"filed before", []zhenggai.RetiredPost{post(1, "张三", "2019-03-01", "", "2019-02-20")}, 0, nil, nil},
		{"filed on the day", []zhenggai.RetiredPost{post(1, "张三", "2019-03-01", "", "2019-03-01")}, 0, nil, nil},
		{"the seed: rehired unfiled, filed in the rectification", []zhenggai.RetiredPost{rehired}, 1,
			[]string{"1名(次)退休干部兼职(返聘)未经县委组织部审核备案，其中返聘1名(次)，1名(次)无审批手续", "李四（原县政协副主席）2019年3月起在县城投公司返聘顾问",
				"截至2020年12月31日，已补办备案1名(次)"}, map[string]int64{"unfiled": 1, "rehired_unfiled": 1, "filed_since": 1}},
		{"never filed", []zhenggai.RetiredPost{never}, 1, []string{"王五"}, map[string]int64{"unfiled": 1, "rehired_unfiled": 0, "filed_since": 0}},
		{"ended before the period", []zhenggai.RetiredPost{post(1, "张三", "2010-03-01", "2015-12-31", "")}, 0, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantFindings(t, runRule(t, RetiredUnfiled, &Registers{RetiredPosts: tc.ps}, years, nil), tc.n, tc.texts, tc.figures)
		})
	}
}

func TestRetiredPostsMany(t *testing.T) {
	years := period("2016-01-01", "2020-12-31")
	second := post(2, "张三", "2019-01-01", "", "2018-12-20")
	second.Org = "县关工委"
	after := post(3, "张三", "2020-01-01", "", "2019-12-20")
	after.Org = "县关工委"
	for _, tc := range []struct {
		name string
		ps   []zhenggai.RetiredPost
		n    int
	}{
		{"one post", []zhenggai.RetiredPost{post(1, "张三", "2018-01-01", "", "2017-12-20")}, 0},
		{"two at once", []zhenggai.RetiredPost{post(1, "张三", "2018-01-01", "", "2017-12-20"), second}, 1},
		{"one after the other", []zhenggai.RetiredPost{post(1, "张三", "2018-01-01", "2019-12-31", "2017-12-20"), after}, 0},
		{"two people one each", []zhenggai.RetiredPost{post(1, "张三", "2018-01-01", "", "2017-12-20"), post(4, "李四", "2018-01-01", "", "2017-12-20")}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			wantFindings(t, runRule(t, RetiredPostsMany, &Registers{RetiredPosts: tc.ps}, years, nil), tc.n,
				[]string{"1名退休干部同时兼职(返聘)超过1个", "张三（原县政协副主席）同时兼任2个职务"}, map[string]int64{"people": 1})
		})
	}
}

func TestRetiredTerms(t *testing.T) {
	years := period("2016-01-01", "2020-12-31")
	for _, tc := range []struct {
		term, n int
	}{{1, 0}, {2, 0}, {3, 1}} {
		p := post(1, "张三", "2018-01-01", "", "2017-12-20")
		p.Term = tc.term
		wantFindings(t, runRule(t, RetiredTerms, &Registers{RetiredPosts: []zhenggai.RetiredPost{p}}, years, nil), tc.n,
			[]string{"1名(次)兼职超过2届", "张三（原县政协副主席）在县老年大学任副校长已第3届"}, map[string]int64{"posts": 1})
	}
}

func TestRetiredOverAge(t *testing.T) {
	years := period("2016-01-01", "2020-12-31")
	for _, tc := range []struct {
		name, born, to string
		n              int
	}{
		{"69 at the end", "1951-06-01", "", 0},
		// 任职年龄界限70周岁: the post ends on the 70th birthday.
		{"70 to the day", "1950-12-31", "", 1},
		{"70 the day after the end", "1951-01-01", "", 0},
		{"71 at the end", "1949-06-01", "", 1},
		{"left half a year after 70", "1949-06-01", "2019-12-31", 1},
		{"left before 70", "1949-06-01", "2019-05-31", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := post(1, "张三", "2016-01-01", tc.to, "2015-12-20")
			p.Born = day(tc.born)
			wantFindings(t, runRule(t, RetiredOverAge, &Registers{RetiredPosts: []zhenggai.RetiredPost{p}}, years, nil), tc.n,
				[]string{"1名(次)年满70周岁仍在兼职(返聘)", "张三（" + monthText(p.Born) + "出生）"}, map[string]int64{"posts": 1})
		})
	}
}

func TestRetiredPaid(t *testing.T) {
	years := period("2016-01-01", "2020-12-31")
	for _, pay := range []zhenggai.Fen{0, 3_600_000} {
		p := post(1, "张三", "2018-01-01", "", "2017-12-20")
		p.Pay = pay
		n := 0
		if pay > 0 {
			n = 1
		}
		wantFindings(t, runRule(t, RetiredPaid, &Registers{RetiredPosts: []zhenggai.RetiredPost{p}}, years, nil), n,
			[]string{"1名(次)领取报酬", "年报酬36000元"}, map[string]int64{"posts": 1, "pay_fen": 3_600_000})
	}
}

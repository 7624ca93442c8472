package selfcheck

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"zhenggai"
)

// StudyFrequency: each study type meets at least as often as its setting
// (seed problem 2: "中心组学习流于形式…每月至少组织一次集中研讨学习"; problem 3:
// study of the centre's documents through the 中心组, the branch and the
// 党课). A type set monthly or yearly is counted per year, a year the
// period covers only in part needing the share of its whole months
// covered (rounded down); a type set quarterly is counted per whole
// quarter of the period over by the registers' last date (a quarter
// still running is not yet due). A year without any meeting recorded is left out: its books
// were not entered. Types not among the unit's study types are not
// checked (a unit without 支部学习 in its meeting types is not held to it).
var StudyFrequency = Rule{
	ID:          "study_frequency",
	Proves:      []string{"理论学习", "中心组", "学习制度"},
	Needs:       NeedMeetings | NeedStudy,
	Title:       "理论学习按规定频次开展",
	SeedProblem: 2,
	Area:        AreaStudy,
	Settings: []Setting{
		{Name: "frequency", Label: "各类学习的最低频次（每行一类：会议类型 每月/每季度/每年 次数）",
			Default: defaultStudyFrequency},
	},
	Check: checkStudyFrequency,
}

const defaultStudyFrequency = "中心组学习 每月 1\n支部学习 每月 1\n党课 每季度 1"

// studyFreq is one line of the frequency setting.
type studyFreq struct {
	typ  string
	unit string // 月, 季度, 年
	n    int64
}

var reStudyFreq = regexp.MustCompile(`^(.+?)[\s:：=，,]*每\s*(月|季度|季|年)\s*(?:至少|不少于)?\s*(\d{1,4})?\s*次?$`)

// studyFreqs reads the setting's lines; a line that does not read is
// left out (the default's lines stand for it if none read).
func studyFreqs(v string) []studyFreq {
	var out []studyFreq
	for _, l := range strings.Split(v, "\n") {
		m := reStudyFreq.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		f := studyFreq{typ: strings.TrimSpace(m[1]), unit: m[2], n: 1}
		if f.unit == "季" {
			f.unit = "季度"
		}
		if m[3] != "" {
			f.n, _ = strconv.ParseInt(m[3], 10, 64)
		}
		if f.n > 0 {
			out = append(out, f)
		}
	}
	return out
}

// monthsCovered counts the whole months of year y inside p.
func monthsCovered(y int, p zhenggai.Period) int {
	n := 0
	for m := 1; m <= 12; m++ {
		first, last := zhenggai.StudyPeriod(fmt.Sprintf("%04d-%02d", y, m)).Bounds()
		if within(first, p) && within(last, p) {
			n++
		}
	}
	return n
}

func checkStudyFrequency(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	freqs := studyFreqs(v["frequency"])
	if len(freqs) == 0 {
		freqs = studyFreqs(defaultStudyFrequency)
	}
	kept := map[int]bool{} // years with any meeting: the register was kept
	lo, hi := p.Start.Year(), p.End.Year()
	type key struct {
		typ  string
		year int
		q    int // quarter, 0 for the year
	}
	counts := map[key]int64{}
	recs := map[key][]Record{}
	var asOf zhenggai.Date // the registers' last date
	for i := range r.Meetings {
		m := &r.Meetings[i]
		if !m.Voided && asOf.Before(m.Date) {
			asOf = m.Date
		}
		if m.Voided || !within(m.Date, p) {
			continue
		}
		y := m.Date.Year()
		kept[y] = true
		if p.Start.IsZero() && (lo == 0 || y < lo) {
			lo = y
		}
		if p.End.IsZero() && y > hi {
			hi = y
		}
		for _, k := range []key{{m.Type, y, 0}, {m.Type, y, (m.Date.Month()-1)/3 + 1}} {
			counts[k]++
			recs[k] = append(recs[k], meetingRecord(m))
		}
	}
	var fs []Finding
	for _, f := range freqs {
		if r.StudyTypes != nil && !slices.Contains(r.StudyTypes, f.typ) {
			continue
		}
		for y := lo; y <= hi && lo > 0; y++ {
			if !kept[y] {
				continue
			}
			if f.unit != "季度" {
				if fd, ok := yearShort(f, y, p, counts[key{f.typ, y, 0}]); ok {
					fd.Records = capped(recs[key{f.typ, y, 0}])
					fs = append(fs, fd)
				}
				continue
			}
			var short []string
			var quarters, held int64
			for q := 1; q <= 4; q++ {
				first, last := zhenggai.StudyPeriod(fmt.Sprintf("%04d-Q%d", y, q)).Bounds()
				if !within(first, p) || !within(last, p) || asOf.Before(last) {
					continue
				}
				quarters++
				n := counts[key{f.typ, y, q}]
				held += n
				if n < f.n {
					short = append(short, fmt.Sprintf("第%d季度%d次", q, n))
				}
			}
			if len(short) == 0 {
				continue
			}
			fs = append(fs, Finding{
				Severity: Common,
				Text:     fmt.Sprintf("%s开展不经常，%d年%s，未达到每季度不少于%d次的要求", f.typ, y, strings.Join(short, "、"), f.n),
				Figures: map[string]int64{"year": int64(y), "sessions": held, "quarters": quarters,
					"short_quarters": int64(len(short)), "required": f.n},
				Records: capped(recs[key{f.typ, y, 0}]),
			})
		}
	}
	return fs, nil
}

// yearShort is the finding of a type counted per year (set monthly or
// yearly), if its sessions of year y fall short.
func yearShort(f studyFreq, y int, p zhenggai.Period, held int64) (Finding, bool) {
	months := monthsCovered(y, p)
	if months == 0 {
		return Finding{}, false
	}
	perYear := f.n
	if f.unit == "月" {
		perYear = 12 * f.n
	}
	need := perYear * int64(months) / 12
	if held >= need {
		return Finding{}, false
	}
	req := fmt.Sprintf("每年不少于%d次", perYear)
	if months < 12 {
		req = fmt.Sprintf("%d个月内不少于%d次", months, need)
	}
	text := fmt.Sprintf("%s不经常，%d年%s%d次，未达到%s的要求", f.typ, y, f.typ, held, req)
	if f.typ == zhenggai.MeetingStudyGroup {
		text = fmt.Sprintf("中心组理论学习不经常，%d年中心组学习%d次，未达到%s的要求", y, held, req)
	}
	return Finding{
		Severity: Common,
		Text:     text,
		Figures:  map[string]int64{"year": int64(y), "sessions": held, "required": need},
	}, true
}

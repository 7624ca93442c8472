package xlsx

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
)

// The month matrix (月度汇总, 考勤月报, 打卡明细月报): the office apps' and the
// clocks' most common export, one row a person and one column a day, the
// cell the day's punches (08:55 18:02) or its result (正常, 缺卡, 事假).
// Its day columns are not a Spec's, so it is read from the sheet's rows:
// the header is a row naming 姓名 beside at least two day columns and no
// 日期 or 打卡时间 column (which would make it one of the other layouts).

// matrixWithin is how many rows from the top the header is looked for in.
const matrixWithin = 12

// A column's role, from a header row under the days (上班, 下班).
const (
	roleAny = iota
	roleIn
	roleOut
)

// matrixCol is a day column of the header.
type matrixCol struct {
	idx     int    // cell index
	head    string // the header as written
	y, m, d int    // as the header says (y, m 0 when it does not)
	wd      int    // the day of the week it names, -1 none
	role    int
	on      zhenggai.Date
	slot    int // index of on among the header's distinct days
}

// matrix is a month matrix's header as found.
type matrix struct {
	sheet    string
	row      int    // the header's row (the first, when two)
	name     int    // the name's cell index
	nameHead string // its header as written (姓名, 人员)
	cols     []matrixCol
	days     int // distinct days
	titles   []string
}

var (
	// A year and month in a title (2020年7月考勤月报, 统计日期：2020-06-26 至
	// 2020-07-25, 考勤月份 2020.07), with the day when it has one.
	titleMonth  = regexp.MustCompile(`((?:19|20)\d{2})\s*[年./-]\s*(\d{1,2})(?:\s*[月./-]\s*(\d{1,2}))?`)
	headYMD     = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$`)
	headMD      = regexp.MustCompile(`^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$`)
	headD       = regexp.MustCompile(`^(\d{1,2})\s*[日号]?$`)
	headSerial  = regexp.MustCompile(`^\d{5}(?:\.0+)?$`)
	cellSerial  = regexp.MustCompile(`^\d+(?:\.\d+)?$`)
	matrixCount = regexp.MustCompile(`\d+(?:\.\d+)?\s*(?:分钟|分|次|小时|天)$`)
	cellClock   = regexp.MustCompile(`(?:上午|下午|晚上|[AaPp][Mm])?\s*\d{1,2}:\d{1,2}(?::\d{1,2})?(?:\s*[AaPp][Mm])?`)
)

var weekdays = map[string]int{"日": 0, "天": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}

// weekdayOf reads 三, 周三, 星期三, (三), 礼拜天: -1 when s is none.
func weekdayOf(s string) int {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	s = strings.TrimSpace(s)
	for _, p := range []string{"星期", "礼拜", "周"} {
		s = strings.TrimPrefix(s, p)
	}
	if w, ok := weekdays[s]; ok {
		return w
	}
	return -1
}

// dayHead reads a day column's header: 1, 01, 1日, 7-1, 07/01, 7月1日,
// 2020-07-01, Excel's date number, each perhaps with the day of the week
// after it (1\n三, 1 星期三, 1(三), 2020-07-01 周三). 1日 is the first; the
// day of the week is only read after a space, a bracket or 星期/周.
func dayHead(s string, date1904 bool) (c matrixCol, ok bool) {
	s = strings.TrimSpace(strings.ReplaceAll(sheet.Narrow(s), "\r", ""))
	c.wd = -1
	if s == "" || len(s) > 40 {
		return c, false
	}
	date := s
	if i := strings.IndexAny(s, " \n\t("); i > 0 {
		if w := weekdayOf(s[i:]); w >= 0 {
			date, c.wd = strings.TrimSpace(s[:i]), w
		}
	} else {
		for _, p := range []string{"星期", "礼拜", "周"} {
			if i := strings.Index(s, p); i > 0 {
				if w := weekdayOf(s[i:]); w >= 0 {
					date, c.wd = s[:i], w
				}
				break
			}
		}
	}
	atoi := func(t string) int { n, _ := strconv.Atoi(t); return n }
	switch {
	case headSerial.MatchString(date):
		d, _, _, err := sheet.ParseDateTime(date, date1904)
		if err != nil || d.Year() < 2000 || d.Year() > 2100 {
			return c, false
		}
		c.y, c.m, c.d = d.Year(), d.Month(), d.Day()
	case headYMD.MatchString(date):
		m := headYMD.FindStringSubmatch(date)
		c.y, c.m, c.d = atoi(m[1]), atoi(m[2]), atoi(m[3])
	case headMD.MatchString(date):
		m := headMD.FindStringSubmatch(date)
		c.m, c.d = atoi(m[1]), atoi(m[2])
	case headD.MatchString(date):
		c.d = atoi(headD.FindStringSubmatch(date)[1])
	default:
		return c, false
	}
	if c.d < 1 || c.d > 31 || c.m < 0 || c.m > 12 || (c.y != 0 && c.m == 0) {
		return c, false
	}
	return c, true
}

// matrixHeader reads a row as a month matrix's header: its name column
// (-1 none) and day columns; other is a column of the other layouts
// (日期, 打卡时间), which makes it no matrix's.
func matrixHeader(cells []string, date1904 bool) (name int, cols []matrixCol, other bool) {
	name = -1
	for i, s := range cells {
		if i >= 64 {
			break // merged cells and a table's columns are within these
		}
		if col, _, ok := SignInColumns.Match(s); ok {
			switch col {
			case siName:
				if name < 0 {
					name = i
				}
			case siDate, siIn, siOut, siPunch:
				return -1, nil, true
			}
			continue
		}
		if c, ok := dayHead(s, date1904); ok {
			c.idx, c.head = i, strings.TrimSpace(s)
			cols = append(cols, c)
		}
	}
	return name, cols, false
}

// matrixNameAt is where a matrix's header names its person, the days being
// in row cells: in that row, or in the row above when the days sit under
// a heading (考勤结果) and 姓名 is merged down over both rows. -1: not a
// matrix's header.
func matrixNameAt(above, cells []string, date1904 bool) (name int, fromAbove bool) {
	name, cols, other := matrixHeader(cells, date1904)
	switch {
	case other || len(cols) < 2:
		return -1, false
	case name >= 0:
		return name, false
	}
	if name, _, other = matrixHeader(above, date1904); name >= 0 && !other {
		return name, true
	}
	return -1, false
}

// subHeader tells whether the row under the header is its second row:
// under the days only days of the week or 上班/下班.
func subHeader(mx *matrix, cells []string) bool {
	n := 0
	for _, c := range mx.cols {
		if c.idx >= len(cells) {
			continue
		}
		s := strings.TrimSpace(sheet.Narrow(cells[c.idx]))
		if s == "" || s == c.head {
			continue // merged down from the header
		}
		if weekdayOf(s) < 0 && punchRole(s) == roleAny {
			return false
		}
		n++
	}
	return n > 0
}

func punchRole(s string) int {
	switch strings.TrimSpace(s) {
	case "上班", "签到", "上班打卡", "上班时间", "签到时间", "上午", "首次打卡":
		return roleIn
	case "下班", "签退", "下班打卡", "下班时间", "签退时间", "下午", "末次打卡":
		return roleOut
	}
	return roleAny
}

// applySubHeader takes the days of the week and the roles from the
// header's second row.
func applySubHeader(mx *matrix, cells []string) {
	for i := range mx.cols {
		c := &mx.cols[i]
		if c.idx >= len(cells) {
			continue
		}
		s := strings.TrimSpace(sheet.Narrow(cells[c.idx]))
		if w := weekdayOf(s); w >= 0 && c.wd < 0 {
			c.wd = w
		} else if r := punchRole(s); r != roleAny {
			c.role = r
		}
	}
}

// skipTitle are title texts whose date is not the month's: when the file
// was printed or made.
var skipTitle = []string{"打印", "导出", "制表", "生成", "填报", "更新", "下载"}

// titleStart is the month a title or the sheet's name gives, with the
// first day when it gives one (a 统计日期 from … to …).
func (mx *matrix) titleStart(date1904 bool) (y, m, d int, ok bool) {
	// A full date (a 统计日期's start) before a month alone: a title of
	// 2020年7月 above 统计日期：2020-06-26 至 2020-07-25 starts on the 26th.
	var my, mm int
	for _, t := range append(slices.Clone(mx.titles), mx.sheet) {
		if slices.ContainsFunc(skipTitle, func(w string) bool { return strings.Contains(t, w) }) {
			continue
		}
		t = strings.TrimSpace(sheet.Narrow(t))
		if headSerial.MatchString(t) {
			// A date cell in the title rows (统计日期 | 2020-07-01).
			if dd, _, _, err := sheet.ParseDateTime(t, date1904); err == nil && dd.Year() >= 2000 && dd.Year() <= 2100 {
				return dd.Year(), dd.Month(), dd.Day(), true
			}
			continue
		}
		if s := titleMonth.FindStringSubmatch(t); s != nil {
			y, _ = strconv.Atoi(s[1])
			m, _ = strconv.Atoi(s[2])
			d, _ = strconv.Atoi(s[3])
			switch {
			case m < 1 || m > 12:
			case d != 0 && zhenggai.NewDate(y, m, d).Valid():
				return y, m, d, true
			case d == 0 && mm == 0:
				my, mm = y, m
			}
		}
	}
	return my, mm, 0, mm != 0
}

var weekdayNames = []string{"日", "一", "二", "三", "四", "五", "六"}

// resolve gives each day column its date; what cannot be known is
// recorded on the header's row, never guessed.
func (mx *matrix) resolve(b *sheet.Book) bool {
	bad := func(col, reason string) { b.Bad(mx.sheet, mx.row, col, reason) }
	ty, tm, td, titled := mx.titleStart(b.Date1904())
	year := ty
	if !titled {
		for _, c := range mx.cols {
			if c.y != 0 {
				year = c.y
				break
			}
		}
	}
	cy, cm, prevD, prevM := ty, tm, 0, 0
	slots := map[zhenggai.Date]int{}
	ok := true
	for i := range mx.cols {
		c := &mx.cols[i]
		switch {
		case c.y != 0:
			c.on = zhenggai.NewDate(c.y, c.m, c.d)
			cy, cm, prevD = c.y, c.m, c.d
		case c.m != 0:
			if year == 0 {
				bad(c.head, "表头只写了月和日，未写年份：请在表头上方的标题中写明年月（如“2020年7月考勤月报”），或把表头写成完整日期（如2020-07-01）")
				return false
			}
			if prevM != 0 && c.m < prevM {
				year++ // December to January
			}
			prevM = c.m
			c.on = zhenggai.NewDate(year, c.m, c.d)
			cy, cm, prevD = year, c.m, c.d
		default:
			if cm == 0 {
				bad("", "这是每天一列的月度考勤表，但表头只有日（1、2……31），全表找不到年月，无法确定是哪个月的考勤："+
					"请在表头上方加一行标题写明年月（如“2020年7月考勤月报”或“统计日期：2020-07-01 至 2020-07-31”），或把日期列的表头写成完整日期（如2020-07-01）")
				return false
			}
			if c.d < prevD {
				// The days start again: the next month (26…31, 1…25).
				if titled && td == 0 && i > 0 && mx.cols[0].y == 0 && mx.cols[0].m == 0 {
					bad(c.head, fmt.Sprintf("表头的日期从%d日又回到%d日，跨了两个月，而标题只写了月份，不知从哪个月开始："+
						"请在标题中写明起止日期（如“统计日期：2020-06-26 至 2020-07-25”）", prevD, c.d))
					return false
				}
				if cm++; cm > 12 {
					cy, cm = cy+1, 1
				}
			}
			prevD = c.d
			c.on = zhenggai.NewDate(cy, cm, c.d)
		}
		if !c.on.Valid() || c.on.Year() < 2000 || c.on.Year() > 2100 {
			bad(c.head, fmt.Sprintf("%d年%d月没有%d日：请核对标题中的年月", c.on.Year(), c.on.Month(), c.d))
			ok = false
			continue
		}
		if c.wd >= 0 && int(c.on.Time().Weekday()) != c.wd {
			bad(c.head, fmt.Sprintf("表头写的是星期%s，而%s是星期%s：请核对标题中的年月", weekdayNames[c.wd], c.on.Chinese(),
				weekdayNames[c.on.Time().Weekday()]))
			ok = false
			continue
		}
		s, seen := slots[c.on]
		if !seen {
			s = len(slots)
			slots[c.on] = s
		}
		c.slot = s
	}
	mx.days = len(slots)
	return ok
}

// Words a matrix cell holds. A day without a sign-in: leave (kept in the
// leave register, not made from here), rest, absence, no punch.
var (
	matrixNone = map[string]bool{"缺卡": true, "未打卡": true, "未签到": true, "未签退": true, "旷工": true, "缺勤": true, "未到": true,
		"请假": true, "事假": true, "病假": true, "年假": true, "年休假": true, "公休": true, "调休": true, "婚假": true, "产假": true,
		"陪产假": true, "丧假": true, "探亲假": true, "育儿假": true, "补休": true, "轮休": true, "出差": true, "公差": true, "外出": true,
		"休息": true, "休": true, "休息日": true, "节假日": true, "法定节假日": true, "假": true, "周末": true,
		"-": true, "--": true, "—": true, "——": true, "无": true, "/": true, "×": true, "x": true, "X": true}
	// Signed in, no time written.
	matrixPresent = map[string]bool{"正常": true, "√": true, "✓": true, "✔": true, "出勤": true, "在岗": true, "已打卡": true,
		"迟到": true, "严重迟到": true, "早退": true, "外勤": true, "补卡": true, "已补卡": true, "到": true}
	// What goes before a word: 上班缺卡, 下班正常.
	matrixLabels = []string{"上班", "下班", "签到", "签退", "打卡", "上午", "下午"}
	// What parts of a cell are split by.
	matrixSeps = " \t\n-~～至,，、;；|()（）:：[]【】"
)

// matrixDay is what a person's day holds, over its columns.
type matrixDay struct {
	present bool  // a word saying signed (正常, √) without a time
	in, out int   // labelled punches: earliest in, latest out
	any     []int // unlabelled punches
}

// word classifies a part of a cell without a time: 1 signed in, 0 none,
// -1 unknown.
func matrixWord(w string) int {
	for _, l := range matrixLabels {
		if rest := strings.TrimPrefix(w, l); rest != w && rest != "" {
			w = rest
			break
		}
	}
	// 迟到5分钟, 早退1次: the count beside the result.
	if l := matrixCount.FindStringIndex(w); l != nil {
		w = w[:l[0]]
	}
	switch {
	case w == "" || matrixNone[w] || slices.Contains(matrixLabels, w):
		return 0
	case matrixPresent[w]:
		return 1
	}
	return -1
}

// cell reads one cell of a day into acc; "" or the reason it is bad.
func (acc *matrixDay) cell(raw string, on zhenggai.Date, role int, date1904 bool) string {
	s := strings.TrimSpace(strings.ReplaceAll(sheet.Narrow(raw), "\r", ""))
	if s == "" {
		return ""
	}
	if len(s) > 200 {
		return "内容过长，不是一天的打卡"
	}
	if !utf8.ValidString(s) {
		return "含有无法识别的字符"
	}
	add := func(min, r int) {
		switch r {
		case roleIn:
			acc.in = earliestMin(acc.in, min)
		case roleOut:
			acc.out = max(acc.out, min)
		default:
			acc.any = append(acc.any, min)
		}
	}
	if cellSerial.MatchString(s) {
		// Excel's time (a fraction of a day) or date and time.
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return "“" + zhenggai.Clip(s, 20) + "”不是打卡时间"
		}
		if f >= 1 {
			d, c, has, err := sheet.ParseDateTime(s, date1904)
			if err != nil || !has {
				return "“" + zhenggai.Clip(s, 20) + "”不是打卡时间"
			}
			if d != on {
				return "打卡时间的日期" + d.Chinese() + "与所在列的日期不一致"
			}
			add(int(c/time.Minute), role)
			return ""
		}
		c, err := sheet.ParseClock(s)
		if err != nil {
			return "“" + zhenggai.Clip(s, 20) + "”不是打卡时间"
		}
		add(int(c/time.Minute), role)
		return ""
	}
	locs := cellClock.FindAllStringIndex(s, 16)
	rest := s
	if len(locs) > 0 {
		var left strings.Builder
		prev := 0
		for _, l := range locs {
			before := s[prev:l[0]]
			left.WriteString(before + " ")
			tok := strings.TrimSpace(s[l[0]:l[1]])
			c, err := sheet.ParseClock(tok)
			if err != nil {
				return "“" + zhenggai.Clip(tok, 20) + "”不是有效的时间"
			}
			// A label right before the time (上班08:55, 下班打卡：18:02); one
			// after the time before it (08:55(上班) 18:02) is not this one's.
			r := role
			lb := strings.TrimSuffix(strings.TrimRight(before, " \t\n:"), "打卡")
			switch {
			case strings.HasSuffix(lb, "下班") || strings.HasSuffix(lb, "签退"):
				r = roleOut
			case strings.HasSuffix(lb, "上班") || strings.HasSuffix(lb, "签到"):
				r = roleIn
			}
			add(int(c/time.Minute), r)
			prev = l[1]
		}
		left.WriteString(s[prev:])
		rest = left.String()
	}
	seen := false
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune(matrixSeps, r) }) {
		switch matrixWord(w) {
		case 1:
			seen = true
		case -1:
			return "“" + zhenggai.Clip(s, 20) + "”不是打卡时间或考勤结果（如08:55、08:55 18:02、正常、缺卡、事假）"
		}
	}
	if seen && len(locs) == 0 {
		acc.present = true
	}
	return ""
}

// signIn is the day as a sign-in: punches labelled keep their place; an
// unlabelled one alone is the arrival before noon and the leaving after.
func (acc *matrixDay) signIn() (in, out int, ok bool) {
	in, out = acc.in, acc.out
	switch {
	case in < 0 && out < 0 && len(acc.any) == 1:
		if acc.any[0] < 12*60 {
			in = acc.any[0]
		} else {
			out = acc.any[0]
		}
	case in < 0 && out < 0 && len(acc.any) > 1:
		in, out = slices.Min(acc.any), slices.Max(acc.any)
	default:
		for _, m := range acc.any {
			if m < 12*60 {
				in = earliestMin(in, m)
			} else {
				out = max(out, m)
			}
		}
	}
	return in, out, in >= 0 || out >= 0 || acc.present
}

// maxMatrixErrors stops a file bad all through from filling memory with
// its reasons (the message lists the first few).
const maxMatrixErrors = 10000

// totalRows are rows of a matrix that sum, not persons.
var totalRows = map[string]bool{"合计": true, "总计": true, "小计": true, "汇总": true}

// matrixHeaderRow is the row of a month matrix's header among the
// sheet's first rows, 0 when there is none.
func matrixHeaderRow(b *sheet.Book, name string) (int, error) {
	rows, err := b.Rows(name)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var above []string
	for rows.Next() && rows.N() <= matrixWithin {
		cells := rows.Cells()
		if nm, _ := matrixNameAt(above, cells, b.Date1904()); nm >= 0 {
			return rows.N(), nil
		}
		above = slices.Clone(cells)
	}
	return 0, rows.Err()
}

// parseMatrix reads the sheet as a month matrix. It returns nil, nil when
// the sheet is not one (no such header in its first rows), so that the
// other layouts are tried as before.
func parseMatrix(b *sheet.Book, name string) (*SignInsRead, error) {
	// Found on the rows as stored: the merged ranges are read only for
	// a matrix (finding them costs a pass over the sheet's XML, which a
	// punch list of half a million rows should not pay).
	head, err := matrixHeaderRow(b, name)
	if head == 0 || err != nil {
		return nil, err
	}
	rows, err := b.MergedRows(name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var mx *matrix
	var titles, above []string
	for rows.Next() {
		cells := rows.Cells()
		if rows.N() == head {
			nm, fromAbove := matrixNameAt(above, cells, b.Date1904())
			if nm < 0 {
				break // merged cells made it another header: not a matrix after all
			}
			_, cols, _ := matrixHeader(cells, b.Date1904())
			nameHead := cells
			if fromAbove {
				nameHead = above
			}
			mx = &matrix{sheet: name, row: head, name: nm, nameHead: strings.TrimSpace(nameHead[nm]), cols: cols, titles: titles}
			break
		}
		above = slices.Clone(cells)
		for i, c := range cells {
			if c = strings.TrimSpace(c); c != "" && i < 64 && len(c) <= 200 {
				titles = append(titles, c)
			}
		}
	}
	if mx == nil {
		return nil, rows.Err()
	}
	where := func(n int) string {
		if b.CSV() {
			return fmt.Sprintf("第%d行：", n)
		}
		return fmt.Sprintf("%s第%d行：", name, n)
	}
	out := &SignInsRead{Matrix: true}
	type key struct {
		name string
		day  zhenggai.Date
	}
	at := map[key]int{}
	first, resolved := true, false
	var acc []matrixDay
	data := 0
	for rows.Next() {
		n, cells := rows.N(), rows.Cells()
		if len(b.Errors()) > maxMatrixErrors {
			break // enough to say the file is not what it should be
		}
		if first {
			first = false
			if subHeader(mx, cells) {
				applySubHeader(mx, cells)
				continue
			}
		}
		if !resolved {
			resolved = true
			if !mx.resolve(b) {
				break
			}
			acc = make([]matrixDay, mx.days)
		}
		if blank(cells) {
			continue
		}
		if data++; data > store.MaxSignInRows {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "考勤表超过%d行，请分成几个文件导入", store.MaxSignInRows)
		}
		nm := ""
		if mx.name < len(cells) {
			nm = hanName(strings.TrimSpace(b.Strip(name, n, mx.nameHead, cells[mx.name])))
		}
		if totalRows[strings.ReplaceAll(nm, " ", "")] {
			continue
		}
		for i := range acc {
			acc[i] = matrixDay{in: -1, out: -1, any: acc[i].any[:0]}
		}
		bad := false
		for _, c := range mx.cols {
			if c.idx >= len(cells) {
				continue
			}
			if why := acc[c.slot].cell(cells[c.idx], c.on, c.role, b.Date1904()); why != "" {
				b.Bad(name, n, c.on.Chinese(), why)
				bad = true
			}
		}
		if bad {
			continue
		}
		// Each day once, in the header's order; a day's cells all blank is
		// no day of the row.
		filled := make([]bool, mx.days)
		for _, c := range mx.cols {
			if c.idx < len(cells) && strings.TrimSpace(cells[c.idx]) != "" {
				filled[c.slot] = true
			}
		}
		var got []store.SignInRow
		for _, c := range mx.cols {
			if !filled[c.slot] {
				continue
			}
			filled[c.slot] = false
			in, outAt, ok := acc[c.slot].signIn()
			if !ok {
				continue
			}
			if in >= 0 && outAt >= 0 && outAt < in {
				b.Bad(name, n, c.on.Chinese(), "下班打卡时间早于上班打卡时间")
				bad = true
				continue
			}
			got = append(got, store.SignInRow{Name: nm, On: c.on, FirstIn: in, LastOut: outAt, Where: where(n)})
		}
		if bad || len(got) == 0 {
			continue // a row without a day signed: a note under the table, or one absent all month
		}
		if nm == "" {
			b.Bad(name, n, mx.nameHead, "姓名不能为空")
			continue
		}
		if utf8.RuneCountInString(nm) > zhenggai.MaxName || strings.ContainsFunc(nm, func(r rune) bool { return r < ' ' }) {
			b.Bad(name, n, mx.nameHead, "姓名“"+zhenggai.Clip(nm, 20)+"”过长或含有控制字符")
			continue
		}
		for _, r := range got {
			k := key{zhenggai.PersonKey(nm), r.On}
			if i, seen := at[k]; seen {
				// The person's second row (two departments): one day.
				p := &out.Rows[i]
				p.FirstIn, p.LastOut = earliestMin(p.FirstIn, r.FirstIn), max(p.LastOut, r.LastOut)
				if p.FirstIn >= 0 && p.LastOut >= 0 && p.LastOut < p.FirstIn {
					p.FirstIn, p.LastOut = p.LastOut, p.FirstIn
				}
				continue
			}
			if len(out.Rows) >= store.MaxSignInRows {
				return nil, zhenggai.Errorf(zhenggai.EINVALID, "考勤表超过%d条签到记录，请分成几个文件导入", store.MaxSignInRows)
			}
			at[k] = len(out.Rows)
			out.Rows = append(out.Rows, r)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if !resolved && !mx.resolve(b) {
		// The header is the last row: say what is wrong with it all the same.
		return nil, b.Rejected()
	}
	if err := b.Rejected(); err != nil {
		return nil, err
	}
	if len(out.Rows) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有签到记录：每天一列的月度考勤表中，每人每天的格子应写打卡时间（如08:55 18:02）或“正常”“√”", name)
	}
	out.Warnings = b.Warnings()
	return out, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

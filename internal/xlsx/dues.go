package xlsx

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
)

// The dues sheet (党费缴纳表) as branches keep it: one row per member with
// 姓名, 类别 and 缴费基数（元）, then a column per month (1月…12月 under a
// title naming the year, 2019年1月…, or 2019-01), amounts in 元; one sheet
// per year or one for several. Or the long form: 姓名, 月份, 应交, 实交,
// 交纳日期, a row per member and month. Header names in any of their
// aliases and orders; columns nobody reads (序号, 合计, 备注) are passed
// over.

// Fixed columns of both forms; month columns follow in the wide form.
const (
	duesName = iota
	duesKind
	duesBase
	duesFixed
	duesMonth
	duesDue
	duesPaid
	duesPaidOn
	duesSeq // 序号: read only for a 合计 row written there
	duesFixedCols
)

var duesColumns = [duesFixedCols]sheet.Column{
	duesName:   {Name: "姓名", Aliases: []string{"党员姓名", "名字", "党员"}, Required: true, Max: zhenggai.MaxName, Width: 10},
	duesKind:   {Name: "类别", Aliases: []string{"党员类别", "人员类别", "身份", "类型"}, Max: 20, Width: 10},
	duesBase:   {Name: "缴费基数", Unit: "元", Units: []string{"元"}, Aliases: []string{"基数", "月缴费基数", "交纳基数", "缴纳基数", "月工资收入", "税后工资"}, Once: true, Width: 12},
	duesFixed:  {Name: "固定交纳额", Unit: "元", Units: []string{"元"}, Aliases: []string{"固定额", "每月交纳额", "农民党员交纳额"}, Once: true, Width: 12},
	duesMonth:  {Name: "月份", Aliases: []string{"缴纳月份", "交纳月份", "所属月份", "党费月份"}, Width: 10},
	duesDue:    {Name: "应交", Unit: "元", Units: []string{"元"}, Aliases: []string{"应交金额", "应缴", "应缴金额", "应交党费"}, Once: true, Width: 10},
	duesPaid:   {Name: "实交", Unit: "元", Units: []string{"元"}, Aliases: []string{"实交金额", "实缴", "实缴金额", "实交党费", "交纳金额", "缴纳金额"}, Once: true, Width: 10},
	duesPaidOn: {Name: "交纳日期", Aliases: []string{"缴纳日期", "交费日期", "缴费日期", "日期"}, MinYear: 1949, Width: 14},
	duesSeq:    {Name: "序号", Aliases: []string{"编号"}, Max: 20},
}

// DuesMaxRows bounds a dues sheet: a county's members over years.
const DuesMaxRows = 100000

var (
	yearRe      = regexp.MustCompile(`(19[4-9]\d|20\d\d|2100)\s*年?`)
	monthOnlyRe = regexp.MustCompile(`^(\d{1,2})月份?$`)
	yearBaseRe  = regexp.MustCompile(`^(\d{4})年?度?(.*)$`)
)

// duesHeader is what the first rows of a sheet show.
type duesHeader struct {
	row    int
	long   bool
	months []duesMonthCol // wide form
	bases  []duesBaseCol  // per-year base columns
	year   int            // of the title or the sheet's name, 0 if none
	// others are the words beside the months in a header's second row
	// (合计, 备注 under a merged 2019年), each once: without them the row
	// would not read as the header's.
	others []string
}

type duesMonthCol struct {
	header string // as the Spec names it
	month  string // "2019-03", or "-03" until the year is known
}

type duesBaseCol struct {
	header string
	year   int
}

// ReadDues reads a dues workbook (or CSV) into import rows; a bad row or
// header gives a *sheet.Rejected naming each. name is the file's, for a
// CSV's messages.
func ReadDues(ctx context.Context, r io.Reader, name string) (rows []store.DuesImportRow, warnings []string, err error) {
	defer sheet.Guard(&err, "读取党费缴纳表")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "党费缴纳表", CSV: true, Name: name, Limits: sheet.Limits{
		MaxBytes: MaxFileSize, MaxUnzipped: maxUnzipped, MaxRows: DuesMaxRows, MaxTime: MaxParseTime}})
	if err != nil {
		return nil, nil, err
	}
	defer b.Close()
	found := false
	for _, sh := range b.Sheets() {
		h, err := scanDuesHeader(b, sh)
		if err != nil {
			return nil, nil, err
		}
		if h == nil {
			continue
		}
		found = true
		got, err := readDuesSheet(b, sh, h)
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, got...)
	}
	if !found {
		return nil, nil, zhenggai.Errorf(zhenggai.EINVALID,
			"未找到党费缴纳表的表头：前10行中应有一行写着姓名、类别、缴费基数（元）和各月份（1月…12月或2019年1月…），或姓名、月份、实交")
	}
	if err := b.Rejected(); err != nil {
		return nil, nil, err
	}
	if len(rows) == 0 {
		return nil, nil, zhenggai.Errorf(zhenggai.EINVALID, "党费缴纳表的表头之下没有任何党员")
	}
	return rows, b.Warnings(), nil
}

// scanDuesHeader finds the header among a sheet's first rows: a row
// naming 姓名 and either months or 月份. nil when there is none.
func scanDuesHeader(b *sheet.Book, sh string) (*duesHeader, error) {
	rs, err := b.Rows(sh)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	names := (&sheet.Spec{Columns: duesColumns[:]})
	h := &duesHeader{}
	nameRow, nameBases := 0, []duesBaseCol(nil) // a row naming 姓名 without months
	var nameCells []string
	if m := yearRe.FindStringSubmatch(sh); m != nil {
		h.year, _ = strconv.Atoi(m[1])
	}
	for rs.Next() && rs.N() <= 10 {
		cells := rs.Cells()
		hasName, hasMonth := false, false
		var months []duesMonthCol
		var bases []duesBaseCol
		for _, c := range cells {
			if col, _, ok := names.Match(c); ok {
				switch col {
				case duesName:
					hasName = true
				case duesMonth:
					hasMonth = true
				}
				continue
			}
			if m, ok := monthHeader(c, b.Date1904()); ok {
				months = append(months, duesMonthCol{header: c, month: m})
				continue
			}
			if y, ok := yearBaseHeader(c, names); ok {
				bases = append(bases, duesBaseCol{header: c, year: y})
			}
		}
		if hasName && (hasMonth || len(months) > 0) {
			h.row, h.long, h.months, h.bases = rs.N(), hasMonth, months, bases
			if hasMonth {
				h.months = nil
			}
			return h, rs.Err()
		}
		// A header of two rows: 姓名 and 类别 above, the months (under a
		// merged 2019年) below.
		if !hasName && len(months) > 0 && nameRow > 0 && nameRow == rs.N()-1 {
			h.row, h.months, h.bases = nameRow, months, append(nameBases, bases...)
			h.others = otherHeaders(cells, nameCells, names, b.Date1904())
			return h, rs.Err()
		}
		nameRow, nameBases, nameCells = 0, nil, nil
		if hasName {
			nameRow, nameBases, nameCells = rs.N(), bases, slices.Clone(cells)
		}
		// A title row above the header may name the year.
		for _, c := range cells {
			if m := yearRe.FindStringSubmatch(c); m != nil && h.year == 0 {
				h.year, _ = strconv.Atoi(m[1])
			}
		}
	}
	return nil, rs.Err()
}

// otherHeaders are the texts of a months' row that are neither months nor
// columns, those written once there and not in the row above.
func otherHeaders(cells, above []string, names *sheet.Spec, date1904 bool) []string {
	count := map[string]int{}
	for _, c := range above {
		count[c] = 2
	}
	var out []string
	for _, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if _, _, ok := names.Match(c); ok {
			continue
		}
		if _, ok := monthHeader(c, date1904); ok {
			continue
		}
		if count[c]++; count[c] == 1 {
			out = append(out, c)
		}
	}
	return slices.DeleteFunc(out, func(c string) bool { return count[c] > 1 })
}

// monthHeader reads a month column's header: 3月, 3月份, 2019年3月,
// 2019-03, 2019.3, or a date cell Excel made of 2019-03. A month without
// its year is "-03".
func monthHeader(c string, date1904 bool) (string, bool) {
	f := sheet.Fold(c)
	f = strings.TrimSuffix(strings.TrimSuffix(f, "(元)"), "（元）")
	if m := monthOnlyRe.FindStringSubmatch(f); m != nil {
		n, _ := strconv.Atoi(m[1])
		if n >= 1 && n <= 12 {
			return fmt.Sprintf("-%02d", n), true
		}
		return "", false
	}
	if strings.HasSuffix(f, "月份") {
		f = strings.TrimSuffix(f, "份")
	}
	if m, err := zhenggai.ParseMonth(f); err == nil {
		return m, true
	}
	// A serial date (43525) as Excel keeps a typed 2019-03.
	if len(f) == 5 && isDigits(f) {
		if d, err := sheet.ParseDate(f, date1904); err == nil && d.Day() == 1 {
			m, err := zhenggai.ParseMonth(fmt.Sprintf("%04d-%02d", d.Year(), d.Month()))
			return m, err == nil
		}
	}
	return "", false
}

// yearBaseHeader reads a base column of one year: 2019年缴费基数（元）.
func yearBaseHeader(c string, names *sheet.Spec) (int, bool) {
	m := yearBaseRe.FindStringSubmatch(sheet.Fold(c))
	if m == nil {
		return 0, false
	}
	col, _, ok := names.Match(m[2])
	if !ok || col != duesBase {
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	return y, y >= 1949 && y <= 2100
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// readDuesSheet reads the rows below a found header.
func readDuesSheet(b *sheet.Book, sh string, h *duesHeader) ([]store.DuesImportRow, error) {
	spec := &sheet.Spec{What: "党费缴纳表", Columns: slices.Clone(duesColumns[:]), Unknown: sheet.Ignore, MinMatch: 2,
		Within: h.row, Hint: []string{"姓名", "类别", "缴费基数（元）", "1月…12月"}}
	// Months without a year take the title's or the sheet name's.
	var months []string
	for i, m := range h.months {
		if strings.HasPrefix(m.month, "-") {
			if h.year == 0 {
				b.Bad(sh, h.row, m.header, "无法确定月份所属的年度：请在标题或工作表名中写明年度（如“2019年党费缴纳表”），或把表头写作2019年1月")
				return nil, nil
			}
			h.months[i].month = strconv.Itoa(h.year) + m.month
		}
		if slices.Contains(months, h.months[i].month) {
			b.Bad(sh, h.row, m.header, zhenggai.MonthChinese(h.months[i].month)+"有两列")
			return nil, nil
		}
		months = append(months, h.months[i].month)
		spec.Columns = append(spec.Columns, sheet.Column{Name: m.header, Units: []string{"元"}, Once: true})
	}
	for _, bc := range h.bases {
		spec.Columns = append(spec.Columns, sheet.Column{Name: bc.header, Units: []string{"元"}, Once: true})
	}
	for _, o := range h.others { // read by no one: they make the second row a header's
		spec.Columns = append(spec.Columns, sheet.Column{Name: o})
	}
	baseCol0 := duesFixedCols + len(h.months)
	t, err := b.Table(sh, spec)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	// The year a plain 缴费基数 column is for: the months' years.
	var years []int
	for _, m := range months {
		y, _ := strconv.Atoi(m[:4])
		if !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	if len(years) == 0 && h.year != 0 {
		years = []int{h.year}
	}
	var out []store.DuesImportRow
	for t.Next() {
		r := t.Row()
		name, ok := r.Text(duesName)
		if !ok {
			continue
		}
		if isDuesTotal(name) || name == "" && isDuesTotal(r.Raw(duesSeq)) {
			continue // 合计 rows, the word in 姓名 or (merged over) 序号
		}
		if name == "" {
			if !h.long {
				r.Bad(duesName, "姓名不能为空")
			}
			continue
		}
		name = hanName(name)
		row := store.DuesImportRow{Sheet: sh, Row: r.N(), Name: name, Bases: map[int]zhenggai.Fen{}}
		if s, _ := r.Text(duesKind); s != "" {
			k, ok := zhenggai.ParseDuesKind(s)
			if !ok {
				r.Bad(duesKind, "“"+zhenggai.Clip(s, 20)+"”须为在职、离退休、学生、下岗失业、低保或农民")
			}
			row.Kind = k
		}
		if f, ok := r.Fen(duesFixed); ok && f > 0 {
			row.Fixed = zhenggai.Fen(f)
		}
		if !h.long && !r.Blank(duesBase) {
			if f, ok := r.Fen(duesBase); ok {
				if len(years) == 0 {
					r.Bad(duesBase, "无法确定缴费基数所属的年度")
				}
				for _, y := range years {
					row.Bases[y] = zhenggai.Fen(f)
				}
			}
		}
		for i, bc := range h.bases {
			if !r.Blank(baseCol0 + i) {
				if f, ok := r.Fen(baseCol0 + i); ok {
					row.Bases[bc.year] = zhenggai.Fen(f)
				}
			}
		}
		if h.long {
			readDuesLong(b, r, &row)
		} else {
			row.Months = months
			for i, m := range months {
				if f, ok := duesAmount(r, duesFixedCols+i); ok {
					row.Payments = append(row.Payments, zhenggai.DuesPayment{Month: m, Paid: zhenggai.Fen(f)})
				}
			}
		}
		out = append(out, row)
	}
	if err := t.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// isDuesTotal: a 合计, 小计, 总计 or 累计 row (spaces between the
// characters, as offices align them).
func isDuesTotal(s string) bool {
	k := zhenggai.PersonKey(s)
	for _, w := range []string{"合计", "小计", "总计", "累计"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// hanName takes out the spaces offices put inside a two-character name
// to align it with three-character ones (王  明); other names (John
// Smith, 阿依古丽·买买提) are kept as written.
func hanName(s string) string {
	han := true
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && !unicode.IsSpace(r) {
			han = false
			break
		}
	}
	if !han {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// readDuesLong reads a long-form row: one month of one member.
func readDuesLong(b *sheet.Book, r *sheet.Row, row *store.DuesImportRow) {
	s, _ := r.Text(duesMonth)
	if s == "" {
		r.Bad(duesMonth, "月份不能为空")
		return
	}
	month, err := zhenggai.ParseMonth(s)
	if err != nil {
		// A date (2019-03-05, or Excel's serial of one) stands for its month.
		d, derr := sheet.ParseDate(s, b.Date1904())
		if derr != nil {
			r.Bad(duesMonth, "“"+zhenggai.Clip(s, 20)+"”"+err.Error())
			return
		}
		if month, err = zhenggai.ParseMonth(fmt.Sprintf("%04d-%02d", d.Year(), d.Month())); err != nil {
			r.Bad(duesMonth, "“"+zhenggai.Clip(s, 20)+"”"+err.Error())
			return
		}
	}
	row.Months = []string{month}
	if base, ok := r.Fen(duesBase); ok && !r.Blank(duesBase) {
		y, _ := strconv.Atoi(month[:4])
		row.Bases = map[int]zhenggai.Fen{y: zhenggai.Fen(base)}
	}
	r.Fen(duesDue) // checked, not kept: the due is computed
	f, ok := duesAmount(r, duesPaid)
	if !ok {
		return
	}
	on, _ := r.Date(duesPaidOn)
	row.Payments = []zhenggai.DuesPayment{{Month: month, Paid: zhenggai.Fen(f), PaidOn: on}}
}

// duesAmount reads a month's amount; blank, 未交, 欠交, 免交, — are none.
func duesAmount(r *sheet.Row, col int) (int64, bool) {
	if r.Blank(col) {
		return 0, false
	}
	s, _ := r.Text(col)
	switch sheet.Fold(s) {
	case "", "未交", "未缴", "欠交", "欠缴", "免交", "免缴", "/", "-", "—", "——", "--":
		return 0, false
	case "√", "✓", "✔", "☑", "已交", "已缴", "已交纳", "已缴纳", "交", "是":
		// A tick says paid, not how much: the amount is what the
		// self-inspection compares with the due (seed problem 17), so it
		// is never made up here.
		r.Bad(col, "“"+zhenggai.Clip(s, 10)+"”只表明已交，没有金额：请在该格填写实交金额（元），如 76.50；未交的月份留空")
		return 0, false
	}
	f, ok := r.Fen(col)
	return f, ok
}

// DuesYear is one year of the dues register as the export writes it.
type DuesYear struct {
	Year     int
	Members  []*zhenggai.DuesMember
	Bases    map[int64]zhenggai.Fen            // member → base of the year
	Payments map[int64]map[string]zhenggai.Fen // member → month → paid
	Rounding zhenggai.Rounding
}

// WriteDues writes the register one sheet per year, in the wide form
// ReadDues reads back: 序号, 姓名, 类别, 缴费基数（元）, 固定交纳额（元）,
// 2019年1月…12月, 应交合计（元）, 实交合计（元）.
func WriteDues(w io.Writer, unitName string, years []DuesYear) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	if len(years) == 0 {
		years = []DuesYear{{Year: zhenggai.Today().Year()}}
	}
	for _, y := range years {
		cols := []sheet.OutColumn{{Header: "序号", Width: 6}, {Header: "姓名", Width: 10}, {Header: "类别", Width: 10},
			{Header: "缴费基数（元）", Width: 12}, {Header: "固定交纳额（元）", Width: 12}}
		for m := 1; m <= 12; m++ {
			cols = append(cols, sheet.OutColumn{Header: fmt.Sprintf("%d年%d月", y.Year, m), Width: 10})
		}
		cols = append(cols, sheet.OutColumn{Header: "应交合计（元）", Width: 12}, sheet.OutColumn{Header: "实交合计（元）", Width: 12})
		title := fmt.Sprintf("%d年党费缴纳登记表", y.Year)
		if unitName != "" {
			title = unitName + title
		}
		s, err := wb.Sheet(fmt.Sprintf("%d年", y.Year), sheet.Layout{Title: title, Columns: cols, Print: true, Freeze: true})
		if err != nil {
			return err
		}
		for i, m := range y.Members {
			base := y.Bases[m.ID]
			row := []sheet.Cell{{Style: sheet.Centre, Value: i + 1}, Label(m.Name), Label(m.Kind.Label())}
			if m.Kind.Fixed() {
				row = append(row, sheet.Cell{Style: sheet.Money})
			} else {
				row = append(row, sheet.Yuan(int64(base)))
			}
			if m.Kind == zhenggai.DuesFarmer && m.Fixed > 0 {
				row = append(row, sheet.Yuan(int64(m.Fixed)))
			} else {
				row = append(row, sheet.Cell{Style: sheet.Money})
			}
			var due, paid zhenggai.Fen
			for mo := 1; mo <= 12; mo++ {
				month := fmt.Sprintf("%04d-%02d", y.Year, mo)
				if m.Owes(month) {
					due += zhenggai.Due(m.Kind, base, m.Fixed, y.Rounding)
				}
				if p, ok := y.Payments[m.ID][month]; ok {
					paid += p
					row = append(row, sheet.Yuan(int64(p)))
				} else {
					row = append(row, sheet.Cell{Style: sheet.Money})
				}
			}
			row = append(row, sheet.Yuan(int64(due)), sheet.Yuan(int64(paid)))
			if err := s.Row(row...); err != nil {
				return err
			}
		}
	}
	_, err := wb.WriteTo(w)
	return err
}

// LoadDues loads a unit's register as WriteDues writes it: one year, or
// every year (0), oldest first.
func LoadDues(ctx context.Context, st *store.Store, unitID int64, year int) ([]DuesYear, error) {
	members, err := st.DuesMembers(ctx, unitID)
	if err != nil {
		return nil, err
	}
	ys, err := st.DuesYears(ctx, unitID)
	if err != nil {
		return nil, err
	}
	mode, err := st.DuesRounding(ctx, unitID)
	if err != nil {
		return nil, err
	}
	bases, err := st.DuesBases(ctx, unitID, 0)
	if err != nil {
		return nil, err
	}
	pays, err := st.DuesPayments(ctx, unitID, "", "")
	if err != nil {
		return nil, err
	}
	var out []DuesYear
	if year != 0 {
		ys = []int{year}
	}
	for i := len(ys) - 1; i >= 0; i-- { // oldest first, as a book is kept
		y := DuesYear{Year: ys[i], Members: members, Rounding: mode, Bases: map[int64]zhenggai.Fen{},
			Payments: map[int64]map[string]zhenggai.Fen{}}
		for _, b := range bases {
			if b.Year == ys[i] {
				y.Bases[b.MemberID] = b.Base
			}
		}
		for _, p := range pays {
			if strings.HasPrefix(p.Month, strconv.Itoa(ys[i])+"-") {
				if y.Payments[p.MemberID] == nil {
					y.Payments[p.MemberID] = map[string]zhenggai.Fen{}
				}
				y.Payments[p.MemberID][p.Month] = p.Paid
			}
		}
		out = append(out, y)
	}
	return out, nil
}

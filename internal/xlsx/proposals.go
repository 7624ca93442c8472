package xlsx

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/store"
)

// The proposals' list (提案目录、提案办理情况汇总表) as offices keep it and
// platforms export it: one row per proposal, the columns in their usual
// names. A row says how far the proposal went (审查结果, 承办单位, 答复日期,
// 满意度, 办结日期) and its status is derived from what it holds.

// ProposalSheet is the sheet written, and the one read first when a
// workbook has several.
const ProposalSheet = "提案"

// Columns of a proposals' list.
const (
	pSeq = iota
	pNumber
	pSession
	pYear
	pTitle
	pLead
	pCoSigners
	pSector
	pSource
	pSubmitted
	pReview
	pGround
	pHandler
	pCoHandler
	pAssigned
	pReplied
	pClass
	pFeedback
	pDone
	pKey
	pNote
)

// ProposalColumns are the columns of a proposals' list.
var ProposalColumns = sheet.Spec{What: "提案名单", Unknown: sheet.Ignore, Columns: []sheet.Column{
	pSeq:       {Name: "序号", Width: 6},
	pNumber:    {Name: "提案号", Aliases: []string{"案号", "编号", "提案编号", "提案序号"}, Max: 20, Width: 8},
	pSession:   {Name: "届次", Aliases: []string{"会次", "届次会次", "会议", "届别"}, Max: 40, Width: 10},
	pYear:      {Name: "年度", Aliases: []string{"年份", "年"}, Width: 7},
	pTitle:     {Name: "案由", Aliases: []string{"提案标题", "标题", "题目", "提案题目", "提案名称", "案题"}, Required: true, Max: zhenggai.MaxTitle, Width: 36},
	pLead:      {Name: "提案人", Aliases: []string{"第一提案人", "领衔人", "领衔提案人", "提案者", "提出者"}, Max: zhenggai.MaxName, Width: 12},
	pCoSigners: {Name: "联名人", Aliases: []string{"附议人", "联名提案人", "联名委员"}, Max: 2000, Width: 16},
	pSector:    {Name: "界别", Aliases: []string{"所在界别", "提案人界别"}, Max: 40, Width: 10},
	pSource:    {Name: "提案者类别", Aliases: []string{"提案者类型", "提案人类别", "提案主体"}, Max: 20, Width: 10},
	pSubmitted: {Name: "提交日期", Aliases: []string{"提交时间", "提案日期", "提出日期", "提出时间"}, MinYear: 1949, Width: 12},
	pReview:    {Name: "审查结果", Aliases: []string{"立案情况", "审查意见", "审查情况", "立案审查"}, Max: 60, Width: 12},
	pGround:    {Name: "不予立案理由", Aliases: []string{"不立案理由", "不予立案原因"}, Max: zhenggai.MaxTitle, Width: 16},
	pHandler:   {Name: "承办单位", Aliases: []string{"主办单位", "承办单位（主办）"}, Max: 1000, Width: 16},
	pCoHandler: {Name: "会办单位", Aliases: []string{"协办单位", "会办", "协办"}, Max: 1000, Width: 14},
	pAssigned:  {Name: "交办日期", Aliases: []string{"交办时间"}, MinYear: 1949, Width: 12},
	pReplied:   {Name: "答复日期", Aliases: []string{"办复日期", "答复时间", "办复时间"}, MinYear: 1949, Width: 12},
	pClass:     {Name: "答复类别", Aliases: []string{"办复类别", "答复类型", "办理类别", "答复分类"}, Max: 40, Width: 8},
	pFeedback:  {Name: "满意度", Aliases: []string{"反馈意见", "征询意见", "提案者意见", "满意程度", "办理评价", "评价意见"}, Max: 40, Width: 10},
	pDone:      {Name: "办结日期", Aliases: []string{"办结时间"}, MinYear: 1949, Width: 12},
	pKey:       {Name: "重点提案", Aliases: []string{"是否重点提案", "重点"}, Max: 20, Width: 8},
	pNote:      {Name: "备注", Max: zhenggai.MaxTitle, Width: 16},
}}

// ProposalsImport is a list as read: the rows to import and what the
// reader warns of.
type ProposalsImport struct {
	Rows     []store.ProposalImportRow
	Warnings []string
}

// ParseProposals reads a proposals' list (.xlsx, or CSV in UTF-8 or GBK):
// the sheet 提案, else the first. Every bad row and cell is named (sheet,
// row, column) and nothing is returned then: all or none.
func ParseProposals(ctx context.Context, r io.Reader, name string) (_ *ProposalsImport, err error) {
	defer sheet.Guard(&err, "读取提案名单")
	b, err := sheet.Open(ctx, r, sheet.Options{What: "提案名单", CSV: true, Name: name})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	sh := ProposalSheet
	if !b.Has(sh) {
		names := b.Sheets()
		if len(names) == 0 {
			return nil, zhenggai.Errorf(zhenggai.EINVALID, "提案名单中没有工作表")
		}
		sh = names[0]
	}
	t, err := b.Table(sh, &ProposalColumns)
	if err != nil {
		return nil, err
	}
	im := &ProposalsImport{}
	noNumber := false
	for t.Next() {
		row := t.Row()
		pr, useSeq := readProposalRow(row)
		noNumber = noNumber || useSeq
		if pr != nil {
			pr.Sheet, pr.Row = sh, row.N()
			im.Rows = append(im.Rows, *pr)
		}
	}
	err = t.Err()
	t.Close()
	if err != nil {
		return nil, err
	}
	if err := b.Rejected(); err != nil {
		return nil, err
	}
	if len(im.Rows) == 0 {
		return nil, zhenggai.Errorf(zhenggai.EINVALID, "“%s”表中没有提案", sh)
	}
	im.Warnings = b.Warnings()
	if noNumber {
		im.Warnings = append(im.Warnings, "名单没有“提案号”列，以序号作为提案号")
	}
	return im, nil
}

// readProposalRow reads one row; nil when it is bad (recorded). useSeq
// says the number was taken from 序号 (the list has no 提案号).
func readProposalRow(row *sheet.Row) (_ *store.ProposalImportRow, useSeq bool) {
	ok := true
	text := func(col int) string {
		s, good := row.Text(col)
		ok = ok && good
		return strings.TrimSpace(s)
	}
	date := func(col int) zhenggai.Date {
		d, good := row.Date(col)
		ok = ok && good
		return d
	}
	bad := func(col int, msg string) {
		row.Bad(col, msg)
		ok = false
	}
	p := &zhenggai.Proposal{Public: true}
	pr := &store.ProposalImportRow{P: p}

	// Which proposal: session, year, number.
	p.Session, p.Timing = proposalSession(text(pSession))
	p.Number = proposalNumber(text(pNumber))
	if p.Number == "" && !row.Has(pNumber) {
		p.Number, useSeq = proposalNumber(text(pSeq)), true
	}
	if p.Number == "" {
		bad(pNumber, "提案号不能为空")
	}
	p.SubmittedOn = date(pSubmitted)
	if s := text(pYear); s != "" {
		y, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(foldDigits(s), "年度"), "年"))
		if err != nil || y < 1949 || y > 2100 {
			bad(pYear, "“"+zhenggai.Clip(s, 20)+"”须为年份，如2020")
		}
		p.Year = y
	} else if !p.SubmittedOn.IsZero() {
		p.Year = p.SubmittedOn.Year()
	} else {
		bad(pYear, "年度不能为空（或填写提交日期）")
	}
	p.Title = text(pTitle)
	if p.Title == "" {
		bad(pTitle, "案由不能为空")
	}

	// Who: the source, the lead and the co-signers.
	source, good := proposalSource(text(pSource))
	if !good {
		bad(pSource, "须为委员、党派、人民团体或专委会")
	}
	p.Source = source
	lead := text(pLead)
	cos := splitNames(text(pCoSigners))
	sector := text(pSector)
	if p.Source == zhenggai.SourceMember {
		names := splitNames(lead)
		if len(names) == 0 {
			bad(pLead, "提案人不能为空")
		}
		names = append(names, cos...)
		seen := map[string]bool{}
		for _, n := range names {
			n = hanName(n)
			k := zhenggai.PersonKey(n)
			if seen[k] {
				bad(pCoSigners, "“"+zhenggai.Clip(n, 20)+"”重复")
				continue
			}
			if utf8.RuneCountInString(n) > 40 {
				bad(pCoSigners, "“"+zhenggai.Clip(n, 20)+"”不是姓名（姓名之间用顿号分隔）")
				continue
			}
			seen[k] = true
			// A co-signer the list names has signed: on the day it was
			// submitted, or, when the list gives only the year, on its
			// first day (an unconfirmed co-signer counts for nothing).
			on := p.SubmittedOn
			if on.IsZero() && p.Year > 0 {
				on = zhenggai.NewDate(p.Year, 1, 1)
			}
			p.Signers = append(p.Signers, zhenggai.ProposalSigner{Seq: len(p.Signers) + 1, Name: n, ConfirmedOn: on})
		}
	} else {
		p.Submitter = lead
		if p.Submitter == "" && p.Source == zhenggai.SourceCommittee {
			p.Submitter = sector
		}
		if p.Submitter == "" {
			bad(pLead, "提案者不能为空（党派、团体或专委会的名称）")
		}
		if len(cos) > 0 {
			bad(pCoSigners, "党派、团体、专委会的提案不填联名人")
		}
	}

	// Review.
	review := text(pReview)
	status, into, conv, msg := proposalReview(review)
	if msg != "" {
		bad(pReview, msg)
	}
	p.Status, p.ConvertedTo, pr.MergedNumber = status, conv, into
	p.Ground = text(pGround)
	if p.Ground != "" && status != zhenggai.PropRejected {
		bad(pGround, "只有不予立案的提案填写理由")
	}

	// Handling.
	for _, h := range splitNames(text(pHandler)) {
		p.Handlers = append(p.Handlers, zhenggai.ProposalAssignment{Handler: h, Role: zhenggai.HandlerLead})
	}
	for _, h := range splitNames(text(pCoHandler)) {
		p.Handlers = append(p.Handlers, zhenggai.ProposalAssignment{Handler: h, Role: zhenggai.HandlerCo})
	}
	lead0 := len(p.Handlers) > 0 && p.Handlers[0].Role == zhenggai.HandlerLead
	if len(p.Handlers) > 0 && !lead0 {
		bad(pHandler, "有会办单位，却没有承办（主办）单位")
	}
	p.AssignedOn = date(pAssigned)
	for i := range p.Handlers {
		p.Handlers[i].AssignedOn = p.AssignedOn
	}
	replied := date(pReplied)
	classText := text(pClass)
	class, good := proposalClass(classText)
	if !good {
		bad(pClass, "“"+zhenggai.Clip(classText, 20)+"”须为A类、B类或C类")
	}
	verdictText := text(pFeedback)
	verdict, good := proposalVerdict(verdictText)
	if !good {
		bad(pFeedback, "“"+zhenggai.Clip(verdictText, 20)+"”须为满意、基本满意或不满意")
	}
	p.DoneOn = date(pDone)
	keyText := text(pKey)
	key, good := yesNo(keyText)
	if !good {
		bad(pKey, "“"+zhenggai.Clip(keyText, 20)+"”须为是或否")
	}
	p.Key = key
	pr.Note = text(pNote)

	// What the row holds must hang together.
	switch {
	case !p.AssignedOn.IsZero() && len(p.Handlers) == 0:
		bad(pHandler, "填写了交办日期，却没有承办单位")
	case !replied.IsZero() && len(p.Handlers) == 0:
		bad(pHandler, "填写了答复日期，却没有承办单位")
	}
	if replied.IsZero() {
		if class != "" {
			bad(pReplied, "填写了答复类别，却没有答复日期")
		}
		if verdict != "" {
			bad(pReplied, "填写了满意度，却没有答复日期")
		}
		if !p.DoneOn.IsZero() {
			bad(pReplied, "填写了办结日期，却没有答复日期")
		}
	}
	if !p.AssignedOn.IsZero() && !p.SubmittedOn.IsZero() && p.AssignedOn.Before(p.SubmittedOn) {
		bad(pAssigned, "交办日期早于提交日期")
	}
	if !replied.IsZero() && !p.AssignedOn.IsZero() && replied.Before(p.AssignedOn) {
		bad(pReplied, "答复日期早于交办日期")
	}
	if !p.DoneOn.IsZero() && !replied.IsZero() && p.DoneOn.Before(replied) {
		bad(pDone, "办结日期早于答复日期")
	}
	handled := len(p.Handlers) > 0 || !replied.IsZero() || !p.DoneOn.IsZero()
	if handled && (status == zhenggai.PropRejected || status == zhenggai.PropConverted || status == zhenggai.PropSubmitted) {
		bad(pReview, zhenggai.Clip(review, 20)+"的提案不应填写承办、答复或办结情况")
	}
	if !ok {
		return nil, useSeq
	}
	if p.Session == "" && p.Timing == "" {
		p.Timing = zhenggai.TimingOrdinary
	}
	// The rules the forms keep (lengths, lines, signers' number), each
	// named in the column it came from.
	if err := p.Validate(); err != nil {
		col := map[string]int{"title": pTitle, "session": pSession, "number": pNumber, "submitter": pLead,
			"signers": pCoSigners, "year": pYear, "source": pSource, "timing": pSession}
		if v, isV := err.(*zhenggai.ValidationError); isV {
			for _, f := range v.Fields {
				c, known := col[f.Field]
				if !known {
					c = pTitle
				}
				bad(c, f.Message)
			}
		} else {
			bad(pTitle, err.Error())
		}
		return nil, useSeq
	}
	if !p.AssignedOn.IsZero() {
		p.DueOn = zhenggai.ProposalDue(p)
	}
	if !replied.IsZero() {
		p.Replies = []zhenggai.ProposalReply{{Round: 1, RepliedOn: replied, Class: class, ReviewedOn: replied, Approved: true}}
		p.Class = class
	}
	if verdict != "" {
		by := p.Submitter
		if len(p.Signers) > 0 {
			by = p.Signers[0].Name
		}
		on := p.DoneOn
		if on.IsZero() {
			on = replied
		}
		p.Feedback = []zhenggai.ProposalFeedback{{Round: 1, Name: by, Result: verdict, ReturnedOn: on}}
	}
	if status == zhenggai.PropRegistered {
		switch {
		case !p.DoneOn.IsZero():
			p.Status = zhenggai.PropDone
		case verdict != "":
			p.Status = zhenggai.ProposalAfterFeedback(class, verdict)
		case !replied.IsZero():
			p.Status = zhenggai.PropAnswered
		case len(p.Handlers) > 0:
			p.Status = zhenggai.PropAssigned
		}
	}
	return pr, useSeq
}

// foldDigits turns full-width digits into ASCII.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// proposalNumber reads 12, 第12号, 第１２号; other numbers as they are.
func proposalNumber(s string) string {
	s = strings.TrimSpace(foldDigits(s))
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "第"), "号"))
	if t != "" && strings.Trim(t, "0123456789") == "" {
		n, err := strconv.Atoi(t)
		if err == nil {
			return strconv.Itoa(n)
		}
	}
	return s
}

// proposalSession reads a session as lists write it (九届四次, 九届四次会议,
// 政协第九届委员会第四次会议, 9届4次) as 九届四次; 平时 (or blank) is no
// session.
func proposalSession(s string) (string, zhenggai.ProposalTiming) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, foldDigits(s))
	switch {
	case s == "":
		return "", ""
	case strings.Contains(s, "平时") || strings.Contains(s, "闭会"):
		return "", zhenggai.TimingOrdinary
	}
	for _, w := range []string{"政协", "委员会", "全体会议", "会议", "第", "大会"} {
		s = strings.ReplaceAll(s, w, "")
	}
	// 9届4次 as 九届四次.
	if i := strings.Index(s, "届"); i > 0 {
		if j := strings.Index(s[i:], "次"); j > 0 {
			term, meeting := s[:i], s[i+len("届"):i+j]
			tn, mn := sessionNumeral(term), sessionNumeral(meeting)
			if tn > 0 && mn > 0 && tn < 100 && mn < 100 {
				return zhenggai.Numeral(tn) + "届" + zhenggai.Numeral(mn) + "次" + s[i+j+len("次"):], zhenggai.TimingSession
			}
		}
	}
	return s, zhenggai.TimingSession
}

// sessionNumeral reads 9 or 九.
func sessionNumeral(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return zhenggai.ParseNumeral(s)
}

// proposalSource reads 提案者类别; blank is a member's.
func proposalSource(s string) (zhenggai.ProposalSource, bool) {
	switch {
	case s == "" || strings.Contains(s, "委员") && !strings.Contains(s, "专门委员会") || strings.Contains(s, "个人") || strings.Contains(s, "联名"):
		return zhenggai.SourceMember, true
	case strings.Contains(s, "党派") || strings.Contains(s, "工商联") || strings.Contains(s, "党"):
		return zhenggai.SourceParty, true
	case strings.Contains(s, "团体"):
		return zhenggai.SourceOrg, true
	case strings.Contains(s, "专委") || strings.Contains(s, "专门委员会") || strings.Contains(s, "界别"):
		return zhenggai.SourceCommittee, true
	}
	return zhenggai.SourceMember, false
}

// ProposalSourceLabel is what the list writes in 提案者类别.
func ProposalSourceLabel(s zhenggai.ProposalSource) string {
	switch s {
	case zhenggai.SourceParty:
		return "党派"
	case zhenggai.SourceOrg:
		return "人民团体"
	case zhenggai.SourceCommittee:
		return "专委会"
	}
	return "委员"
}

// proposalReview reads 审查结果: the status, the number merged into, what
// it was turned into, or why the cell is bad. Blank is 立案.
func proposalReview(s string) (st zhenggai.ProposalStatus, into, conv, bad string) {
	switch {
	case s == "" || s == "立案" || s == "已立案" || s == "同意立案" || s == "予以立案":
		return zhenggai.PropRegistered, "", "", ""
	case strings.Contains(s, "不予立案") || strings.Contains(s, "不立案") || strings.Contains(s, "未立案"):
		return zhenggai.PropRejected, "", "", ""
	case strings.Contains(s, "并案") || strings.Contains(s, "并入"):
		into = mergedNumber(s)
		if into == "" {
			return "", "", "", "并案须写明并入哪一件，如“并入第12号”"
		}
		return zhenggai.PropMerged, into, "", ""
	case strings.Contains(s, "转") && strings.Contains(s, "社情民意"):
		return zhenggai.PropConverted, "", "社情民意", ""
	case strings.Contains(s, "转") && (strings.Contains(s, "意见") || strings.Contains(s, "建议")):
		return zhenggai.PropConverted, "", "意见建议", ""
	case strings.Contains(s, "待审查") || strings.Contains(s, "未审查"):
		return zhenggai.PropSubmitted, "", "", ""
	}
	return "", "", "", "“" + zhenggai.Clip(s, 20) + "”须为立案、不予立案、并案（并入第12号）、转意见建议或转社情民意"
}

// mergedNumber is the number in 并案（并入第12号）, "" for none.
func mergedNumber(s string) string {
	s = foldDigits(s)
	if i := strings.Index(s, "并入"); i >= 0 {
		s = s[i+len("并入"):]
	}
	start := strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return ""
	}
	end := strings.IndexFunc(s[start:], func(r rune) bool { return r < '0' || r > '9' })
	if end < 0 {
		end = len(s) - start
	}
	return proposalNumber(s[start : start+end])
}

// proposalClass reads A类, A, 甲类, a (and the text after: A类（已解决）).
func proposalClass(s string) (zhenggai.ReplyClass, bool) {
	if s == "" {
		return "", true
	}
	r, _ := utf8.DecodeRuneInString(strings.Map(func(r rune) rune {
		if r >= 'Ａ' && r <= 'Ｚ' {
			return r - 'Ａ' + 'A'
		}
		if r >= 'ａ' && r <= 'ｚ' {
			return r - 'ａ' + 'A'
		}
		return unicode.ToUpper(r)
	}, s))
	switch r {
	case 'A', '甲':
		return zhenggai.ReplyClassA, true
	case 'B', '乙':
		return zhenggai.ReplyClassB, true
	case 'C', '丙':
		return zhenggai.ReplyClassC, true
	}
	return "", false
}

// proposalVerdict reads 满意, 基本满意 (比较满意), 不满意.
func proposalVerdict(s string) (zhenggai.FeedbackResult, bool) {
	switch {
	case s == "":
		return "", true
	case strings.Contains(s, "不满意"):
		return zhenggai.FeedbackUnsatisfied, true
	case strings.Contains(s, "基本满意") || strings.Contains(s, "比较满意"):
		return zhenggai.FeedbackBasic, true
	case s == "满意" || s == "非常满意" || s == "很满意":
		return zhenggai.FeedbackSatisfied, true
	}
	return "", false
}

// yesNo reads 是/否 as lists mark them.
func yesNo(s string) (bool, bool) {
	switch strings.ToUpper(s) {
	case "", "否", "0", "N", "NO", "×", "X", "-", "—", "不是":
		return false, true
	case "是", "1", "Y", "YES", "√", "✓", "✔", "★", "重点", "重点提案":
		return true, true
	}
	return false, false
}

// proposalReviewLabel is what the list writes in 审查结果.
func proposalReviewLabel(p *zhenggai.Proposal, mergedNumber string) string {
	switch p.Status {
	case zhenggai.PropDraft, zhenggai.PropSubmitted:
		return "待审查"
	case zhenggai.PropRejected:
		return "不予立案"
	case zhenggai.PropMerged:
		if mergedNumber == "" {
			return "并案"
		}
		return "并案（并入" + proposalNumberName(mergedNumber) + "）"
	case zhenggai.PropConverted:
		if p.ConvertedTo == "社情民意" {
			return "转社情民意"
		}
		return "转意见建议"
	}
	return "立案"
}

func proposalNumberName(n string) string {
	if n != "" && strings.Trim(n, "0123456789") == "" {
		return "第" + n + "号"
	}
	return n
}

// WriteProposals writes proposals as the list ParseProposals reads.
func WriteProposals(w io.Writer, title string, rows []store.ProposalSheetRow) error {
	wb := sheet.NewWriter()
	defer wb.Close()
	s, err := wb.Sheet(ProposalSheet, sheet.Layout{Title: title, Columns: ProposalColumns.Out(0), Print: true, Freeze: true})
	if err != nil {
		return err
	}
	for i, r := range rows {
		p := r.P
		number := Text(p.Number)
		if n, err := strconv.Atoi(p.Number); err == nil && strconv.Itoa(n) == p.Number {
			number = Num(n)
		}
		session := p.Session
		if session == "" {
			session = "平时提案"
		}
		lead := p.Submitter
		var cos []string
		for k, sg := range p.Signers {
			if k == 0 && p.Source == zhenggai.SourceMember {
				lead = sg.Name
				continue
			}
			cos = append(cos, sg.Name)
		}
		var leads, coh []string
		assigned := p.AssignedOn
		for _, h := range p.Handlers {
			if !h.ReturnedOn.IsZero() {
				continue
			}
			if h.Role == zhenggai.HandlerCo {
				coh = append(coh, h.Handler)
			} else {
				leads = append(leads, h.Handler)
			}
			if assigned.IsZero() {
				assigned = h.AssignedOn
			}
		}
		var replied zhenggai.Date
		if rp := zhenggai.ProposalReplied(p); rp != nil {
			replied = rp.RepliedOn
		}
		class := ""
		if p.Class != "" && !replied.IsZero() {
			class = string(p.Class) + "类"
		}
		key := ""
		if p.Key {
			key = "是"
		}
		err := s.Row(sheet.Cell{Style: sheet.Centre, Value: i + 1}, number, Label(session), Num(p.Year), Text(p.Title), Label(lead),
			Text(strings.Join(cos, "、")), Label(r.Sector), Label(ProposalSourceLabel(p.Source)), sheet.Day(p.SubmittedOn),
			Label(proposalReviewLabel(p, r.MergedNumber)), Text(p.Ground), Text(strings.Join(leads, "、")), Text(strings.Join(coh, "、")),
			sheet.Day(assigned), sheet.Day(replied), Label(class), Label(zhenggai.ProposalVerdict(p).Label()), sheet.Day(p.DoneOn),
			Label(key), Text(r.Note))
		if err != nil {
			return fmt.Errorf("提案名单第%d行：%w", i+1, err)
		}
	}
	_, err = wb.WriteTo(w)
	return err
}

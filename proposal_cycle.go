package zhenggai

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// What the proposals cycle needs beyond its step table: the bounds of a
// proposal, the input of a step, the unit's settings with their defaults,
// the due colour and the search for earlier proposals on one subject.

const (
	MaxProposalTitle   = 100   // characters of a title (案题)
	MaxProposalContent = 20000 // characters of 案由和建议
	MaxProposalSigners = 100   // lead signer and co-signers
	// ProposalExtendMonths bounds an extension: due at most six months
	// after assignment.
	ProposalExtendMonths = 6
)

// Events of the timeline that are not steps of the cycle.
const (
	ActCreate   ProposalAction = "create"   // 起草（邀请联名）或直接提交
	ActCosign   ProposalAction = "cosign"   // 联名人确认联名
	ActDecline  ProposalAction = "decline"  // 联名人谢绝联名
	ActPublic   ProposalAction = "public"   // 公开或不公开（理由）
	ActDocument ProposalAction = "document" // 档案材料上传或作废
)

// Named settings of the register (store.NamedSettings "proposals.").
const (
	ProposalGroundsSetting    = "proposals.reject_grounds"     // one ground a line
	ProposalClassesSetting    = "proposals.classes"            // "A=所提问题已经解决或采纳", a line each
	ProposalQuestionsSetting  = "proposals.feedback_questions" // the form's other questions, one a line
	ProposalReturnDaysSetting = "proposals.return_days"        // working days a handling unit has to return an assignment
)

// DefaultRejectGrounds are the grounds of 不予立案 a unit has without its own.
var DefaultRejectGrounds = []string{"不属于政协提案受理范围", "涉及党派内部事务", "一事多议/内容空泛", "已有明确答复", "属于学术探讨"}

// DefaultProposalReturnDays: an assignment is returned within 5 working days.
const DefaultProposalReturnDays = 5

// ReplyClassInfo is a reply class with what it means in the unit.
type ReplyClassInfo struct {
	Class   ReplyClass `json:"class"`
	Meaning string     `json:"meaning"`
}

// DefaultReplyClasses are the classes' meanings a unit has without its own.
var DefaultReplyClasses = []ReplyClassInfo{
	{ReplyClassA, "所提问题已经解决或采纳"},
	{ReplyClassB, "列入计划、正在解决"},
	{ReplyClassC, "因条件限制留作参考"},
}

// DefaultFeedbackQuestions are the feedback form's questions besides the verdict.
var DefaultFeedbackQuestions = []string{"承办单位是否与您联系沟通", "对办理工作的意见和建议"}

// ReplyClassesFrom reads the setting ("A=…" a line); a class not named keeps its default meaning.
func ReplyClassesFrom(s string) []ReplyClassInfo {
	out := slices.Clone(DefaultReplyClasses)
	for _, line := range strings.Split(s, "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), "=")
		k, v = strings.ToUpper(strings.TrimSpace(k)), strings.TrimSpace(v)
		if !ok || v == "" {
			continue
		}
		for i := range out {
			if string(out[i].Class) == k {
				out[i].Meaning = v
			}
		}
	}
	return out
}

// LinesFrom is a list setting, one item a line, or def when it has none.
func LinesFrom(s string, def []string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" && !slices.Contains(out, line) {
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		return slices.Clone(def)
	}
	return out
}

// Valid reports whether c is one of A, B, C.
func (c ReplyClass) Valid() bool { return c == ReplyClassA || c == ReplyClassB || c == ReplyClassC }

// Valid reports whether r is one of the three verdicts.
func (r FeedbackResult) Valid() bool {
	return r == FeedbackSatisfied || r == FeedbackBasic || r == FeedbackUnsatisfied
}

// FeedbackResults in the order the form offers them.
var FeedbackResults = []FeedbackResult{FeedbackSatisfied, FeedbackBasic, FeedbackUnsatisfied}

// Label is the Chinese name of a source.
func (s ProposalSource) Label() string {
	switch s {
	case SourceMember:
		return "委员"
	case SourceParty:
		return "民主党派、工商联"
	case SourceOrg:
		return "人民团体"
	case SourceCommittee:
		return "专门委员会、界别"
	}
	return string(s)
}

// Label is the Chinese name of a timing.
func (t ProposalTiming) Label() string {
	if t == TimingOrdinary {
		return "平时提案"
	}
	return "大会提案"
}

// Label is the Chinese name of a handling unit's part.
func (r HandlerRole) Label() string {
	if r == HandlerCo {
		return "会办"
	}
	return "主办"
}

// Validate checks what a proposal's form gives: a title (one matter, as
// short as a heading), content bounded, a known source and timing, the
// submitter of a proposal not a member's, the year.
func (p *Proposal) Validate() error {
	v := &ValidationError{}
	CheckText(v, "title", "案题", p.Title, true, MaxProposalTitle)
	if strings.ContainsAny(p.Title, "\r\n") {
		v.Add("title", "案题应为一行")
	}
	if n := len([]rune(p.Content)); n > MaxProposalContent {
		v.Add("content", fmt.Sprintf("案由和建议过长（最多%d字，现%d字）", MaxProposalContent, n))
	}
	if !slices.Contains(ProposalSources, p.Source) {
		v.Add("source", "请选择提案者类别（委员、民主党派、人民团体或专门委员会）")
	}
	if p.Timing != TimingSession && p.Timing != TimingOrdinary {
		v.Add("timing", "请选择大会提案或平时提案")
	}
	if p.Source != SourceMember {
		CheckText(v, "submitter", "提案单位", p.Submitter, true, 100)
	}
	CheckText(v, "session", "届次", p.Session, false, 40)
	CheckText(v, "number", "提案号", p.Number, false, 20)
	if p.Year < 1949 || p.Year > 2100 {
		v.Add("year", "年度须为1949至2100之间的年份")
	}
	if len(p.Signers) > MaxProposalSigners {
		v.Add("signers", fmt.Sprintf("联名人过多（最多%d人）", MaxProposalSigners-1))
	}
	if p.Source == SourceMember && len(p.Signers) == 0 {
		v.Add("signers", "委员提案须有领衔提案人")
	}
	return v.Err()
}

// ProposalStepInput is what a step's form gives; each action reads its
// own fields (ProposalStepInput.Check says which are required).
type ProposalStepInput struct {
	Action ProposalAction `json:"action"`
	On     Date           `json:"on,omitzero"` // the stage's date (the letter's, the form's); today when absent
	Note   string         `json:"note,omitempty"`
	// register: the 提案号 the office gives; the next free one when absent
	Number string `json:"number,omitempty"`
	// reject
	Ground string `json:"ground,omitempty"`
	// merge
	MergeInto int64 `json:"merge_into,omitempty"`
	// convert
	ConvertedTo string `json:"converted_to,omitempty"` // 社情民意 or 意见建议
	ConsentOn   Date   `json:"consent_on,omitzero"`
	// assign: the lead unit first, then co-handling units
	Handlers []ProposalAssignment `json:"handlers,omitempty"`
	// return, reply, follow: the assignment acted on
	AssignmentID int64 `json:"assignment_id,omitempty"`
	// reply (and approve: the office's class when it changes it)
	Class   ReplyClass `json:"class,omitempty"`
	Summary string     `json:"summary,omitempty"`
	// The reply letter's file, set only from an upload (never from a
	// client's JSON: a hash named there could be another unit's file).
	LetterSHA256 string `json:"-"`
	LetterName   string `json:"-"`
	// feedback: the signer whose form it is, his verdict and answers
	PersonID int64             `json:"person_id,omitempty"`
	Result   FeedbackResult    `json:"result,omitempty"`
	Answers  map[string]string `json:"answers,omitempty"`
	// extend
	ExtendTo Date `json:"extend_to,omitzero"`
	// key: the leader of the roster supervising it; 0 takes the mark off
	KeyLeaderID int64 `json:"key_leader_id,omitempty"`
	// Who acts, set by the caller from the signed-in user, never from the
	// form: a proposer's person, a handling unit's unit.
	ByPerson int64 `json:"-"`
	ByUnit   int64 `json:"-"`
}

// Check refuses a step's input missing what its action needs, naming the
// field; grounds are the unit's grounds of 不予立案.
func (in *ProposalStepInput) Check(grounds []string) error {
	v := &ValidationError{}
	CheckText(v, "note", "说明", in.Note, false, 2000)
	if !in.On.IsZero() && !in.On.Valid() {
		v.Add("on", "日期不正确")
	}
	CheckText(v, "number", "提案号", in.Number, false, 20)
	switch in.Action {
	case ActReject:
		if !slices.Contains(grounds, in.Ground) {
			v.Add("ground", "请从本单位的不予立案理由中选择一项")
		}
	case ActMerge:
		if in.MergeInto <= 0 {
			v.Add("merge_into", "请选择并入的主提案")
		}
	case ActConvert:
		if in.ConvertedTo != "社情民意" && in.ConvertedTo != "意见建议" {
			v.Add("converted_to", "请选择转为社情民意或意见建议")
		}
		if in.ConsentOn.IsZero() || !in.ConsentOn.Valid() {
			v.Add("consent_on", "转为意见建议须经提案者同意：请填写提案者同意的日期")
		}
	case ActAssign:
		if len(in.Handlers) == 0 {
			v.Add("handlers", "请填写主办单位")
		}
		if len(in.Handlers) > 20 {
			v.Add("handlers", "承办单位过多（最多20个）")
		}
		for i, h := range in.Handlers {
			if strings.TrimSpace(h.Handler) == "" && h.HandlerUnitID == 0 {
				v.Add("handlers", fmt.Sprintf("第%d个承办单位没有名称", i+1))
			}
			CheckText(v, "handlers", "承办单位名称", h.Handler, false, 100)
		}
	case ActReturn:
		CheckText(v, "note", "退回理由", in.Note, true, 2000)
	case ActReply:
		if !in.Class.Valid() {
			v.Add("class", "请选择答复类别（A、B、C类）")
		}
		CheckText(v, "summary", "答复内容摘要", in.Summary, true, 5000)
	case ActSendBack:
		CheckText(v, "note", "退回理由", in.Note, true, 2000)
	case ActApprove:
		if in.Class != "" && !in.Class.Valid() {
			v.Add("class", "答复类别须为A、B、C类之一")
		}
	case ActFeedback:
		if !in.Result.Valid() {
			v.Add("result", "请选择满意、基本满意或不满意")
		}
		if len(in.Answers) > 50 {
			v.Add("answers", "意见表的问题过多")
		}
		for q, a := range in.Answers {
			CheckText(v, "answers", "意见表的问题", q, true, 100)
			CheckText(v, "answers", "“"+Clip(q, 20)+"”的回答", a, false, 2000)
		}
	case ActFollow:
		CheckText(v, "note", "落实情况", in.Note, true, 2000)
	case ActExtend:
		if in.ExtendTo.IsZero() || !in.ExtendTo.Valid() {
			v.Add("extend_to", "请填写延期至的日期")
		}
		CheckText(v, "note", "延期理由", in.Note, true, 2000)
	}
	if in.LetterSHA256 != "" && (len(in.LetterSHA256) != 64 || strings.Trim(in.LetterSHA256, "0123456789abcdef") != "") {
		v.Add("letter", "答复函文件的编号不正确")
	}
	CheckText(v, "letter", "答复函的文件名", in.LetterName, false, 255)
	return v.Err()
}

// ProposalColour is a proposal's due colour on day today, as the ledger
// colours a measure's deadline: only while a reply is awaited.
func ProposalColour(s Settings, p *Proposal, today Date) Colour {
	if p.Status != PropAssigned && p.Status != PropRedo {
		return NoColour
	}
	return DeadlineColour(s, InProgress, ProposalDueNow(p), today)
}

// ProposalWords are the 2-character words of a title: every pair of
// adjacent Han characters (without 的, and without the frame 关于……的建议),
// and each run of letters or digits; what two titles on one subject share.
func ProposalWords(title string) []string {
	var out []string
	add := func(w string) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	// The frame every title has (关于……的建议) says nothing of its subject.
	title = strings.TrimSpace(title)
	title = strings.TrimPrefix(title, "关于")
	for _, suffix := range []string{"的建议", "的提案", "的意见", "建议", "提案"} {
		if t, ok := strings.CutSuffix(title, suffix); ok {
			title = t
			break
		}
	}
	rs := []rune(title)
	for i := 0; i < len(rs); i++ {
		switch {
		case unicode.Is(unicode.Han, rs[i]):
			if i+1 < len(rs) && unicode.Is(unicode.Han, rs[i+1]) && rs[i] != '的' && rs[i+1] != '的' {
				add(string(rs[i : i+2]))
			}
		case unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]):
			j := i
			for j < len(rs) && !unicode.Is(unicode.Han, rs[j]) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
				j++
			}
			if j-i >= 2 {
				add(strings.ToLower(string(rs[i:j])))
			}
			i = j - 1
		}
	}
	return out
}

// stopWords are pairs every proposal title has.
var stopWords = []string{"关于", "建议", "提案", "加强", "进一步", "推进", "问题", "工作", "我县", "我市", "推动", "促进"}

// ProposalSimilarity counts the words of title that other shares,
// leaving out the ones every title has.
func ProposalSimilarity(words []string, other string) int {
	n := 0
	for _, w := range ProposalWords(other) {
		if slices.Contains(words, w) && !slices.Contains(stopWords, w) {
			n++
		}
	}
	return n
}

// ProposalsSimilar picks, from ps, those sharing words with title, best
// first (then the newest), at most limit.
func ProposalsSimilar(title string, ps []*Proposal, limit int) []*Proposal {
	words := ProposalWords(title)
	type scored struct {
		p *Proposal
		n int
	}
	var all []scored
	for _, p := range ps {
		if n := ProposalSimilarity(words, p.Title); n > 0 {
			all = append(all, scored{p, n})
		}
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return int(b.p.ID - a.p.ID)
	})
	var out []*Proposal
	for i := 0; i < len(all) && i < limit; i++ {
		out = append(out, all[i].p)
	}
	return out
}

// AddMonths is d n months later (31 January and one month: 2 or 3 March,
// as time.AddDate counts).
func (d Date) AddMonths(n int) Date {
	t := d.Time().AddDate(0, n, 0)
	return NewDate(t.Year(), int(t.Month()), t.Day())
}

// ProposalDocKinds are the archive's slots in the order forms offer them.
var ProposalDocKinds = []ProposalDocKind{DocOriginal, DocReplyLetter, DocFeedbackForm, DocUnitPaper}

// Label is the Chinese name of a slot of the archive.
func (k ProposalDocKind) Label() string {
	switch k {
	case DocReplyLetter:
		return "答复函"
	case DocFeedbackForm:
		return "征询意见表"
	case DocUnitPaper:
		return "承办单位办理材料"
	case DocOriginal:
		return "提案原件"
	}
	return string(k)
}

// ProposalParts are the parts a user plays on a proposal: what he may
// read of it and which steps' forms he is offered.
type ProposalParts struct {
	Reader   bool  `json:"reader"`          // reads it: its unit's readers, the inspection office above
	Office   bool  `json:"office"`          // its unit's office (提案委), which takes the office's steps
	Proposer bool  `json:"proposer"`        // a member who is one of its signers
	Handler  int64 `json:"handler_unit_id"` // the handling unit he acts for; 0 for none
}

// Any reports whether he has a part at all (else the proposal is not
// shown to him).
func (pp ProposalParts) Any() bool { return pp.Reader || pp.Office || pp.Proposer || pp.Handler != 0 }

// Hide removes from p what his part may not see: to a proposer alone, the
// replies the office has not approved and co-handling units' views (the
// office reviews a reply before the proposer sees it).
func (pp ProposalParts) Hide(p *Proposal) {
	if pp.Office || pp.Reader || pp.Handler != 0 {
		return
	}
	shown := p.Replies[:0:0]
	for _, r := range p.Replies {
		if r.Approved && !r.CoView {
			shown = append(shown, r)
		}
	}
	p.Replies = shown
}

// Actor is the part he takes a step as, if he plays it.
func (pp ProposalParts) Actor(a ProposalActor) bool {
	switch a {
	case ActorOffice:
		return pp.Office
	case ActorProposer:
		return pp.Proposer
	case ActorHandler:
		return pp.Handler != 0
	}
	return false
}

// ProposalPartsOf decides the parts of u on p from his rights (can, which
// is Can for u): the office by PermEdit on the proposal's unit, a signer
// by PermPropose with its signers' persons, a handling unit by PermHandle
// on the unit of a live assignment.
func ProposalPartsOf(u *User, p *Proposal, can func(Perm, Target) bool) ProposalParts {
	var pp ProposalParts
	if u == nil {
		return pp
	}
	pp.Office = can(PermEdit, Target{UnitID: p.UnitID})
	pp.Reader = pp.Office || can(PermRead, Target{UnitID: p.UnitID})
	if u.Role == RoleMember {
		persons := []int64{}
		for _, s := range p.Signers {
			if s.PersonID != 0 && s.DeclinedOn.IsZero() {
				persons = append(persons, s.PersonID)
			}
		}
		pp.Proposer = can(PermPropose, Target{UnitID: p.UnitID, Persons: persons})
	}
	for _, a := range p.Handlers {
		if a.HandlerUnitID != 0 && a.ReturnedOn.IsZero() && can(PermHandle, Target{UnitID: a.HandlerUnitID}) {
			if pp.Handler == 0 || a.HandlerUnitID == u.UnitID {
				pp.Handler = a.HandlerUnitID
			}
		}
	}
	return pp
}

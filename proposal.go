package zhenggai

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Proposals (提案) of a CPPCC committee, from submission to archive: the
// seed finds replies and feedback forms missing (problem 14: 230 registered,
// 162 replies, 93 forms) and reports figures only a register can back
// (problems 9, 10: 79 received, 2 turned into opinions, 62 registered;
// every one answered, 100% satisfied).

// ProposalSource is who submits a proposal (提案者).
type ProposalSource string

const (
	SourceMember    ProposalSource = "member"       // 委员（个人或联名）
	SourceParty     ProposalSource = "party"        // 民主党派、工商联
	SourceOrg       ProposalSource = "organisation" // 人民团体
	SourceCommittee ProposalSource = "committee"    // 专门委员会、界别
)

// ProposalSources in the order forms offer them.
var ProposalSources = []ProposalSource{SourceMember, SourceParty, SourceOrg, SourceCommittee}

// ProposalTiming: submitted for a plenary session (大会提案, before the
// session's cut-off date) or between sessions (平时提案).
type ProposalTiming string

const (
	TimingSession  ProposalTiming = "session"  // 大会提案
	TimingOrdinary ProposalTiming = "ordinary" // 平时提案
)

// ProposalStatus is where a proposal stands.
type ProposalStatus string

const (
	PropDraft      ProposalStatus = "draft"      // 草稿（征集联名中）
	PropSubmitted  ProposalStatus = "submitted"  // 已提交，待审查
	PropRegistered ProposalStatus = "registered" // 已立案，待交办
	PropRejected   ProposalStatus = "rejected"   // 不予立案
	PropMerged     ProposalStatus = "merged"     // 并入另一件（随主案办理、各自答复）
	PropConverted  ProposalStatus = "converted"  // 转社情民意或意见建议
	PropAssigned   ProposalStatus = "assigned"   // 已交办，办理中
	PropReplied    ProposalStatus = "replied"    // 已答复，待提案委审核
	PropAnswered   ProposalStatus = "answered"   // 答复已送提案者，待反馈
	PropFollowUp   ProposalStatus = "follow_up"  // B类答复：跟踪落实中
	PropRedo       ProposalStatus = "redo"       // 不满意，重新办理
	PropDone       ProposalStatus = "done"       // 办结
)

// ProposalStatuses in the order of the cycle.
var ProposalStatuses = []ProposalStatus{PropDraft, PropSubmitted, PropRegistered, PropRejected, PropMerged,
	PropConverted, PropAssigned, PropReplied, PropAnswered, PropFollowUp, PropRedo, PropDone}

// Label is the Chinese name of s.
func (s ProposalStatus) Label() string {
	switch s {
	case PropDraft:
		return "征集联名"
	case PropSubmitted:
		return "待审查"
	case PropRegistered:
		return "已立案"
	case PropRejected:
		return "不予立案"
	case PropMerged:
		return "已并案"
	case PropConverted:
		return "已转意见"
	case PropAssigned:
		return "办理中"
	case PropReplied:
		return "答复待审核"
	case PropAnswered:
		return "待反馈"
	case PropFollowUp:
		return "跟踪落实"
	case PropRedo:
		return "重新办理"
	case PropDone:
		return "已办结"
	}
	return string(s)
}

// Valid reports whether s is a known status.
func (s ProposalStatus) Valid() bool { return slices.Contains(ProposalStatuses, s) }

// ProposalActor is the part someone plays in a step.
type ProposalActor string

const (
	ActorProposer ProposalActor = "proposer" // 提案者（领衔人；联名人确认联名）
	ActorOffice   ProposalActor = "office"   // 提案委（提案办）：the unit's office
	ActorHandler  ProposalActor = "handler"  // 承办单位
	ActorLeader   ProposalActor = "leader"   // 督办领导（重点提案）
)

// ProposalAction is one step of the cycle.
type ProposalAction string

const (
	ActSubmit   ProposalAction = "submit"   // 提交（联名截止后或无联名）
	ActRegister ProposalAction = "register" // 立案
	ActReject   ProposalAction = "reject"   // 不予立案（理由）
	ActMerge    ProposalAction = "merge"    // 并案
	ActConvert  ProposalAction = "convert"  // 转社情民意/意见建议（经提案者同意）
	ActAssign   ProposalAction = "assign"   // 交办（主办、会办/协办）
	ActReturn   ProposalAction = "return"   // 承办单位退回交办（期限内、附理由）
	ActReply    ProposalAction = "reply"    // 答复（主办单位；会办单位意见送主办）
	ActApprove  ProposalAction = "approve"  // 提案委审核答复：通过，送提案者
	ActSendBack ProposalAction = "sendback" // 提案委审核答复：退回重答（理由）
	ActFeedback ProposalAction = "feedback" // 提案者反馈（征询意见表）
	ActFollow   ProposalAction = "follow"   // B类跟踪：记录落实情况
	ActFinish   ProposalAction = "finish"   // 办结
	ActExtend   ProposalAction = "extend"   // 延期（至多6个月，附理由）
	ActKey      ProposalAction = "key"      // 列为重点提案，确定督办领导
	// ActImport is no step of the cycle: the event of a proposal entered
	// from an office's list (its note the list's 备注).
	ActImport ProposalAction = "import"
)

// ProposalStep is one allowed transition of the cycle.
type ProposalStep struct {
	From   []ProposalStatus
	Action ProposalAction
	// To is the status after; "" keeps the status (a step that records
	// without moving: a B-class follow-up note, an extension).
	To ProposalStatus
	By []ProposalActor
}

// ProposalSteps is the whole cycle: a step not here is refused. Feedback
// moves to done when satisfied and to redo when not, which is decided by
// the form, not the table (ProposalAfterFeedback).
var ProposalSteps = []ProposalStep{
	{[]ProposalStatus{PropDraft}, ActSubmit, PropSubmitted, []ProposalActor{ActorProposer, ActorOffice}},
	{[]ProposalStatus{PropSubmitted}, ActRegister, PropRegistered, []ProposalActor{ActorOffice}},
	{[]ProposalStatus{PropSubmitted}, ActReject, PropRejected, []ProposalActor{ActorOffice}},
	{[]ProposalStatus{PropSubmitted, PropRegistered}, ActMerge, PropMerged, []ProposalActor{ActorOffice}},
	{[]ProposalStatus{PropSubmitted}, ActConvert, PropConverted, []ProposalActor{ActorOffice}},
	{[]ProposalStatus{PropRegistered, PropAssigned}, ActAssign, PropAssigned, []ProposalActor{ActorOffice}},
	{[]ProposalStatus{PropAssigned}, ActReturn, PropRegistered, []ProposalActor{ActorHandler}},
	{[]ProposalStatus{PropAssigned, PropRedo}, ActReply, PropReplied, []ProposalActor{ActorHandler, ActorOffice}},
	{[]ProposalStatus{PropReplied}, ActApprove, PropAnswered, []ProposalActor{ActorOffice}},
	{[]ProposalStatus{PropReplied}, ActSendBack, PropAssigned, []ProposalActor{ActorOffice}},
	{[]ProposalStatus{PropAnswered, PropFollowUp}, ActFeedback, "", []ProposalActor{ActorProposer, ActorOffice}},
	{[]ProposalStatus{PropFollowUp}, ActFollow, "", []ProposalActor{ActorHandler, ActorOffice}},
	{[]ProposalStatus{PropAnswered, PropFollowUp}, ActFinish, PropDone, []ProposalActor{ActorOffice}},
	{[]ProposalStatus{PropRegistered, PropAssigned, PropRedo}, ActExtend, "", []ProposalActor{ActorOffice}},
	{[]ProposalStatus{PropSubmitted, PropRegistered, PropAssigned, PropReplied, PropAnswered, PropFollowUp, PropRedo},
		ActKey, "", []ProposalActor{ActorOffice}},
}

// ProposalNext is the status after action by actor on a proposal in
// status from, or an error (EINVALID for a step the cycle does not have,
// EFORBID for one the actor may not take) in Chinese.
func ProposalNext(from ProposalStatus, action ProposalAction, by ProposalActor) (ProposalStatus, error) {
	allowed := false
	for _, st := range ProposalSteps {
		if st.Action != action || !slices.Contains(st.From, from) {
			continue
		}
		allowed = true
		if slices.Contains(st.By, by) {
			if st.To == "" {
				return from, nil
			}
			return st.To, nil
		}
	}
	if allowed {
		return "", Errorf(EFORBID, "%s不能对%s的提案%s", by.Label(), from.Label(), action.Label())
	}
	return "", Errorf(EINVALID, "%s的提案不能%s", from.Label(), action.Label())
}

// ProposalAfterFeedback is where a proposal goes when a feedback form is
// recorded: 不满意 sends it back for a second reply (within 3 months); a
// B-class reply is followed up until done; otherwise it stays answered
// until the office closes it (the other co-signers' forms may follow).
func ProposalAfterFeedback(class ReplyClass, result FeedbackResult) ProposalStatus {
	switch {
	case result == FeedbackUnsatisfied:
		return PropRedo
	case class == ReplyClassB:
		return PropFollowUp
	}
	return PropAnswered
}

// Label is the Chinese name of the actor.
func (a ProposalActor) Label() string {
	switch a {
	case ActorProposer:
		return "提案者"
	case ActorOffice:
		return "提案委"
	case ActorHandler:
		return "承办单位"
	case ActorLeader:
		return "督办领导"
	}
	return string(a)
}

// Label is the Chinese name of the action.
func (a ProposalAction) Label() string {
	switch a {
	case ActSubmit:
		return "提交"
	case ActRegister:
		return "立案"
	case ActReject:
		return "不予立案"
	case ActMerge:
		return "并案"
	case ActConvert:
		return "转为意见建议"
	case ActAssign:
		return "交办"
	case ActReturn:
		return "退回交办"
	case ActReply:
		return "答复"
	case ActApprove:
		return "审核通过答复"
	case ActSendBack:
		return "退回答复"
	case ActFeedback:
		return "反馈意见"
	case ActFollow:
		return "记录落实情况"
	case ActFinish:
		return "办结"
	case ActExtend:
		return "延期"
	case ActKey:
		return "列为重点提案"
	case ActCreate:
		return "起草"
	case ActCosign:
		return "确认联名"
	case ActDecline:
		return "谢绝联名"
	case ActPublic:
		return "设定公开"
	case ActDocument:
		return "档案材料"
	case ActImport:
		return "从名单导入"
	}
	return string(a)
}

// HandlerRole is a handling unit's part (主办 or 会办/协办).
type HandlerRole string

const (
	HandlerLead HandlerRole = "lead" // 主办
	HandlerCo   HandlerRole = "co"   // 会办（协办）
)

// ReplyClass is the class a reply is given (A/B/C); what each means is
// the unit's setting (units define them differently).
type ReplyClass string

const (
	ReplyClassA ReplyClass = "A" // default: 所提问题已经解决或采纳
	ReplyClassB ReplyClass = "B" // default: 列入计划、正在解决（跟踪到办结）
	ReplyClassC ReplyClass = "C" // default: 因条件限制留作参考
)

// FeedbackResult is the proposer's verdict on a reply (办理情况征询意见表).
type FeedbackResult string

const (
	FeedbackSatisfied   FeedbackResult = "satisfied"   // 满意
	FeedbackBasic       FeedbackResult = "basic"       // 基本满意
	FeedbackUnsatisfied FeedbackResult = "unsatisfied" // 不满意
)

// Label is the Chinese name of r.
func (r FeedbackResult) Label() string {
	switch r {
	case FeedbackSatisfied:
		return "满意"
	case FeedbackBasic:
		return "基本满意"
	case FeedbackUnsatisfied:
		return "不满意"
	}
	return string(r)
}

// Proposal is one proposal with its whole history.
type Proposal struct {
	ID     int64 `json:"id"`
	UnitID int64 `json:"unit_id"` // the CPPCC committee keeping the register
	// Session names the plenary (九届四次); "" for an ordinary proposal
	// outside a session's count. Year is the year it is counted in.
	Session string         `json:"session"`
	Year    int            `json:"year"`
	Number  string         `json:"number"` // 提案号 as the office numbers it (第12号, 12)
	Title   string         `json:"title"`
	Content string         `json:"content"` // 案由、建议 — one matter per proposal
	Source  ProposalSource `json:"source"`
	// Submitter names a party, an organisation or a committee; for a
	// member's proposal the lead signer is Signers[0].
	Submitter   string         `json:"submitter"`
	Timing      ProposalTiming `json:"timing"`
	Status      ProposalStatus `json:"status"`
	SubmittedOn Date           `json:"submitted_on"`
	// Review: the ground of a 不予立案 (one of the unit's grounds, shown to
	// the proposer), the proposal it was merged into, what it was turned
	// into (社情民意 or 意见建议) with the proposer's consent.
	ReviewedOn  Date   `json:"reviewed_on"`
	Ground      string `json:"ground"`
	MergedInto  int64  `json:"merged_into,omitempty"`
	ConvertedTo string `json:"converted_to,omitempty"`
	ConsentOn   Date   `json:"consent_on"`
	// DueOn is three months after assignment; ExtendedTo (at most six)
	// with its reason: the first reply's. RedoDueOn is the second
	// reply's after 不满意 (three months from the form, extendable as
	// well); the first's stays, as the on-time rate counts against it.
	AssignedOn   Date   `json:"assigned_on"`
	DueOn        Date   `json:"due_on"`
	ExtendedTo   Date   `json:"extended_to"`
	ExtendReason string `json:"extend_reason"`
	RedoDueOn    Date   `json:"redo_due_on"`
	// Key: a 重点提案 supervised by a named leader (a person of the roster).
	Key       bool                 `json:"key"`
	KeyLeader string               `json:"key_leader"`
	KeyLeadID int64                `json:"key_leader_id,omitempty"`
	Class     ReplyClass           `json:"class"` // the last approved reply's
	DoneOn    Date                 `json:"done_on"`
	Public    bool                 `json:"public"`
	NotPublic string               `json:"not_public_reason"` // why it is not published
	Signers   []ProposalSigner     `json:"signers"`
	Handlers  []ProposalAssignment `json:"handlers"`
	Replies   []ProposalReply      `json:"replies"`
	Feedback  []ProposalFeedback   `json:"feedback"`
	Events    []ProposalEvent      `json:"events"`
	Documents []ProposalDocument   `json:"documents"`
	Sample    bool                 `json:"sample,omitempty"`
	Version   int64                `json:"version"`
	CreatedAt time.Time            `json:"created_at"`
	Voided    bool                 `json:"voided,omitempty"`
}

// ProposalSigner is the lead proposer (Seq 1) or a co-signer (联名人),
// invited with a deadline and counted once he confirms.
type ProposalSigner struct {
	Seq         int    `json:"seq"`
	PersonID    int64  `json:"person_id"`
	Name        string `json:"name"`
	InvitedOn   Date   `json:"invited_on"`
	Deadline    Date   `json:"deadline"`
	ConfirmedOn Date   `json:"confirmed_on"`
	DeclinedOn  Date   `json:"declined_on"`
}

// ProposalAssignment is a handling unit (承办单位) given the proposal.
type ProposalAssignment struct {
	ID int64 `json:"id"`
	// HandlerUnitID is the handling unit when it is a unit of the
	// program (its users then reply themselves); Handler its name.
	HandlerUnitID int64       `json:"handler_unit_id,omitempty"`
	Handler       string      `json:"handler"`
	Role          HandlerRole `json:"role"`
	AssignedOn    Date        `json:"assigned_on"`
	ReturnedOn    Date        `json:"returned_on"`
	ReturnReason  string      `json:"return_reason"`
}

// ProposalReply is a handling unit's reply (答复函), or a co-handling
// unit's view sent to the lead unit (CoView), reviewed by the office
// before the proposer sees it. Round 2 is the reply after 不满意.
type ProposalReply struct {
	ID           int64      `json:"id"`
	AssignmentID int64      `json:"assignment_id"`
	Round        int        `json:"round"`
	CoView       bool       `json:"co_view"`
	RepliedOn    Date       `json:"replied_on"`
	Class        ReplyClass `json:"class"`
	Summary      string     `json:"summary"`
	LetterSHA256 string     `json:"letter_sha256,omitempty"`
	LetterName   string     `json:"letter_name,omitempty"`
	// The office's review: approved, or returned with a reason; the
	// office may change the class (Class is then the office's).
	ReviewedOn   Date   `json:"reviewed_on"`
	Approved     bool   `json:"approved"`
	ReturnReason string `json:"return_reason"`
}

// ProposalFeedback is one signer's feedback form on a reply round.
type ProposalFeedback struct {
	ID       int64          `json:"id"`
	Round    int            `json:"round"`
	PersonID int64          `json:"person_id"`
	Name     string         `json:"name"`
	Result   FeedbackResult `json:"result"`
	// Answers to the form's other questions (the unit's setting), by
	// question.
	Answers    map[string]string `json:"answers,omitempty"`
	ReturnedOn Date              `json:"returned_on"`
}

// ProposalEvent is one dated stage of the timeline.
type ProposalEvent struct {
	At     time.Time      `json:"at"`
	On     Date           `json:"on"` // the stage's own date (the letter's, the form's)
	Action ProposalAction `json:"action"`
	Actor  string         `json:"actor"` // who took it, by name
	Note   string         `json:"note"`
}

// ProposalDocKind is a slot of a proposal's archive (档案).
type ProposalDocKind string

const (
	DocReplyLetter  ProposalDocKind = "reply_letter"  // 答复函（回复报告）
	DocFeedbackForm ProposalDocKind = "feedback_form" // 办理情况征询意见表
	DocUnitPaper    ProposalDocKind = "unit_paper"    // 承办单位的办理材料
	DocOriginal     ProposalDocKind = "original"      // 提案原件
)

// ProposalDocument is one file of a proposal's archive.
type ProposalDocument struct {
	ID     int64           `json:"id"`
	Kind   ProposalDocKind `json:"kind"`
	SHA256 string          `json:"sha256"`
	Name   string          `json:"name"`
	On     Date            `json:"on"`
}

// ProposalArchiveMissing names what a registered proposal's archive
// lacks: a reply letter for each approved reply round and a feedback form
// from some signer for each round answered (the seed's problem 14 counts
// exactly these).
func ProposalArchiveMissing(p *Proposal) []string {
	var missing []string
	if p.Status == PropDraft || p.Status == PropSubmitted || p.Status == PropRejected || p.Status == PropConverted {
		return nil
	}
	has := func(k ProposalDocKind) bool {
		return slices.ContainsFunc(p.Documents, func(d ProposalDocument) bool { return d.Kind == k })
	}
	answered := slices.ContainsFunc(p.Replies, func(r ProposalReply) bool { return r.Approved && !r.CoView })
	if answered && !has(DocReplyLetter) && !slices.ContainsFunc(p.Replies, func(r ProposalReply) bool { return r.LetterSHA256 != "" }) {
		missing = append(missing, "答复函")
	}
	if answered && len(p.Feedback) == 0 && !has(DocFeedbackForm) {
		missing = append(missing, "征询意见表")
	}
	return missing
}

// String is the proposal as a list names it: 九届四次第12号《…》.
func (p *Proposal) String() string {
	n := p.Number
	if n != "" && strings.Trim(n, "0123456789") == "" {
		n = "第" + n + "号"
	}
	return fmt.Sprintf("%s%s《%s》", p.Session, n, p.Title)
}

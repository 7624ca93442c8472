package zhenggai

import (
	"errors"
	"strings"
	"time"
)

// Closing (销号): the owner asks to close a measure with evidence, its
// leader approves or returns the request; when every measure of a problem
// is approved the problem goes to the inspection office, which accepts it
// (the problem is closed and locked) or rejects it with a reason (back to
// open). A closed problem is reopened only by an explicit, recorded act.

// CloseState is where a measure or a problem stands in closing.
type CloseState string

const (
	CloseOpen      CloseState = ""          // not (or no longer) asked to close
	CloseRequested CloseState = "requested" // measure: the owner asked
	CloseApproved  CloseState = "approved"  // measure: the leader approved
	CloseSubmitted CloseState = "submitted" // problem: waiting for the office
	CloseAccepted  CloseState = "accepted"  // problem: closed and locked
)

// Label is the Chinese name of the state.
func (s CloseState) Label() string {
	switch s {
	case CloseOpen:
		return "未申请销号"
	case CloseRequested:
		return "已申请销号，待责任领导审核"
	case CloseApproved:
		return "责任领导已同意销号"
	case CloseSubmitted:
		return "已报巡察办，待验收"
	case CloseAccepted:
		return "已验收销号（已锁定）"
	}
	return string(s)
}

// CloseAction is one step of closing.
type CloseAction string

const (
	CloseRequest CloseAction = "request" // measure: owner asks, with evidence
	CloseApprove CloseAction = "approve" // measure: leader approves
	CloseReturn  CloseAction = "return"  // measure: leader sends it back, with a reason
	CloseSubmit  CloseAction = "submit"  // problem: every measure approved, sent to the office
	CloseAccept  CloseAction = "accept"  // problem: office accepts; closed and locked
	CloseReject  CloseAction = "reject"  // problem: office rejects, with a reason
	CloseReopen  CloseAction = "reopen"  // problem: the unit reopens a closed problem, with a reason
	// problem: the office accepts, with a reason, what an imported ledger
	// recorded (原台账记载), without the measures' closing steps.
	CloseAcceptRecorded CloseAction = "accept_recorded"
)

// Label is the Chinese name of the step, as the timeline shows it.
func (a CloseAction) Label() string {
	switch a {
	case CloseRequest:
		return "申请销号"
	case CloseApprove:
		return "责任领导同意销号"
	case CloseReturn:
		return "责任领导退回"
	case CloseSubmit:
		return "报巡察办验收"
	case CloseAccept:
		return "巡察办验收通过，销号"
	case CloseReject:
		return "巡察办验收不通过"
	case CloseReopen:
		return "重新打开"
	case CloseAcceptRecorded:
		return "巡察办按原台账记载验收销号"
	}
	return string(a)
}

// Verb is the step as a verb a sentence can refuse: 未能申请销号.
func (a CloseAction) Verb() string {
	switch a {
	case CloseApprove:
		return "同意销号"
	case CloseReturn:
		return "退回"
	case CloseAccept:
		return "验收通过"
	case CloseReject:
		return "作不予验收处理"
	}
	return a.Label()
}

// closeRule is one line of the transition table.
type closeRule struct {
	problem bool       // the step is on a problem, not a measure
	from    CloseState // the only state it may start from
	to      CloseState
	perm    Perm // who may take it (see Can)
	reason  bool // a reason is required
}

// closeRules is the whole state machine. Submit is taken by the program
// when the last measure of a problem is approved, in the same change, so
// it asks for the approver's right.
var closeRules = map[CloseAction]closeRule{
	CloseRequest:        {false, CloseOpen, CloseRequested, PermRequestClose, false},
	CloseApprove:        {false, CloseRequested, CloseApproved, PermApprove, false},
	CloseReturn:         {false, CloseRequested, CloseOpen, PermApprove, true},
	CloseSubmit:         {true, CloseOpen, CloseSubmitted, PermApprove, false},
	CloseAccept:         {true, CloseSubmitted, CloseAccepted, PermAccept, false},
	CloseReject:         {true, CloseSubmitted, CloseOpen, PermAccept, true},
	CloseReopen:         {true, CloseAccepted, CloseOpen, PermReopen, true},
	CloseAcceptRecorded: {true, CloseOpen, CloseAccepted, PermAccept, true},
}

// Accepts reports whether the step closes the problem (销号).
func (a CloseAction) Accepts() bool { return a == CloseAccept || a == CloseAcceptRecorded }

// Valid reports whether a is a known step.
func (a CloseAction) Valid() bool { _, ok := closeRules[a]; return ok }

// OnProblem reports whether the step is taken on a problem (else a measure).
func (a CloseAction) OnProblem() bool { return closeRules[a].problem }

// Perm is the right the step asks of whoever takes it.
func (a CloseAction) Perm() Perm { return closeRules[a].perm }

// MaxReason bounds the text of a reason.
const MaxReason = 2000

// NextCloseState checks that step a may be taken from state from with
// the given reason, and returns the state it leads to.
func NextCloseState(a CloseAction, from CloseState, reason string) (CloseState, error) {
	r, ok := closeRules[a]
	if !ok {
		return "", Errorf(EINVALID, "销号操作不正确")
	}
	if from != r.from {
		// A problem closed, or waiting for the office, says so.
		switch {
		case from == CloseAccepted:
			return "", Errorf(ELOCKED, "该问题已验收销号并锁定，不能再“%s”", a.Label())
		case from == CloseSubmitted:
			return "", Errorf(ELOCKED, "该问题已报巡察办，正在等待验收，不能“%s”", a.Label())
		}
		return "", Errorf(ECONFLICT, "当前状态为“%s”，不能%s", from.Label(), a.Label())
	}
	v := &ValidationError{}
	if r.reason && strings.TrimSpace(reason) == "" {
		v.Add("reason", a.Label()+"须写明理由")
	}
	checkText(v, "reason", "理由", reason, false, MaxReason)
	if err := v.Err(); err != nil {
		return "", err
	}
	return r.to, nil
}

// CloseStep is one recorded step of closing: every step is kept.
type CloseStep struct {
	ID        int64       `json:"id"`
	UnitID    int64       `json:"unit_id"`
	ProblemID int64       `json:"problem_id"`
	MeasureID int64       `json:"measure_id,omitempty"` // 0 for a step on the problem
	Action    CloseAction `json:"action"`
	From      CloseState  `json:"from"`
	To        CloseState  `json:"to"`
	By        string      `json:"by"` // the person, as shown
	Reason    string      `json:"reason,omitempty"`
	Evidence  int64       `json:"evidence_progress_id,omitempty"` // the progress entry whose files prove a request
	At        time.Time   `json:"at"`
}

// Locked reports whether a problem in state s refuses every change.
func (s CloseState) Locked() bool { return s == CloseAccepted }

// ErrLocked is the refusal of a change to a closed problem.
func ErrLocked() error {
	return Errorf(ELOCKED, "该问题已验收销号并锁定，不能修改；确需修改的，请单位管理员先“重新打开”并写明理由")
}

// ErrSubmitted is the refusal of a change to a problem waiting for the
// office's acceptance; what says what cannot be done.
func ErrSubmitted(what string) error {
	return Errorf(ELOCKED, "该问题已报巡察办验收，正在等待验收，%s；确需修改的，请巡察办先“不予验收”", what)
}

// ErrRequested is the refusal of a change to a measure in closing state
// s: asked of its leader, or approved and waiting for the problem's other
// measures.
func ErrRequested(s CloseState) error {
	if s == CloseApproved {
		return Errorf(ELOCKED, "该措施已经责任领导同意销号，正在等待本问题其余措施销号后报巡察办验收，不能修改；确需修改的，请在报巡察办后由巡察办“不予验收”")
	}
	return Errorf(ELOCKED, "该措施已申请销号，正在等待责任领导审核，不能修改；确需修改的，请责任领导先“退回”")
}

// MeasureChangeRefusal is why a measure in closing state measure, of a
// problem in state problem, may not change; nil when it may. What the
// leader approved, or the office is to accept, must be what they saw.
func MeasureChangeRefusal(problem, measure CloseState) error {
	switch {
	case problem.Locked():
		return ErrLocked()
	case problem == CloseSubmitted:
		return ErrSubmitted("不能修改其措施")
	case measure == CloseRequested || measure == CloseApproved:
		return ErrRequested(measure)
	}
	return nil
}

// ProgressRefusal is why a report on a measure (status now, newStatus the
// one the report sets, "" for none) may not be filed; nil when it may. A
// closed problem takes only the re-reports a 长期坚持 measure owes for as
// long as its mechanism runs; a report that sets a status changes the
// measure.
func ProgressRefusal(problem, measure CloseState, status, newStatus Status) error {
	if problem.Locked() {
		if status == Ongoing && (newStatus == "" || newStatus == Ongoing) {
			return nil
		}
		return ErrLocked()
	}
	if newStatus != "" {
		return MeasureChangeRefusal(problem, measure)
	}
	return nil
}

// CheckStatusChange applies the status rules to a measure about to be
// saved with status m.Status, which had status old ("" for a new one):
// 已完成 is only the result of the office's acceptance (AcceptedStatus),
// never set by hand; 基本完成 says what was done, so the measure must have
// a progress report with text (reported: it has one, or the change comes
// with one); 长期坚持 needs a linked mechanism and a re-report period. A
// status kept as it was passes, so that imported history may be edited in
// other respects.
func CheckStatusChange(m *Measure, old Status, reported bool) error {
	v := &ValidationError{}
	if m.Status == Completed && old != Completed {
		v.Add("status", "“已完成”须经巡察办验收销号后自动生成，不能直接设置：请报送附有佐证材料的进展并申请销号")
	}
	if m.Status == BasicallyCompleted && old != BasicallyCompleted && !reported {
		v.Add("status", "设为“基本完成”前，请先报送一条写明已做工作的整改进展（也可在报送进展时直接选择“基本完成”）")
	}
	if m.Status == Ongoing {
		if strings.TrimSpace(m.Mechanism) == "" {
			v.Add("mechanism", "“长期坚持”须关联长效机制（如《档案管理制度》或相应台账）")
		}
		if m.ReportEvery <= 0 {
			v.Add("report_every", "“长期坚持”须规定定期报送的周期（天）")
		}
	}
	return v.Err()
}

// ValidateChange is Validate and CheckStatusChange (old, the stored
// status, "" for a new measure; reported as there) at once, so that the
// one who typed the measure hears of every mistake together.
func (m *Measure) ValidateChange(old Status, reported bool) error {
	v := &ValidationError{}
	for _, err := range []error{m.Validate(), CheckStatusChange(m, old, reported)} {
		var ve *ValidationError
		if errors.As(err, &ve) {
			v.Fields = append(v.Fields, ve.Fields...)
		}
	}
	return v.Err()
}

// AcceptedStatus is what a measure's status becomes when the office
// accepts its problem: 已完成, except that 长期坚持 stays, since its
// mechanism must keep being reported on.
func AcceptedStatus(s Status) Status {
	if s == Ongoing {
		return Ongoing
	}
	return Completed
}

// ReopenedStatus is a measure's status once its problem is reopened: 已完成
// without an accepted close is not allowed, so it falls to 基本完成.
func ReopenedStatus(s Status) Status {
	if s == Completed {
		return BasicallyCompleted
	}
	return s
}

// Package selfcheck is the self-inspection engine (自查): rules, one file
// each and listed in Rules, read a unit's registers over a period and
// write findings the way an inspection group writes its feedback.
package selfcheck

import (
	"context"

	"zhenggai"
)

// Severity grades a finding.
type Severity string

const (
	Serious Severity = "serious" // 严重: a rule of discipline broken
	Common  Severity = "common"  // 一般
	Notice  Severity = "notice"  // 提示: worth a look
)

// Registers are the records of one unit that the rules read. Loaded by
// the store for a unit and a period (with what a rule needs from before
// the period, such as the year before for reductions). Of the meetings'
// items, the store loads the 三重一大 ones (with their statements, and
// the attendance of the meetings that have them); of the vouchers,
// the store loads only those some rule may flag (store.Registers): a
// rule must not count vouchers that it does not flag.
type Registers struct {
	Unit     *zhenggai.Unit
	Meetings []zhenggai.Meeting
	Vouchers []zhenggai.Voucher
	Members  []zhenggai.DuesMember
	Bases    []zhenggai.DuesBase
	Payments []zhenggai.DuesPayment

	// Expenses are the vouchers' expenses by voucher ID as the loader
	// computed them in SQL (lines are not loaded); nil: from Lines, with
	// ExpensePrefixes and BudgetPrefixes (the defaults when both nil).
	Expenses                        map[int64]zhenggai.Fen
	ExpensePrefixes, BudgetPrefixes []string
	// LineSummaries are the vouchers' line summaries the loader read
	// (those naming a forbidden purpose), by voucher ID.
	LineSummaries map[int64][]string

	// The CPPCC registers (issue 15). Proposals of the period (by year)
	// with their signers, handlers, replies, feedback and documents;
	// members (not their activities: no rule reads them); suggestions; townships with their
	// posts and invitations. Plenary attendance is Meetings' (NeedPlenary
	// loads the attendance of the plenary and standing committee meetings,
	// the types of the settings members.plenary_types and
	// members.standing_types; Plenary names those meetings' IDs, true for
	// a plenary, false for a standing committee meeting).
	Proposals    []zhenggai.Proposal
	CPPCCMembers []CPPCCMember
	Suggestions  []Suggestion
	Townships    []zhenggai.Township
	Plenary      map[int64]bool
	// Private travel documents and retired cadres' posts (issue 16): the
	// travel ledger's lines whole (documents, trips, moves), the roster
	// (the scope is by rank or kind, a setting) and the retired cadres'
	// posts, all of them: the rules bound them by the period.
	TravelPersons []zhenggai.TravelPerson
	TravelRoster  []zhenggai.Person
	RetiredPosts  []zhenggai.RetiredPost
	// Archives (档案, issue 16): the unit's kinds of file (its own merged
	// over the defaults) and its live files of the period's years with
	// their live documents.
	ArchiveKinds []zhenggai.ArchiveKind
	ArchiveFiles []zhenggai.ArchiveFile
	// Attendance and leave (issue 16, NeedAttendance): the roster's
	// leaders and staff (live), the work calendar (NeedCalendar loads it
	// alone: the travel rules' time limits), the sign-ins of the
	// period (person and day only) and the leave requests overlapping it
	// or due back in it.
	Staff    []zhenggai.Person
	Calendar *zhenggai.WorkCalendar
	SignIns  []SignedDay
	Leaves   []zhenggai.Leave
	att      *attendanceCache // the rules' grid, made once

	// Reports are the unit's published progress reports (text), for the
	// rule that checks the rates they state against the counts.
	Reports []Report

	// Study (理论学习, issue 16; NeedStudy): the unit's study types (the
	// setting study.types among its meeting types), the study sessions
	// (its live meetings of those types, with their attendance), the
	// notes checks, and the roster's leaders and staff (the notes rule
	// keeps the party members of them). Study sessions are not added to
	// Meetings: the meeting rules count Meetings.
	StudyTypes    []string
	StudySessions []zhenggai.Meeting
	NotesChecks   []zhenggai.NotesCheck
	StudyPersons  []zhenggai.Person
}

// SignedDay is a day a person signed in: what the attendance rules read
// of a sign-in (no pointers: fifty thousand of them cost the collector
// nothing).
type SignedDay struct {
	PersonID int64
	On       zhenggai.Date
}

// CPPCCMember is what the rules read of a CPPCC member, and all the
// loader reads: no term, sector or phone (a rule cannot count what was
// never loaded), and a third of the register's value for the collector.
type CPPCCMember struct {
	ID, PersonID     int64
	Name             string
	Standing         bool
	Status           zhenggai.MemberStatus
	JoinedOn, LeftOn zhenggai.Date
	Voided           bool
}

// Suggestion is what the rules read of a micro-suggestion or 社情民意
// (no title, text or adoption: none reads them).
type Suggestion struct {
	ID, MemberID, PersonID int64
	Name                   string
	Kind                   zhenggai.SuggestionKind
	Via                    zhenggai.SuggestionVia
	On                     zhenggai.Date
	Voided                 bool
}

// Report is one published text of the unit.
type Report struct {
	ID    int64         `json:"id"`
	Kind  string        `json:"kind"` // the registry's kind of the record (publication)
	Title string        `json:"title"`
	On    zhenggai.Date `json:"on"`
	Text  string        `json:"text"`
}

// Needs names parts of a unit's registers, one bit each.
type Needs uint

const (
	NeedMeetings     Needs = 1 << iota // the meetings themselves
	NeedItems                          // their 三重一大 items, statements and attendance
	NeedUnsigned                       // vouchers without an approver
	NeedUnsupported                    // vouchers without attachments or 摘要
	NeedLarge                          // vouchers whose expense reaches the large-expense threshold
	NeedForbidden                      // vouchers naming a forbidden purpose or an over-standard item
	NeedDues                           // dues members, bases and payments
	NeedProposals                      // proposals with their whole history
	NeedCPPCCMembers                   // CPPCC members and their activities
	NeedPlenary                        // attendance of plenary and standing committee meetings
	NeedSuggestions                    // micro-suggestions and 社情民意
	NeedTownships                      // townships, liaison posts and invitations
	NeedReports                        // the unit's published reports
	// Registers (III), issue 16.
	NeedAttendance // staff, the work calendar, sign-ins and leave
	NeedTravel     // people in scope, travel documents and trips
	NeedRetired    // retired cadres' posts and re-employment
	NeedArchives   // archive kinds, files and their documents
	NeedStudy      // study sessions (meetings of study types), attendance and notes checks
	// The work calendar alone (the unit's years over the built-in ones),
	// for rules whose time limits move past days off; NeedAttendance
	// loads it too.
	NeedCalendar

	NeedAll = NeedMeetings | NeedItems | NeedUnsigned | NeedUnsupported | NeedLarge | NeedForbidden | NeedDues |
		NeedProposals | NeedCPPCCMembers | NeedPlenary | NeedSuggestions | NeedTownships | NeedReports |
		NeedAttendance | NeedTravel | NeedRetired | NeedArchives | NeedStudy | NeedCalendar
)

// NeedsOf is what the rules together read.
func NeedsOf(rules []Rule) Needs {
	var n Needs
	for _, r := range rules {
		n |= r.Needs
	}
	return n
}

// Record names one record behind a finding, for its link.
type Record struct {
	Kind  string `json:"kind"` // the registry's kind: meeting, voucher, dues_member
	ID    int64  `json:"id"`
	Label string `json:"label"` // 2019年第5次党组会议, 记-15号(2019年3月) …
}

// Finding is one result of a rule, written like a feedback problem.
type Finding struct {
	// Key names the finding among those of one run: the rule and its
	// place among the rule's findings (large_expense-1), for a page's
	// choice.
	Key         string           `json:"key"`
	Rule        string           `json:"rule"`
	SeedProblem int              `json:"seed_problem"`
	Area        string           `json:"area"` // the category it falls under in a 自查 round: 会议, 财务, 党费 …
	Severity    Severity         `json:"severity"`
	Text        string           `json:"text"`
	Figures     map[string]int64 `json:"figures"`
	Records     []Record         `json:"records"`
	Period      zhenggai.Period  `json:"period"`
	// The unit whose registers it read (set by the store).
	UnitID int64  `json:"unit_id,omitempty"`
	Unit   string `json:"unit,omitempty"`
}

// Setting is one threshold or list a rule reads, with its default.
type Setting struct {
	Name    string // stored as the unit's setting "selfcheck.<rule>.<name>"
	Label   string // Chinese
	Default string
	Yuan    bool // a sum of money in yuan, read as fen (Values.fen)
}

// Values are a rule's settings as the unit set them (defaults filled in).
type Values map[string]string

// Rule is one check of the self-inspection.
type Rule struct {
	ID          string
	Title       string // Chinese
	SeedProblem int    // the seed problem it comes from
	Area        string
	Settings    []Setting
	// Needs are the parts of the registers the rule reads: a loader
	// running one rule reads only those (store.RegistersFor).
	Needs Needs
	// Proves are words of a rule's name (《…制度》) whose mechanism this
	// rule proves, besides the words of its Area (ProofWords): 末位表态
	// for the chair-last rule. A rule added later fills its own and is
	// suggested without editing any table (Suggest).
	Proves []string
	Check  func(ctx context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error)
}

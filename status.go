package zhenggai

// Status is where a measure or problem stands.
type Status string

const (
	NotStarted         Status = "not_started"         // 未启动
	InProgress         Status = "in_progress"         // 正在整改
	BasicallyCompleted Status = "basically_completed" // 基本完成
	Completed          Status = "completed"           // 已完成
	Ongoing            Status = "ongoing"             // 长期坚持
)

// Statuses lists every status in the order of the rectification cycle.
var Statuses = []Status{NotStarted, InProgress, BasicallyCompleted, Completed, Ongoing}

// rank orders statuses from least to most done. 长期坚持 ranks below 已完成:
// the fix is in place but must keep being reported.
var rank = map[Status]int{NotStarted: 0, InProgress: 1, BasicallyCompleted: 2, Ongoing: 3, Completed: 4}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := rank[s]; return ok }

// Label is the Chinese word offices use.
func (s Status) Label() string {
	switch s {
	case NotStarted:
		return "未启动"
	case InProgress:
		return "正在整改"
	case BasicallyCompleted:
		return "基本完成"
	case Completed:
		return "已完成"
	case Ongoing:
		return "长期坚持"
	}
	return string(s)
}

// Done reports whether the status needs no more deadline warnings.
func (s Status) Done() bool { return s == Completed || s == Ongoing }

// ParseStatus accepts the identifier or the Chinese label.
func ParseStatus(v string) (Status, bool) {
	for _, s := range Statuses {
		if v == string(s) || v == s.Label() {
			return s, true
		}
	}
	return "", false
}

// Ahead reports whether s is further along than o (未启动 < 正在整改 <
// 基本完成 < 长期坚持 < 已完成).
func (s Status) Ahead(o Status) bool { return rank[s] > rank[o] }

// StatusWord reads a status as offices write it in a ledger's 完成情况:
// the five labels (ParseStatus) and the words they use besides them.
func StatusWord(v string) (Status, bool) {
	if st, ok := ParseStatus(v); ok {
		return st, true
	}
	st, ok := statusSynonyms[v]
	return st, ok
}

// statusSynonyms are status words offices write besides the five labels.
var statusSynonyms = map[string]Status{
	"已完成整改": Completed, "完成": Completed, "已整改": Completed, "已销号": Completed,
	"基本完成整改": BasicallyCompleted,
	"正在推进":   InProgress, "持续推进": InProgress, "整改中": InProgress, "推进中": InProgress,
	"未开始": NotStarted, "未完成": InProgress,
	"长期": Ongoing, "持续整改": Ongoing,
}

// StatusColumn reports whether a column so headed holds statuses.
func StatusColumn(name string) bool {
	switch name {
	case "完成情况", "整改状态", "状态", "完成状态":
		return true
	}
	return false
}

// ProblemStatus derives a problem's status from its measures: the least
// advanced measure decides, except that a problem with any work started is
// 正在整改 rather than 未启动. A problem without measures has not started.
func ProblemStatus(measures []Status) Status {
	if len(measures) == 0 {
		return NotStarted
	}
	least, started := Completed, false
	for _, s := range measures {
		if !s.Valid() {
			s = NotStarted
		}
		if rank[s] < rank[least] {
			least = s
		}
		if s != NotStarted {
			started = true
		}
	}
	if least == NotStarted && started {
		return InProgress
	}
	return least
}

// StatusCounts counts problems (or measures) by status.
type StatusCounts map[Status]int

// NewStatusCounts has every status present, so JSON carries all keys.
func NewStatusCounts() StatusCounts {
	c := StatusCounts{}
	for _, s := range Statuses {
		c[s] = 0
	}
	return c
}

// Get is the count for a status named by its identifier (for templates).
func (c StatusCounts) Get(s string) int { return c[Status(s)] }

// Total is the number of items counted.
func (c StatusCounts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// CompletionRate is the share of items completed or under long-term
// upkeep, in percent rounded down: the figure a report calls 完成率.
func (c StatusCounts) CompletionRate() int {
	t := c.Total()
	if t == 0 {
		return 0
	}
	return (c[Completed] + c[Ongoing]) * 100 / t
}

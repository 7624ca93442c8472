// Package gen makes synthetic inspection-rectification data at a chosen
// size, for load tests, benchmarks and trying the program on a realistic
// amount of data: an inspection office (or a province's office above its
// cities' offices) above units, each with rounds of problems, measures and
// progress reports, statuses and deadlines that give a realistic mix of
// warnings on a given day.
//
// It is deterministic: the same Config writes the same records, with the
// same texts, dates and IDs, into an empty store. Only the times the store
// stamps from the clock (created_at, the audit log's times and so its
// hashes) differ between runs. Every random choice comes from PCG
// generators seeded from Config.Seed, never from the global source.
package gen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

// Sizes with presets.
const (
	SizeCounty   = "county"
	SizeProvince = "province"
)

// Config says what to generate.
type Config struct {
	Seed uint64
	// Offices are the inspection offices between the top office and the
	// units (a province's city offices); 0 puts the units directly under
	// the top office, as in a county.
	Offices  int
	Units    int // inspected units, in all
	Rounds   int // rounds per unit
	Problems int // problems per round
	Measures int // measures per problem
	Progress int // progress entries per measure
	// Today is the day the data describe: statuses, deadlines and the
	// dates of progress entries are set relative to it. It cannot be later
	// than the real today (the store refuses progress dated in the future).
	Today zhenggai.Date
}

// Preset returns the configuration of a named size for seed 1 and today.
//
//	county:   1 office above 30 units × 2 rounds × 30 problems × 3 measures × 4 progress entries
//	province: 1 office above 14 city offices above 1,000 units × 3 rounds × 40 problems × 3 measures × 10 entries
func Preset(size string) (Config, error) {
	c := Config{Seed: 1, Today: zhenggai.Today()}
	switch size {
	case SizeCounty, "":
		c.Units, c.Rounds, c.Problems, c.Measures, c.Progress = 30, 2, 30, 3, 4
	case SizeProvince:
		c.Offices, c.Units, c.Rounds, c.Problems, c.Measures, c.Progress = 14, 1000, 3, 40, 3, 10
	default:
		return c, zhenggai.Errorf(zhenggai.EINVALID, "规模 %q 不正确，可用：county（县）、province（省）", size)
	}
	return c, nil
}

// Limits of a Config: beyond them names, sequence numbers or a round's
// transaction would not fit.
const (
	MaxUnits         = 100000
	MaxRounds        = 50
	MaxProblems      = 999 // categories are numbered up to 999
	MaxMeasures      = 99  // 一是 … 九十九是
	MaxProgress      = 1000
	maxRowsPerRound  = 2000000
	maxCategoryCount = 999
)

// Validate checks a Config, in Chinese for the command line.
func (c Config) Validate() error {
	v := &zhenggai.ValidationError{}
	check := func(field, label string, n, lo, hi int) {
		if n < lo || n > hi {
			v.Add(field, fmt.Sprintf("%s须在%d至%d之间", label, lo, hi))
		}
	}
	check("units", "单位数（--units）", c.Units, 1, MaxUnits)
	check("offices", "巡察办数（市级）", c.Offices, 0, max(c.Units, 0))
	check("rounds", "每个单位的巡察轮次（--rounds）", c.Rounds, 1, MaxRounds)
	check("problems", "每轮具体问题数（--problems）", c.Problems, 1, MaxProblems)
	check("measures", "每个问题的整改措施数（--measures）", c.Measures, 1, MaxMeasures)
	check("progress", "每项措施的整改进展数（--progress）", c.Progress, 0, MaxProgress)
	if n := c.Problems * c.Measures * (1 + c.Progress); n > maxRowsPerRound {
		v.Add("progress", fmt.Sprintf("每轮记录过多（%d条，最多%d条）：请减少问题、措施或进展数", n, maxRowsPerRound))
	}
	switch {
	case c.Today.IsZero() || !c.Today.Valid():
		v.Add("today", "日期（--today）不正确")
	case c.Today.Year() < 1970:
		v.Add("today", "日期（--today）不能早于1970年")
	case zhenggai.Today().Before(c.Today):
		v.Add("today", "日期（--today）不能晚于今天：整改进展不能填报未来的日期")
	}
	return v.Err()
}

// categoriesFor is the number of categories of a round with n problems:
// about one for every three problems, as reports have.
func categoriesFor(n int) int { return min(max(1, (n+2)/3), maxCategoryCount) }

// Counts are numbers of records.
type Counts struct {
	Offices    int64 // inspection offices, the top one included
	Units      int64 // inspected units
	Rounds     int64
	Categories int64
	Problems   int64
	Measures   int64
	Progress   int64
}

// Rows is the number of records in all.
func (c Counts) Rows() int64 {
	return c.Offices + c.Units + c.Rounds + c.Categories + c.Problems + c.Measures + c.Progress
}

// Expected is what c generates.
func (c Config) Expected() Counts {
	n := Counts{Offices: int64(1 + c.Offices), Units: int64(c.Units)}
	n.Rounds = n.Units * int64(c.Rounds)
	n.Categories = n.Rounds * int64(categoriesFor(c.Problems))
	n.Problems = n.Rounds * int64(c.Problems)
	n.Measures = n.Problems * int64(c.Measures)
	n.Progress = n.Measures * int64(c.Progress)
	return n
}

// Plan is the tree of offices and units and the rounds to write, in the
// order they are written; the content of each round is made when it is
// written (Round).
type Plan struct {
	cfg     Config
	banks   *banks
	Top     string   // the top inspection office
	Offices []string // the offices below it (a province's cities)
	Units   []Unit
	Rounds  []RoundPlan
}

// Unit is an inspected unit and its people.
type Unit struct {
	Name     string
	Office   int // index in Plan.Offices, -1 for the top office
	leaders  []string
	owners   []string
	sections []string
}

// RoundPlan is one round to generate: which unit, which of its rounds
// (0 the oldest) and when the feedback was given.
type RoundPlan struct {
	Unit      int // index in Plan.Units
	K         int
	Feedback  zhenggai.Date
	Inspector string
}

// NewPlan lays out the offices, units and rounds of c.
func NewPlan(c Config) (*Plan, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	b, err := loadBanks()
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(c.Seed, 0x7a68656e67676169)) // "zhenggai"
	pl := newPlaces(rng)
	p := &Plan{cfg: c, banks: b}
	level := "县委"
	if c.Offices == 0 {
		county := pl.next() + "县"
		p.Top = county + "委巡察办"
		for _, name := range unitNames(rng, pl, county, false, c.Units) {
			p.Units = append(p.Units, Unit{Name: name, Office: -1})
		}
	} else {
		level = "市委"
		p.Top = pl.next() + "省委巡视办"
		for k := range c.Offices {
			city := pl.next() + "市"
			p.Offices = append(p.Offices, city+"委巡察办")
			n := c.Units / c.Offices
			if k < c.Units%c.Offices {
				n++
			}
			for _, name := range unitNames(rng, pl, city, true, n) {
				p.Units = append(p.Units, Unit{Name: name, Office: k})
			}
		}
	}
	groups := 5
	if c.Offices > 0 {
		groups = 8
	}
	// Rounds of one unit are years apart; the latest was fed back one to
	// eight months before today, so that its work is still going on.
	spacing := func() int {
		if c.Rounds <= 8 {
			return 365 + rng.IntN(366)
		}
		return 60 + rng.IntN(max(1, 15*365/c.Rounds-60))
	}
	for ui := range p.Units {
		u := &p.Units[ui]
		u.leaders = people(rng, 3+rng.IntN(3))
		u.owners = people(rng, 6+rng.IntN(7))
		u.sections = pick(rng, offices, 3+rng.IntN(3))
		fb := c.Today.AddDays(-(30 + rng.IntN(211)))
		dates := make([]zhenggai.Date, c.Rounds)
		for k := c.Rounds - 1; k >= 0; k-- {
			dates[k] = fb
			fb = fb.AddDays(-spacing())
		}
		for k, d := range dates {
			p.Rounds = append(p.Rounds, RoundPlan{Unit: ui, K: k, Feedback: d,
				Inspector: level + "第" + zhenggai.Numeral(1+rng.IntN(groups)) + "巡察组"})
		}
	}
	// Written in the order of feedback, as they would have been entered:
	// a unit's rounds are years apart in the tables, among other units'.
	slices.SortStableFunc(p.Rounds, func(a, b RoundPlan) int {
		switch {
		case a.Feedback.Before(b.Feedback):
			return -1
		case b.Feedback.Before(a.Feedback):
			return 1
		}
		return a.Unit - b.Unit
	})
	return p, nil
}

// Note marks every generated round as invented wherever it is shown.
func Note(seed uint64) string {
	return fmt.Sprintf("合成数据（zhenggai gen --seed %d）：单位、人员、问题、时限、进展和整改成效均为虚构", seed)
}

// Round makes the content of round i of the plan. It depends on the
// Config and i only: each round has its own generator, seeded from the
// Config's seed and the round's unit and number.
func (p *Plan) Round(i int) *store.BulkRound {
	rp := p.Rounds[i]
	u := &p.Units[rp.Unit]
	c := p.cfg
	rng := rand.New(rand.NewPCG(c.Seed, uint64(rp.Unit)<<32|uint64(rp.K)))
	fb := rp.Feedback
	nCat := categoriesFor(c.Problems)
	b := &store.BulkRound{Round: zhenggai.Round{
		Unit: u.Name, Inspector: rp.Inspector, Kind: zhenggai.KindInspection,
		Onsite: zhenggai.Period{Start: fb.AddDays(-(45 + rng.IntN(31))), End: fb.AddDays(-(10 + rng.IntN(21)))}, FeedbackDate: fb,
		Declared: zhenggai.Declared{Categories: nCat, Problems: c.Problems},
		Note:     Note(c.Seed),
	}}
	// Each category gets at least one problem, the rest fall at random.
	perCat := make([]int, nCat)
	for k := range perCat {
		perCat[k] = 1
	}
	for range c.Problems - nCat {
		perCat[rng.IntN(nCat)]++
	}
	// Outcomes draw from their own stream, so that the rest of a round
	// stays what the same seed always made.
	orng := rand.New(rand.NewPCG(c.Seed^outcomeStream, uint64(rp.Unit)<<32|uint64(rp.K)))
	bank := p.banks.forUnit(u.Name)
	titles := rng.Perm(len(bank.categories))
	seq := 0
	for ci := range nCat {
		cat := store.BulkCategory{Category: zhenggai.Category{Seq: ci + 1,
			Title: localise(bank.categories[titles[ci%len(titles)]], u.Name)}}
		leader := u.leaders[ci%len(u.leaders)]
		for range perCat[ci] {
			seq++
			prob := store.BulkProblem{Problem: zhenggai.Problem{Seq: seq, Title: bank.problem(rng, u.Name, fb.Year())}}
			section := u.sections[rng.IntN(len(u.sections))]
			texts := make([]string, c.Measures)
			for mi := range c.Measures {
				mt := bank.measure(rng, u.Name)
				texts[mi] = mt.content
				m := zhenggai.Measure{Seq: mi + 1, Content: mt.content, Leader: leader, Office: section,
					Owner: u.owners[rng.IntN(len(u.owners))], Kind: mt.kind}
				m.Deadline = deadline(rng, fb, m.Kind)
				m.Status = status(rng, m.Deadline, c.Today, m.Kind)
				outcome(orng, &m)
				prob.Measures = append(prob.Measures, store.BulkMeasure{Measure: m,
					Progress: progressEntries(rng, &m, fb, c.Today, c.Progress)})
			}
			prob.Rectification = rectification(texts)
			cat.Problems = append(cat.Problems, prob)
		}
		b.Categories = append(b.Categories, cat)
	}
	return b
}

// outcomeStream tells the outcomes' random stream from the round's.
const outcomeStream = 0x6f7574636f6d6573

// outcome gives a measure what rounds commonly record: the rules a
// mechanism measure's text says it made or revised, and now and then
// money refunded or recovered, or persons talked to or dealt with.
func outcome(rng *rand.Rand, m *zhenggai.Measure) {
	if m.Kind == zhenggai.MeasureMechanism {
		m.RuleNames = rulesMade(m.Content)
	}
	r := rng.IntN(1000)
	switch {
	case r < 30:
		m.RefundedFen = zhenggai.Fen(1+rng.Int64N(50000)) * 100 // 1 to 50,000 元
	case r < 45:
		m.RecoveredFen = zhenggai.Fen(1+rng.Int64N(200000)) * 100
	case r < 50:
		m.SavedFen = zhenggai.Fen(1+rng.Int64N(1000)) * 10000
	case r < 90:
		m.Talks = 1 + rng.IntN(5)
	case r < 95:
		m.Organisational = 1 + rng.IntN(2)
	case r < 97:
		m.Disciplinary = 1
	}
}

// ruleWords end the names of rules (not registers or study texts).
var ruleWords = []string{"制度", "办法", "规定", "细则", "规则"}

// rulesMade are the 《…》 a text says were made or revised: 修订完善了
// 《甲制度》和《乙办法》 names two, 严格执行《财务管理制度》 none. The verb
// is looked for in the clause before the name.
func rulesMade(text string) []string {
	var out []string
	at := 0
	for {
		i := strings.Index(text[at:], "《")
		if i < 0 {
			break
		}
		i += at
		j := strings.Index(text[i:], "》")
		if j < 0 {
			break
		}
		name := text[i+len("《") : i+j]
		clause := text[:i]
		if k := strings.LastIndexAny(clause, "。；，,;"); k >= 0 {
			clause = clause[k:]
		}
		made := false
		for _, w := range []string{"修订", "完善", "建立", "制定", "出台", "印发"} {
			made = made || strings.Contains(clause, w)
		}
		for _, w := range ruleWords {
			if made && strings.HasSuffix(name, w) {
				out = append(out, name)
				break
			}
		}
		at = i + j + len("》")
	}
	return zhenggai.CleanRuleNames(out)
}

// deadline plans a measure after the feedback: quick fixes within three
// months, rules within about eight.
func deadline(rng *rand.Rand, feedback zhenggai.Date, kind zhenggai.MeasureKind) zhenggai.Date {
	if kind == zhenggai.MeasureMechanism {
		return feedback.AddDays(60 + rng.IntN(181))
	}
	return feedback.AddDays(15 + rng.IntN(76))
}

// status is where a measure stands on today: nearly all measures whose
// deadline passed more than a month ago are done, some only basically
// and a few still going on (overdue, red); of those due about now or
// later, some are done and most are under way.
func status(rng *rand.Rand, deadline, today zhenggai.Date, kind zhenggai.MeasureKind) zhenggai.Status {
	done := zhenggai.Completed
	if kind == zhenggai.MeasureMechanism && rng.IntN(2) == 0 {
		done = zhenggai.Ongoing
	}
	x := rng.IntN(100)
	if deadline.Before(today.AddDays(-30)) {
		switch {
		case x < 80:
			return zhenggai.Completed
		case x < 88:
			return done
		case x < 95:
			return zhenggai.BasicallyCompleted
		}
		return zhenggai.InProgress
	}
	switch {
	case x < 30:
		return zhenggai.Completed
	case x < 35:
		return done
	case x < 50:
		return zhenggai.BasicallyCompleted
	case x < 90:
		return zhenggai.InProgress
	}
	return zhenggai.NotStarted
}

// progressEntries are n reports on m between the feedback and today (for
// a finished measure, up to when it was finished), oldest first: the first
// says the work started, the last reports the status the measure has.
func progressEntries(rng *rand.Rand, m *zhenggai.Measure, feedback, today zhenggai.Date, n int) []zhenggai.Progress {
	if n == 0 {
		return nil
	}
	start := feedback.AddDays(1 + rng.IntN(7))
	end := today
	if m.Status == zhenggai.Completed || m.Status == zhenggai.Ongoing {
		// Finished around the deadline, a few days early or late.
		end = m.Deadline.AddDays(rng.IntN(21) - 14)
		if end.Before(start.AddDays(5)) {
			end = start.AddDays(5)
		}
		if today.Before(end) {
			end = today
		}
	}
	if end.Before(start) {
		start = end
	}
	span := start.DaysUntil(end)
	days := make([]int, n)
	for i := range days {
		days[i] = rng.IntN(span + 1)
	}
	slices.Sort(days)
	out := make([]zhenggai.Progress, n)
	for i := range out {
		e := &out[i]
		e.Date, e.Author = start.AddDays(days[i]), m.Owner
		var list []string
		switch {
		case m.Status == zhenggai.NotStarted:
			list = progressNotStarted
		case i == n-1:
			e.Status = m.Status
			switch m.Status {
			case zhenggai.Completed:
				list = progressDone
			case zhenggai.Ongoing:
				list = progressOngoing
			case zhenggai.BasicallyCompleted:
				list = progressBasically
			default:
				list = progressMiddle
			}
		case i == 0:
			e.Status = zhenggai.InProgress
			list = progressFirst
		default:
			list = progressMiddle
		}
		e.Content = progressText(rng, list, m.Office, m.Leader)
	}
	return out
}

// Result is what Generate wrote.
type Result struct {
	Top     string // the top inspection office, for an administrator's account
	TopID   int64
	UnitIDs []int64 // the inspected units, in the plan's order
	Counts  Counts
	Elapsed time.Duration
}

// Generate writes the data c describes into st: the offices and units, in
// a transaction per level of the tree, then each round with everything
// under it in a transaction of its own (store.ImportRoundWithProgress), in
// order of feedback date. Changes are recorded in the audit log as made by
// the actor of ctx. onRound, if not nil, is called after each round with
// the number written and the total. The next round is made while the one
// before is written.
//
// st should hold no rounds (the command refuses a folder that does); the
// offices' and units' names must be free. If ctx ends, the rounds written
// so far stay.
func Generate(ctx context.Context, st *store.Store, c Config, onRound func(done, total int)) (*Result, error) {
	t0 := time.Now()
	p, err := NewPlan(c)
	if err != nil {
		return nil, err
	}
	res := &Result{Top: p.Top}
	top := &zhenggai.Unit{Name: p.Top}
	if err := st.CreateUnits(ctx, []*zhenggai.Unit{top}); err != nil {
		return nil, fmt.Errorf("新建巡察办：%w", err)
	}
	res.TopID = top.ID
	res.Counts.Offices = 1
	parents := make([]int64, len(p.Offices))
	if len(p.Offices) > 0 {
		offs := make([]*zhenggai.Unit, len(p.Offices))
		for i, name := range p.Offices {
			offs[i] = &zhenggai.Unit{Name: name, ParentID: top.ID}
		}
		if err := st.CreateUnits(ctx, offs); err != nil {
			return nil, fmt.Errorf("新建巡察办：%w", err)
		}
		for i, o := range offs {
			parents[i] = o.ID
		}
		res.Counts.Offices += int64(len(offs))
	}
	units := make([]*zhenggai.Unit, len(p.Units))
	for i, u := range p.Units {
		parent := top.ID
		if u.Office >= 0 {
			parent = parents[u.Office]
		}
		units[i] = &zhenggai.Unit{Name: u.Name, ParentID: parent}
	}
	if err := st.CreateUnits(ctx, units); err != nil {
		return nil, fmt.Errorf("新建单位：%w", err)
	}
	res.Counts.Units = int64(len(units))
	for _, u := range units {
		res.UnitIDs = append(res.UnitIDs, u.ID)
	}

	// One goroutine makes rounds while this one writes them.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	made := make(chan *store.BulkRound, 2)
	go func() {
		defer close(made)
		for i := range p.Rounds {
			select {
			case made <- p.Round(i):
			case <-ctx.Done():
				return
			}
		}
	}()
	done := 0
	for b := range made {
		if err := st.ImportRoundWithProgress(ctx, b); err != nil {
			return res, fmt.Errorf("写入%s的巡察轮次（反馈日期 %s）：%w", b.Round.Unit, b.Round.FeedbackDate, err)
		}
		res.Counts.add(b)
		done++
		if onRound != nil {
			onRound(done, len(p.Rounds))
		}
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Elapsed = time.Since(t0)
	return res, nil
}

func (n *Counts) add(b *store.BulkRound) {
	n.Rounds++
	n.Categories += int64(len(b.Categories))
	for _, c := range b.Categories {
		n.Problems += int64(len(c.Problems))
		for _, p := range c.Problems {
			n.Measures += int64(len(p.Measures))
			for _, m := range p.Measures {
				n.Progress += int64(len(m.Progress))
			}
		}
	}
}

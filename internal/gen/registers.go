package gen

import (
	"context"
	"fmt"

	"zhenggai"
	"zhenggai/internal/regsample"
	"zhenggai/internal/store"
)

// RegisterConfig says which units get registers (meetings, finance
// vouchers, party dues) and how large: five years of each, the years
// before the year of Config.Today.
type RegisterConfig struct {
	Units    int // the first Units units of the plan; 0 writes none
	Meetings int // meetings per unit over the five years
	Lines    int // voucher entry lines per unit (about)
	Members  int // dues members per unit (× 60 months of payments)
	// The CPPCC registers (issue 15): proposals over the five years and
	// CPPCC members per unit, with their townships' liaison groups (23).
	Proposals int
	CPPCC     int
	// SignInYears: the leaders' and staff's sign-ins and leave requests
	// of the last years of the five (issue 16).
	SignInYears int
}

// RegisterPreset is the registers of a named size.
//
//	county:   5 units × (4,000 meetings, 200,000 voucher lines, 100 members, 1,000 proposals, 60 CPPCC members,
//	          the last year's sign-ins): 20,000 meetings, 1 million lines, 500 members, 5,000 proposals,
//	          300 CPPCC members
//	province: 1,000 units × (200 meetings, 10,000 lines, 30 members, 100 proposals, 30 CPPCC members, no
//	          sign-ins: a year of a thousand units' is millions of rows, asked for with --register-signin-years):
//	          200,000 meetings, 10 million lines, 30,000 members, 100,000 proposals, 30,000 CPPCC members
func RegisterPreset(size string) RegisterConfig {
	if size == SizeProvince {
		return RegisterConfig{Units: 1000, Meetings: 200, Lines: 10000, Members: 30, Proposals: 100, CPPCC: 30}
	}
	return RegisterConfig{Units: 5, Meetings: 4000, Lines: 200000, Members: 100, Proposals: 1000, CPPCC: 60, SignInYears: 1}
}

// Limits of a RegisterConfig per unit.
const (
	MaxRegisterMeetings  = 100000
	MaxRegisterLines     = 5000000
	MaxRegisterMembers   = 10000
	MaxRegisterProposals = 100000
	MaxRegisterCPPCC     = 10000
)

// Validate checks rc against c, in Chinese for the command line.
func (rc RegisterConfig) Validate(c Config) error {
	v := &zhenggai.ValidationError{}
	check := func(field, label string, n, lo, hi int) {
		if n < lo || n > hi {
			v.Add(field, fmt.Sprintf("%s须在%d至%d之间", label, lo, hi))
		}
	}
	check("register_units", "有登记簿的单位数（--register-units）", rc.Units, 0, c.Units)
	check("register_meetings", "每个单位的会议数（--register-meetings）", rc.Meetings, 0, MaxRegisterMeetings)
	check("register_lines", "每个单位的凭证分录数（--register-lines）", rc.Lines, 0, MaxRegisterLines)
	check("register_members", "每个单位的党员数（--register-members）", rc.Members, 0, MaxRegisterMembers)
	check("register_proposals", "每个单位的提案数（--register-proposals）", rc.Proposals, 0, MaxRegisterProposals)
	check("register_cppcc", "每个单位的政协委员数（--register-cppcc）", rc.CPPCC, 0, MaxRegisterCPPCC)
	check("register_signin_years", "签到考勤的年数（--register-signin-years）", rc.SignInYears, 0, 5)
	return v.Err()
}

// registerYears are the five full years before today's year.
func registerYears(today zhenggai.Date) (zhenggai.Date, zhenggai.Date) {
	y := today.Year() - 1
	return zhenggai.NewDate(y-4, 1, 1), zhenggai.NewDate(y, 12, 31)
}

// Registers makes the registers of unit i of the plan (its leaders and
// owners are its people), seeded from the Config's seed and i only.
func (p *Plan) Registers(i int, rc RegisterConfig) (*store.BulkRegisters, error) {
	u := p.Units[i]
	from, to := registerYears(p.cfg.Today)
	staff := u.owners
	for len(staff) < 3 {
		staff = append(staff, u.leaders...)
	}
	return regsample.Generate(regsample.Config{Seed: p.cfg.Seed*1_000_003 + uint64(i), Leaders: u.leaders, Staff: staff,
		From: from, To: to, Meetings: rc.Meetings, Lines: rc.Lines, Members: rc.Members,
		Proposals: rc.Proposals, CPPCC: rc.CPPCC, SignInYears: rc.SignInYears, Sample: true})
}

// GenerateRegisters writes the registers rc describes for the units that
// Generate wrote for c (unitIDs, in the plan's order: Result.UnitIDs), a
// unit at a time, each register in its own transaction
// (store.ImportRegisters); the next unit's are made while one is written.
// onStep, if not nil, is called after each register of each unit (four
// steps a unit).
func GenerateRegisters(ctx context.Context, st *store.Store, c Config, rc RegisterConfig, unitIDs []int64, onStep func(done, total int)) (store.RegisterCounts, error) {
	var n store.RegisterCounts
	if err := rc.Validate(c); err != nil {
		return n, err
	}
	p, err := NewPlan(c)
	if err != nil {
		return n, err
	}
	total := min(rc.Units, len(unitIDs), len(p.Units))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type made struct {
		b   *store.BulkRegisters
		err error
	}
	ch := make(chan made, 1)
	go func() {
		defer close(ch)
		for i := range total {
			b, err := p.Registers(i, rc)
			if b != nil {
				b.UnitID = unitIDs[i]
			}
			select {
			case ch <- made{b, err}:
			case <-ctx.Done():
				return
			}
		}
	}()
	done := 0
	for m := range ch {
		if m.err != nil {
			return n, m.err
		}
		got, err := st.ImportRegisters(ctx, m.b, func(step, _ int) {
			if onStep != nil {
				onStep(done*4+step, total*4)
			}
		})
		n.Add(got)
		if err != nil {
			return n, fmt.Errorf("写入%s的登记簿：%w", p.Units[done].Name, err)
		}
		done++
	}
	return n, ctx.Err()
}

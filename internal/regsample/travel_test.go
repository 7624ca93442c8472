package regsample_test

import (
	"context"
	"testing"

	"zhenggai"
	"zhenggai/internal/regsample"
	"zhenggai/internal/selfcheck"
)

// TestDemoTravelRetired: the demo's travel ledger and retired posts hold
// the seed's facts, every record valid: the leaders registered and their
// passports held in time, the staff only in the rectification (problem
// 30); one retired cadre re-employed without filing, filed when the
// agreement was ended (problem 38). The rules find them with those
// figures and nothing else of these registers; gen's registers are
// valid too.
func TestDemoTravelRetired(t *testing.T) {
	b := demo(t)
	var leaders, staff int64
	for _, p := range b.Persons {
		switch p.Kind {
		case zhenggai.PersonLeader:
			leaders++
		case zhenggai.PersonStaff:
			staff++
		}
	}
	if int64(len(b.TravelPersons)) != leaders+staff || len(b.RetiredPosts) != 3 {
		t.Fatalf("%d ledger lines for %d leaders and %d staff, %d retired posts", len(b.TravelPersons), leaders, staff, len(b.RetiredPosts))
	}
	valid(t, b.TravelPersons, b.RetiredPosts)
	regs := &selfcheck.Registers{TravelPersons: b.TravelPersons, RetiredPosts: b.RetiredPosts}
	for i, p := range b.Persons {
		p.ID = int64(i + 1)
		regs.TravelRoster = append(regs.TravelRoster, p)
	}
	years := zhenggai.Period{Start: zhenggai.NewDate(2016, 1, 1), End: zhenggai.NewDate(2020, 12, 31)}
	got := map[string]map[string]int64{}
	for _, r := range selfcheck.Rules {
		if r.Needs&(selfcheck.NeedTravel|selfcheck.NeedRetired) == 0 {
			continue
		}
		fs, err := r.Check(context.Background(), regs, years, r.Values(nil))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			got[r.ID] = f.Figures
			t.Log(f.Text)
		}
	}
	want := map[string]map[string]int64{
		"travel_unregistered": {"in_scope": leaders + staff, "unregistered": staff, "late": staff, "missing": 0},
		"travel_handin_late":  {"not_held": 0},
		"retired_unfiled":     {"posts": 3, "unfiled": 1, "rehired_unfiled": 1, "filed_since": 1},
	}
	if len(got) != len(want) {
		t.Errorf("rules finding: %v, want %v", got, want)
	}
	for rule, fs := range want {
		for k, v := range fs {
			if got[rule][k] != v {
				t.Errorf("%s: %s = %d, want %d (%v)", rule, k, got[rule][k], v, got[rule])
			}
		}
	}
	if got["travel_handin_late"]["late"] < int64(regsample.StaffDocuments) {
		t.Errorf("documents held late: %v", got["travel_handin_late"])
	}
}

func valid(t *testing.T, ls []zhenggai.TravelPerson, ps []zhenggai.RetiredPost) {
	t.Helper()
	for _, l := range ls {
		l.UnitID = 1
		l.Normalize()
		if err := l.Validate(); err != nil {
			t.Fatalf("%s: %v", l.Name, err)
		}
	}
	for _, p := range ps {
		p.UnitID = 1
		if err := p.Validate(); err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
	}
}

// TestScaledTravelRetired: gen's registers have lines and posts, valid.
func TestScaledTravelRetired(t *testing.T) {
	c := regsample.Config{Seed: 3, Leaders: leaders, Staff: staff, From: zhenggai.NewDate(2016, 1, 1), To: zhenggai.NewDate(2020, 12, 31),
		Meetings: 40, Lines: 2000, Members: 60}
	b, err := regsample.Generate(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.TravelPersons) == 0 || len(b.RetiredPosts) == 0 {
		t.Fatalf("%d lines, %d posts", len(b.TravelPersons), len(b.RetiredPosts))
	}
	valid(t, b.TravelPersons, b.RetiredPosts)
}

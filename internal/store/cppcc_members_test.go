package store_test

import (
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestCPPCCMembers: members matched to the roster's 政协委员 (entered when
// asked), one per person and term, edited, voided and restored; settings
// checked before they are kept.
func TestCPPCCMembers(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		for _, p := range []*zhenggai.Person{
			{UnitID: unit, Name: "李华", Kind: zhenggai.PersonCPPCC},
			{UnitID: unit, Name: "覃丽", Kind: zhenggai.PersonStaff},
		} {
			if err := st.SavePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		li := &zhenggai.CPPCCMember{UnitID: unit, Name: "李华", Term: "第九届", Sector: "教育界", Standing: true}
		if err := st.SaveCPPCCMember(ctx, li, false, ""); err != nil || li.PersonID == 0 || li.Status != zhenggai.MemberActive {
			t.Fatalf("%v %+v", err, li)
		}
		// 覃丽 is on the roster as staff: she is the one person of her name,
		// and no second 覃丽 is entered even when asked.
		qin := &zhenggai.CPPCCMember{UnitID: unit, Name: "覃丽", Term: "第九届"}
		if err := st.SaveCPPCCMember(ctx, qin, true, ""); err != nil || qin.PersonID == 0 {
			t.Fatalf("staff as a member: %v %+v", err, qin)
		}
		if ps, _ := st.Persons(ctx, unit); len(ps) != 2 {
			t.Fatalf("roster %d persons, want 2", len(ps))
		}
		nobody := &zhenggai.CPPCCMember{UnitID: unit, Name: "赵强", Term: "第九届"}
		if msg := fieldMessage(t, st.SaveCPPCCMember(ctx, nobody, false, ""), "name"); !strings.Contains(msg, "人员名册中没有“赵强”") {
			t.Fatalf("unmatched: %q", msg)
		}
		wang := &zhenggai.CPPCCMember{UnitID: unit, Name: "王明", Term: "第九届", JoinedOn: zhenggai.NewDate(2017, 1, 5)}
		if err := st.SaveCPPCCMember(ctx, wang, true, "13800000000"); err != nil {
			t.Fatal(err)
		}
		p, err := st.Person(ctx, wang.PersonID)
		if err != nil || p.Kind != zhenggai.PersonCPPCC || p.Phone != "13800000000" {
			t.Fatalf("person entered: %+v %v", p, err)
		}
		dup := &zhenggai.CPPCCMember{UnitID: unit, Name: "王 明", Term: "第九届"}
		if msg := fieldMessage(t, st.SaveCPPCCMember(ctx, dup, false, ""), "name"); !strings.Contains(msg, "第九届已有委员") {
			t.Fatalf("duplicate: %q", msg)
		}
		// The next term takes him again.
		next := &zhenggai.CPPCCMember{UnitID: unit, Name: "王明", Term: "第十届"}
		if err := st.SaveCPPCCMember(ctx, next, false, ""); err != nil || next.PersonID != wang.PersonID {
			t.Fatalf("next term: %v %+v", err, next)
		}
		wang.Committee, wang.Status, wang.LeftOn = "经济委", zhenggai.MemberLeft, zhenggai.NewDate(2020, 6, 1)
		if err := st.SaveCPPCCMember(ctx, wang, false, ""); err != nil || wang.Version != 2 {
			t.Fatalf("edit: %v %+v", err, wang)
		}
		stale := *wang
		stale.Version = 1
		if err := st.SaveCPPCCMember(ctx, &stale, false, ""); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Fatalf("stale save: %v", err)
		}
		got, err := st.CPPCCMember(ctx, wang.ID)
		if err != nil || got.Committee != "经济委" || got.Status != zhenggai.MemberLeft || got.LeftOn != zhenggai.NewDate(2020, 6, 1) ||
			got.JoinedOn != zhenggai.NewDate(2017, 1, 5) || got.Phone != "13800000000" || got.Standing {
			t.Fatalf("read %+v %v", got, err)
		}
		terms, err := st.MemberTerms(ctx, unit)
		if err != nil || strings.Join(terms, ",") != "第十届,第九届" {
			t.Fatalf("terms %v %v", terms, err)
		}
		if err := st.Void(ctx, "cppcc_member", li.ID, "重复录入"); err != nil {
			t.Fatal(err)
		}
		ms, _ := st.CPPCCMembers(ctx, unit, "第九届", false)
		all, _ := st.CPPCCMembers(ctx, unit, "第九届", true)
		if len(ms) != 2 || len(all) != 3 {
			t.Fatalf("after void: %d live, %d in all", len(ms), len(all))
		}
		if err := st.Restore(ctx, "cppcc_member", li.ID); err != nil {
			t.Fatal(err)
		}
		mine, err := st.MembersOfPerson(ctx, wang.PersonID)
		if err != nil || len(mine) != 2 || mine[0].Term != "第十届" {
			t.Fatalf("of person: %v %v", mine, err)
		}

		// Settings: checked, then kept; empty returns the default.
		if err := st.SaveMemberSettings(ctx, unit, map[string]string{zhenggai.MemberLeaveMaxSetting: "很多"}); err == nil ||
			!strings.Contains(zhenggai.ErrorMessage(err), "每年请假次数上限") {
			t.Fatalf("bad setting: %v", err)
		}
		if err := st.SaveMemberSettings(ctx, unit, map[string]string{zhenggai.MemberLeaveMaxSetting: "5",
			zhenggai.MemberScoreSetting: "出席 | plenary_present | 10 | 0\n等次 | 合格 | 10\n等次 | 不合格 | 0\n合格线 | 10"}); err != nil {
			t.Fatal(err)
		}
		rules, err := st.MemberRules(ctx, unit)
		if err != nil || rules.LeaveMax != 5 || len(rules.Scheme.Items) != 1 || rules.Scheme.Pass != 10 {
			t.Fatalf("rules %+v %v", rules, err)
		}
		if err := st.SaveMemberSettings(ctx, unit, map[string]string{zhenggai.MemberLeaveMaxSetting: "", zhenggai.MemberScoreSetting: ""}); err != nil {
			t.Fatal(err)
		}
		if rules, _ = st.MemberRules(ctx, unit); rules.LeaveMax != 2 || len(rules.Scheme.Items) != len(zhenggai.DefaultScoreScheme.Items) {
			t.Fatalf("defaults again %+v", rules)
		}
		mustVerify(t, st)
	})
}

// TestMemberCounts: what a member did, counted from the registers, per
// year; what does not count (voided, drafts, unconfirmed co-signers,
// other meeting types, another term's member) does not.
func TestMemberCounts(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		wang := &zhenggai.CPPCCMember{UnitID: unit, Name: "王明", Term: "第九届", JoinedOn: zhenggai.NewDate(2018, 1, 5)}
		li := &zhenggai.CPPCCMember{UnitID: unit, Name: "李华", Term: "第九届", JoinedOn: zhenggai.NewDate(2018, 1, 5)}
		for _, m := range []*zhenggai.CPPCCMember{wang, li} {
			if err := st.SaveCPPCCMember(ctx, m, true, ""); err != nil {
				t.Fatal(err)
			}
		}
		meet := func(typ string, d zhenggai.Date, wangIs, liIs zhenggai.Presence) *zhenggai.Meeting {
			m := &zhenggai.Meeting{UnitID: unit, Type: typ, Date: d, Attendance: []zhenggai.Attendance{
				{Name: "王明", Presence: wangIs}, {Name: "李华", Presence: liIs}}}
			if err := st.SaveMeeting(ctx, m); err != nil {
				t.Fatal(err)
			}
			return m
		}
		meet("全体会议", zhenggai.NewDate(2019, 1, 10), zhenggai.Present, zhenggai.OnLeave)
		meet("全体会议", zhenggai.NewDate(2019, 6, 10), zhenggai.WrittenView, zhenggai.AbsentNoLeave)
		meet("常委会议", zhenggai.NewDate(2019, 3, 10), zhenggai.Present, zhenggai.AbsentNoLeave)
		meet("党组会议", zhenggai.NewDate(2019, 3, 11), zhenggai.Present, zhenggai.Present) // not counted
		meet("全体会议", zhenggai.NewDate(2020, 1, 10), zhenggai.AbsentNoLeave, zhenggai.AbsentNoLeave)
		gone := meet("全体会议", zhenggai.NewDate(2020, 2, 10), zhenggai.Present, zhenggai.Present)
		if err := st.Void(ctx, "meeting", gone.ID, "重复录入"); err != nil {
			t.Fatal(err)
		}

		raw := env.Raw(t)
		exec := func(q string, args ...any) int64 {
			t.Helper()
			if _, err := raw.Exec(q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			var id int64
			if err := raw.QueryRow(`SELECT MAX(id) FROM ` + strings.Fields(q)[2]).Scan(&id); err != nil {
				t.Fatal(err)
			}
			return id
		}
		proposal := func(year int, status string, voided bool, signers ...string) {
			t.Helper()
			var va any
			if voided {
				va = "2020-01-01T00:00:00Z"
			}
			id := exec(`INSERT INTO proposals (unit_id, year, title, status, created_at, voided_at) VALUES (?, ?, ?, ?, ?, ?)`,
				unit, year, fmt.Sprintf("提案%d", year), status, "2020-01-01T00:00:00Z", va)
			for i, s := range signers {
				name, confirmed, _ := strings.Cut(s, ":")
				person := wang.PersonID
				if name == "李华" {
					person = li.PersonID
				}
				c := ""
				if confirmed == "y" {
					c = "2019-01-01"
				}
				exec(`INSERT INTO proposal_signers (unit_id, proposal_id, seq, person_id, name, confirmed_on) VALUES (?, ?, ?, ?, ?, ?)`,
					unit, id, i+1, person, name, c)
			}
		}
		proposal(2019, "registered", false, "王明", "李华:y")
		proposal(2019, "rejected", false, "王明", "李华:")   // 李华 never confirmed
		proposal(2019, "draft", false, "王明", "李华:y")     // a draft counts for none
		proposal(2019, "done", true, "王明", "李华:y")       // voided
		proposal(2020, "submitted", false, "李华", "王明:y") // 李华 leads
		sugg := func(m *zhenggai.CPPCCMember, kind, on, adopted string) {
			exec(`INSERT INTO suggestions (unit_id, member_id, person_id, name, kind, title, on_date, adopted, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, unit, m.ID, m.PersonID, m.Name, kind, "建议", on, adopted, "2020-01-01T00:00:00Z")
		}
		sugg(wang, "sqmy", "2019-04-01", "county")
		sugg(wang, "sqmy", "2019-05-01", "")
		sugg(wang, "micro", "2020-05-01", "")
		for _, a := range []*zhenggai.MemberActivity{
			{UnitID: unit, MemberID: wang.ID, Kind: zhenggai.ActivityResearch, Title: "调研", On: zhenggai.NewDate(2019, 5, 1)},
			{UnitID: unit, MemberID: wang.ID, Kind: zhenggai.ActivityResearch, Title: "调研二", On: zhenggai.NewDate(2019, 6, 1)},
			{UnitID: unit, MemberID: li.ID, Kind: zhenggai.ActivityTraining, Title: "培训", On: zhenggai.NewDate(2020, 5, 1)},
		} {
			if err := st.SaveMemberActivity(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		rules, _ := st.MemberRules(ctx, unit)
		counts, err := st.MemberCounts(ctx, unit, "第九届", 0, rules, 2018, 2020)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]zhenggai.MemberYears{
			wang.ID: {
				2019: {"plenary_present": 1, "plenary_leave": 1, "standing_present": 1, "proposal": 2, "proposal_registered": 1,
					"sqmy": 2, "sqmy_adopted": 1, "research": 2},
				2020: {"plenary_absent": 1, "proposal_cosign": 1, "micro": 1},
			},
			li.ID: {
				2019: {"plenary_leave": 1, "plenary_absent": 1, "standing_absent": 1, "proposal_cosign": 1},
				2020: {"plenary_absent": 1, "proposal": 1, "training": 1},
			},
		}
		if fmt.Sprint(counts) != fmt.Sprint(want) {
			t.Fatalf("counts\n%v\nwant\n%v", counts, want)
		}
		one, err := st.MemberCounts(ctx, unit, "第九届", li.ID, rules, 2018, 2020)
		if err != nil || len(one) != 1 || fmt.Sprint(one[li.ID]) != fmt.Sprint(want[li.ID]) {
			t.Fatalf("one member: %v %v", one, err)
		}

		recs, _, err := st.MemberRecords(ctx, unit, "第九届", 0, 2020)
		if err != nil || len(recs) != 2 {
			t.Fatalf("records %v %v", recs, err)
		}
		var liRec *store.MemberRecord
		for _, x := range recs {
			if x.Member.ID == li.ID {
				liRec = x
			}
		}
		// 李华 2020: absent once (−10), a proposal led (10), training (1) = 1.
		if liRec.Score.Total != 1 || liRec.Score.Passed || len(liRec.Years) != 3 {
			t.Fatalf("score %+v years %v", liRec.Score, liRec.Years)
		}
		var flags []string
		for _, f := range liRec.Flags {
			flags = append(flags, f.Code)
		}
		if strings.Join(flags, ",") != "absences,below_pass" {
			t.Fatalf("flags %v", liRec.Flags)
		}
		mm, err := st.MemberMeetings(ctx, wang, rules, 2018)
		if err != nil || len(mm) != 4 || mm[0].Presence != zhenggai.Present || mm[3].Presence != zhenggai.AbsentNoLeave {
			t.Fatalf("meetings %+v %v", mm, err)
		}
		mp, err := st.MemberProposals(ctx, wang)
		if err != nil || len(mp) != 3 || !mp[0].Lead || mp[2].Lead {
			t.Fatalf("proposals %+v %v", mp, err)
		}
		msugg, err := st.MemberSuggestions(ctx, wang)
		if err != nil || len(msugg) != 3 || msugg[0].Adopted != "county" {
			t.Fatalf("suggestions %+v %v", msugg, err)
		}
		acts, err := st.MemberActivities(ctx, unit, wang.ID, 2019)
		if err != nil || len(acts) != 2 {
			t.Fatalf("activities %v %v", acts, err)
		}
		if err := st.Void(ctx, "member_activity", acts[0].ID, "误录"); err != nil {
			t.Fatal(err)
		}
		counts, _ = st.MemberCounts(ctx, unit, "第九届", wang.ID, rules, 2019, 2019)
		if counts[wang.ID][2019]["research"] != 1 {
			t.Fatalf("voided activity counted: %v", counts)
		}
		// No mustVerify: the proposals and suggestions above were put in
		// behind the program's back (their registers are others' work).
	})
}

// TestImportCPPCCMembers: all or nothing, bad rows named; a re-import
// updates the members it names; activities find their member by name.
func TestImportCPPCCMembers(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		rows := func() []*zhenggai.CPPCCMember {
			return []*zhenggai.CPPCCMember{
				{Name: "王明", Term: "第九届", Sector: "中共"},
				{Name: "李华", Term: "第九届", Sector: "教育界", Status: "x"},
			}
		}
		err := st.ImportCPPCCMembers(ctx, unit, rows(), nil, []string{"第2行：", "第3行："}, true, false)
		if msg := zhenggai.ErrorMessage(err); !strings.Contains(msg, "第3行：状态") {
			t.Fatalf("bad row: %v", err)
		}
		if ms, _ := st.CPPCCMembers(ctx, unit, "", false); len(ms) != 0 {
			t.Fatalf("a bad file wrote %d members", len(ms))
		}
		if ps, _ := st.Persons(ctx, unit); len(ps) != 0 {
			t.Fatalf("a bad file entered %d persons", len(ps))
		}
		good := rows()
		good[1].Status = ""
		if err := st.ImportCPPCCMembers(ctx, unit, good, []string{"139", ""}, nil, true, true); err != nil {
			t.Fatal(err)
		}
		if ms, _ := st.CPPCCMembers(ctx, unit, "", false); len(ms) != 0 {
			t.Fatal("a dry run wrote")
		}
		if err := st.ImportCPPCCMembers(ctx, unit, good, []string{"139", ""}, nil, true, false); err != nil {
			t.Fatal(err)
		}
		again := rows()
		again[1].Status, again[1].Committee = "", "文史委"
		if err := st.ImportCPPCCMembers(ctx, unit, again, nil, nil, false, false); err != nil {
			t.Fatal(err)
		}
		ms, _ := st.CPPCCMembers(ctx, unit, "第九届", false)
		if len(ms) != 2 || ms[1].Committee != "文史委" || ms[1].Version != 2 {
			t.Fatalf("re-import: %+v", ms)
		}
		// 界别 is kept from the list.
		if ms[0].Sector != "中共" || ms[1].Sector != "教育界" {
			t.Errorf("sectors %q, %q", ms[0].Sector, ms[1].Sector)
		}
		in := []store.ActivityImportRow{
			{Name: "王明", Where: "第2行：", Activity: zhenggai.MemberActivity{Kind: zhenggai.ActivityContact, Title: "走访", On: zhenggai.NewDate(2020, 3, 1)}},
			{Name: "赵强", Where: "第3行：", Activity: zhenggai.MemberActivity{Kind: zhenggai.ActivityContact, Title: "走访", On: zhenggai.NewDate(2020, 3, 1)}},
		}
		err = st.ImportMemberActivities(ctx, unit, "第九届", in, false)
		if msg := zhenggai.ErrorMessage(err); !strings.Contains(msg, "第3行：“赵强”不是第九届的委员") {
			t.Fatalf("unknown member: %v", err)
		}
		if err := st.ImportMemberActivities(ctx, unit, "第九届", in[:1], false); err != nil {
			t.Fatal(err)
		}
		if acts, _ := st.MemberActivities(ctx, unit, 0, 0); len(acts) != 1 || acts[0].MemberID != ms[0].ID {
			t.Fatalf("activities %+v", acts)
		}
		mustVerify(t, st)
	})
}

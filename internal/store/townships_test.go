package store_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestTownships: a township is saved with its posts and invitations in
// one transaction; an edit changes, adds and strikes out children (each
// logged); overlapping leaders and a second township of one name are
// refused with nothing written; the vacancy reads from what is stored;
// void and restore; the log verifies.
func TestTownships(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		wang := &zhenggai.Person{UnitID: unit, Name: "王明", Kind: zhenggai.PersonStaff}
		if err := st.SavePerson(ctx, wang); err != nil {
			t.Fatal(err)
		}
		d := zhenggai.NewDate
		tw := &zhenggai.Township{UnitID: unit, Name: "澧源镇", Seq: 1, Since: d(2016, 5, 1),
			Posts: []zhenggai.LiaisonPost{
				{Name: "王明", Role: zhenggai.LiaisonLeader, From: d(2016, 5, 1), To: d(2018, 3, 15)},
				{Name: "张三", Role: zhenggai.LiaisonMember, From: d(2016, 5, 1)},
			},
			Invitations: []zhenggai.LiaisonInvitation{{Kind: zhenggai.InviteInspection, Title: "脱贫攻坚视察", On: d(2017, 6, 1), Attended: true}}}
		if err := st.SaveTownship(ctx, tw); err != nil {
			t.Fatal(err)
		}
		got, err := st.Township(ctx, tw.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Posts) != 2 || got.Posts[0].PersonID != wang.ID || len(got.Invitations) != 1 ||
			got.Invitations[0].Name != "王明" || got.Invitations[0].PersonID != wang.ID || !got.Invitations[0].Attended {
			t.Fatalf("read %+v", got)
		}
		today := d(2020, 10, 28)
		if since, vacant := got.VacantSince(today); !vacant || since != d(2018, 3, 15) {
			t.Fatalf("vacancy %v %v", since, vacant)
		}

		// Overlapping leaders: refused, nothing written.
		bad := *got
		bad.Posts = append(append([]zhenggai.LiaisonPost{}, got.Posts...), zhenggai.LiaisonPost{Name: "李华", Role: zhenggai.LiaisonLeader, From: d(2018, 1, 1)})
		err = st.SaveTownship(ctx, &bad)
		if v, ok := err.(*zhenggai.ValidationError); !ok || !strings.Contains(v.For("posts.2.from"), "任期重叠") {
			t.Fatalf("overlap: %v", err)
		}
		if again, _ := st.Township(ctx, tw.ID); len(again.Posts) != 2 || again.Version != 1 {
			t.Fatalf("written after a refusal: %+v", again)
		}

		// A new leader, the member struck out, one more invitation.
		ed := *got
		ed.Posts = []zhenggai.LiaisonPost{got.Posts[0], {Name: "李华", Role: zhenggai.LiaisonLeader, From: d(2020, 9, 1)}}
		ed.Invitations = append(append([]zhenggai.LiaisonInvitation{}, got.Invitations...),
			zhenggai.LiaisonInvitation{Kind: zhenggai.InviteStanding, Title: "九届常委会第十次会议", On: d(2020, 10, 10)})
		if err := st.SaveTownship(ctx, &ed); err != nil {
			t.Fatal(err)
		}
		got, err = st.Township(ctx, tw.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != 2 || len(got.Posts) != 2 || got.Posts[0].ID != tw.Posts[0].ID || len(got.Invitations) != 2 ||
			got.Invitations[1].Name != "李华" {
			t.Fatalf("edited %+v", got)
		}
		if l := got.LeaderOn(today); l == nil || l.Name != "李华" {
			t.Fatalf("leader %v", l)
		}
		stale := *got
		stale.Version = 1
		if err := st.SaveTownship(ctx, &stale); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Fatalf("stale: %v", err)
		}

		// One township of a name.
		dup := &zhenggai.Township{UnitID: unit, Name: "澧源镇"}
		if err := st.SaveTownship(ctx, dup); err == nil || !strings.Contains(err.Error(), "已有“澧源镇”") {
			t.Fatalf("duplicate: %v", err)
		}
		second := &zhenggai.Township{UnitID: unit, Name: "太平镇", Seq: 2}
		if err := st.SaveTownship(ctx, second); err != nil {
			t.Fatal(err)
		}
		list, err := st.Townships(ctx, unit)
		if err != nil || len(list) != 2 || list[0].Name != "澧源镇" || len(list[0].Posts) != 2 || len(list[1].Posts) != 0 {
			t.Fatalf("list %v %+v", err, list)
		}
		if err := st.Void(ctx, "township", second.ID, "重复录入"); err != nil {
			t.Fatal(err)
		}
		if list, _ := st.Townships(ctx, unit); len(list) != 1 {
			t.Fatalf("after void: %d", len(list))
		}
		if err := st.Restore(ctx, "township", second.ID); err != nil {
			t.Fatal(err)
		}

		// Import: by name, children alike kept, all or none.
		im := []*zhenggai.Township{
			{Name: "澧源镇", Seq: 1, Since: d(2016, 5, 1), Posts: []zhenggai.LiaisonPost{
				{Name: "王明", Role: zhenggai.LiaisonLeader, From: d(2016, 5, 1), To: d(2018, 3, 15)},
				{Name: "李华", Role: zhenggai.LiaisonLeader, From: d(2020, 9, 1)}},
				Invitations: got.Invitations},
			{Name: "溇水乡", Seq: 3, Since: d(2017, 1, 1)},
		}
		if err := st.ImportTownships(ctx, unit, im, []string{"第2行：", "第3行："}, false); err != nil {
			t.Fatal(err)
		}
		after, _ := st.Township(ctx, tw.ID)
		if after.Posts[0].ID != got.Posts[0].ID || after.Posts[1].ID != got.Posts[1].ID || after.Invitations[1].ID != got.Invitations[1].ID {
			t.Fatalf("re-import changed ids: %+v", after)
		}
		badImport := []*zhenggai.Township{{Name: "甲乡", Posts: []zhenggai.LiaisonPost{{Name: "", Role: zhenggai.LiaisonMember}}}}
		err = st.ImportTownships(ctx, unit, badImport, []string{"联络组第2行："}, false)
		if err == nil || !strings.Contains(err.Error(), "联络组第2行：任职第1条的姓名不能为空") {
			t.Fatalf("bad import: %v", err)
		}
		if list, _ := st.Townships(ctx, unit); len(list) != 3 {
			t.Fatalf("townships %d, want 3", len(list))
		}
		mustVerify(t, st)
	})
}

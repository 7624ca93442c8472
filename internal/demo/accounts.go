package demo

import (
	"context"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/sample"
	"zhenggai/internal/store"
)

// Office is the inspection office above the seed's unit in the demo.
const Office = "张家界市委巡察办"

// OfficeStaff is the display name of the office's demo account, who
// accepts the demo's closed problems.
const OfficeStaff = "巡察办干部（示例）"

// Account is a demo sign-in, printed once when the demo starts.
type Account struct {
	Login, Display, Password string
	Role                     zhenggai.Role
	Unit                     string
}

// Accounts creates the office above the round's unit and one account per
// role. The leader and the owner carry names the sample ledger uses, so
// that each sees his own measures.
func Accounts(ctx context.Context, st *store.Store, r *zhenggai.Round) ([]Account, error) {
	office := &zhenggai.Unit{Name: Office}
	if err := st.SaveUnit(ctx, office); err != nil {
		return nil, err
	}
	// The unit's full name is the one its report is signed with
	// (中共政协桑植县委员会党组), which documents also name it by.
	if err := st.SaveUnit(ctx, &zhenggai.Unit{ID: r.UnitID, Name: r.Unit, ParentID: office.ID,
		FullName: SeedTexts(sample.Sangzhi).Signature}); err != nil {
		return nil, err
	}
	plan := []Account{
		{Login: "admin", Display: "系统管理员", Role: zhenggai.RoleAdmin, Unit: Office},
		{Login: "xunchaban", Display: OfficeStaff, Role: zhenggai.RoleSupervisor, Unit: Office},
		{Login: "bangongshi", Display: "办公室（示例）", Role: zhenggai.RoleUnitAdmin, Unit: r.Unit},
		{Login: "xiangjianguo", Display: leaders[0], Role: zhenggai.RoleLeader, Unit: r.Unit},
		{Login: "qinli", Display: owners[0], Role: zhenggai.RoleResponsible, Unit: r.Unit},
		{Login: "weiyuan", Display: "委员（示例）", Role: zhenggai.RoleMember, Unit: r.Unit},
	}
	units := map[string]int64{Office: office.ID, r.Unit: r.UnitID}
	for i := range plan {
		a := &plan[i]
		a.Password = auth.GeneratePassword()
		hash, err := auth.HashPassword(a.Password)
		if err != nil {
			return nil, err
		}
		u := &zhenggai.User{UnitID: units[a.Unit], Name: a.Login, DisplayName: a.Display, Role: a.Role,
			// The demo's leader is also the unit's principal leader: red warnings reach him.
			Principal: a.Login == "xiangjianguo"}
		if err := st.CreateUser(ctx, u, hash); err != nil {
			return nil, err
		}
	}
	return plan, nil
}

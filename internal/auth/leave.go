package auth

import (
	"context"

	"zhenggai"
)

// LeaveSelf reports whether u asks for leave for himself only (he does
// not keep his unit's register), with his roster name: the pages and the
// API fix the applicant to it. An account linked to no person of the
// roster has no leave of his own to ask for.
func (a *Auth) LeaveSelf(ctx context.Context, u *zhenggai.User) (self bool, name string, err error) {
	if a.Can(ctx, u, zhenggai.PermEdit, zhenggai.Target{UnitID: u.UnitID}) {
		return false, "", nil
	}
	name, err = a.Store.UserPersonName(ctx, u)
	if err == nil && name == "" {
		err = zhenggai.Errorf(zhenggai.EFORBID, "您的账号未关联本单位人员名册中的人员，不能自行请假；请单位管理员在人员名册中关联")
	}
	return true, name, err
}

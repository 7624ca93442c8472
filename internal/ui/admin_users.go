package ui

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/auth"
)

// roleOption is a role in a select, by its Chinese name.
type roleOption struct{ Value, Label string }

func roleOptions() []roleOption {
	out := make([]roleOption, 0, len(zhenggai.Roles))
	for _, r := range zhenggai.Roles {
		out = append(out, roleOption{string(r), r.Label()})
	}
	return out
}

// usersPage is the data of admin_users.html.
type usersPage struct {
	Users  []*zhenggai.User
	Units  []unitOption
	Roles  []roleOption
	Me     int64          // the administrator looking at the page
	Filter *zhenggai.Unit // when only one unit's users are listed
}

// userFormPage is the data of admin_user_form.html.
type userFormPage struct {
	User     *zhenggai.User
	Units    []unitOption
	Roles    []roleOption
	Self     bool // the administrator edits his own account
	Conflict *formConflict
	Persons  []*zhenggai.Person // the roster of his unit, to link him to his person
}

// passwordPage is the data of admin_user_password.html: the only place a
// password is ever shown, in the answer to the POST that made it.
type passwordPage struct {
	User     *zhenggai.User
	Password string
	Reset    bool
	Self     bool
}

var userEditFields = []string{"display_name", "role", "unit_id", "disabled", "email", "principal", "person_id", "version"}

var userLabels = []formLabel{{"display_name", "姓名"}, {"role", "角色"}, {"unit_id", "所属单位"}, {"disabled", "状态"},
	{"email", "电子邮箱"}, {"principal", "主要负责人"}}

// userValues are a stored account as form values.
func userValues(u *zhenggai.User) map[string]string {
	disabled := ""
	if u.Disabled {
		disabled = "1"
	}
	principal := ""
	if u.Principal {
		principal = "1"
	}
	return map[string]string{"name": u.Name, "display_name": u.DisplayName, "role": string(u.Role),
		"unit_id": fmt.Sprint(u.UnitID), "disabled": disabled, "version": fmt.Sprint(u.Version),
		"email": u.Email, "principal": principal, "person_id": personIDValue(u.PersonID)}
}

// Messages for an administrator who would lock everybody out.
const (
	selfDisableMessage = "不能停用本人的账号：系统须始终有一名可用的系统管理员。如需停用，请由另一名系统管理员操作。"
	selfRoleMessage    = "不能取消本人的系统管理员角色：系统须始终有一名系统管理员。如需交接，请先为接替的同志新建系统管理员账号，再由其修改。"
)

// ListUsers shows the accounts (of one unit with ?unit=ID) and a form to
// add one.
func (h *Handler) ListUsers(w http.ResponseWriter, r *http.Request) {
	f := &form{values: map[string]string{}, errs: &zhenggai.ValidationError{}}
	if q := r.URL.Query().Get("unit"); q != "" {
		f.values["unit_id"] = q
	}
	h.renderUsers(w, r, http.StatusOK, f, r.URL.Query().Get("unit"))
}

func (h *Handler) renderUsers(w http.ResponseWriter, r *http.Request, status int, f *form, filter string) {
	ctx := r.Context()
	tree, err := h.Store.UnitTree(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	users, err := h.Store.Users(ctx)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &usersPage{Units: unitOptions(tree, 0), Roles: roleOptions()}
	if me := auth.UserFrom(ctx); me != nil {
		d.Me = me.ID
	}
	if filter != "" {
		id, err := strconv.ParseInt(filter, 10, 64)
		if err != nil || id <= 0 {
			h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "单位不存在"))
			return
		}
		if d.Filter, err = h.Store.Unit(ctx, id); err != nil {
			h.fail(w, r, err)
			return
		}
		users = slices.DeleteFunc(users, func(u *zhenggai.User) bool { return u.UnitID != id })
	}
	// In the order of the unit tree, then by login name.
	pos := make(map[int64]int, len(tree))
	for i, n := range tree {
		pos[n.ID] = i
	}
	slices.SortStableFunc(users, func(a, b *zhenggai.User) int {
		if c := pos[a.UnitID] - pos[b.UnitID]; c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	d.Users = users
	h.render(w, r, status, "admin_users", &page{Title: "用户管理", Nav: "admin", Data: d, Form: f.values, Errors: f.errMap()})
}

// CreateUser adds an account with a generated password, which the answer
// shows once: it is never stored, logged, or put in an address or cookie.
func (h *Handler) CreateUser(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	ctx := r.Context()
	f := newForm(r, "name", "display_name", "role", "unit_id")
	u := &zhenggai.User{Name: f.get("name"), DisplayName: f.get("display_name"), Role: zhenggai.Role(f.get("role")),
		UnitID: f.int64("unit_id", "所属单位"), MustChangePassword: true}
	f.merge(u.Validate())
	if f.valid() {
		password := auth.GeneratePassword()
		hash, err := auth.HashPassword(password)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		err = h.Store.CreateUser(ctx, u, hash)
		if err == nil {
			created, err := h.Store.User(ctx, u.ID)
			if err != nil {
				h.fail(w, r, err)
				return
			}
			h.render(w, r, http.StatusCreated, "admin_user_password", &page{Title: "已新建用户", Nav: "admin",
				Data: &passwordPage{User: created, Password: password}})
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderUsers(w, r, http.StatusUnprocessableEntity, f, "")
}

// EditUser shows the form of an account.
func (h *Handler) EditUser(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	u, err := h.Store.User(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderUserForm(w, r, http.StatusOK, u, &form{values: userValues(u), errs: &zhenggai.ValidationError{}}, nil)
}

func (h *Handler) renderUserForm(w http.ResponseWriter, r *http.Request, status int, u *zhenggai.User, f *form, c *formConflict) {
	tree, err := h.Store.UnitTree(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	persons, err := h.Store.Persons(r.Context(), u.UnitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := &userFormPage{User: u, Units: unitOptions(tree, 0), Roles: roleOptions(), Conflict: c, Persons: persons}
	if me := auth.UserFrom(r.Context()); me != nil && me.ID == u.ID {
		d.Self = true
	}
	h.render(w, r, status, "admin_user_form", &page{Title: "修改用户", Nav: "admin", Data: d, Form: f.values, Errors: f.errMap()})
}

// UpdateUser saves an account's name, role, unit and whether it is
// disabled, if nobody saved it since the form was opened. An
// administrator may neither disable himself nor give up his own role, so
// that the installation always keeps an administrator who can sign in.
func (h *Handler) UpdateUser(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	stored, err := h.Store.User(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, userEditFields...)
	f.values["name"] = stored.Name
	u := *stored
	u.Version = f.int64("version", "版本号")
	u.DisplayName = f.get("display_name")
	u.Role = zhenggai.Role(f.get("role"))
	u.UnitID = f.int64("unit_id", "所属单位")
	u.Disabled = f.get("disabled") != ""
	u.Email = f.get("email")
	u.Principal = f.get("principal") != ""
	u.PersonID = f.int64("person_id", "人员名册中的人员")
	f.merge(u.Validate())
	if me := auth.UserFrom(ctx); me != nil && me.ID == id {
		if u.Disabled {
			f.errs.Add("disabled", selfDisableMessage)
		}
		if u.Role.Valid() && u.Role != zhenggai.RoleAdmin {
			f.errs.Add("role", selfRoleMessage)
		}
	}
	if f.valid() {
		err := h.Store.UpdateUser(ctx, &u)
		if err == nil {
			redirect(w, r, "/admin/users", "已保存用户“"+zhenggai.Clip(u.DisplayName, 30)+"”（"+zhenggai.Clip(u.Name, 30)+"）")
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			cur, err2 := h.Store.User(ctx, id)
			if err2 != nil {
				h.fail(w, r, err2)
				return
			}
			show, err2 := h.userShow(r)
			if err2 != nil {
				h.fail(w, r, err2)
				return
			}
			c := newConflict(fmt.Sprintf("/admin/users/%d/edit", id), userLabels, userValues(cur), f.values, show)
			f.values["version"] = fmt.Sprint(cur.Version)
			h.renderUserForm(w, r, http.StatusConflict, cur, f, c)
			return
		}
		if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderUserForm(w, r, http.StatusUnprocessableEntity, stored, f, nil)
}

// userShow shows the values of the user form as people read them: roles
// and units by name, the disabled box as a state.
func (h *Handler) userShow(r *http.Request) (func(name, v string) string, error) {
	units, err := h.Store.Units(r.Context())
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, u := range units {
		names[fmt.Sprint(u.ID)] = u.Name
	}
	return func(name, v string) string {
		switch name {
		case "disabled":
			if v != "" {
				return "停用"
			}
			return "正常"
		case "role":
			if v != "" {
				return zhenggai.Role(v).Label()
			}
		case "unit_id":
			if n, ok := names[v]; ok {
				return n
			}
		}
		return formShowValue(name, v)
	}, nil
}

// ResetPassword gives an account a new generated password, shown once,
// which its owner must change at his next sign-in; the account's sessions
// end and its API tokens are revoked.
func (h *Handler) ResetPassword(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	u, err := h.Store.User(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	password := auth.GeneratePassword()
	hash, err := auth.HashPassword(password)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.Store.SetPassword(ctx, id, hash); err != nil {
		h.fail(w, r, err)
		return
	}
	d := &passwordPage{User: u, Password: password, Reset: true}
	if me := auth.UserFrom(ctx); me != nil && me.ID == id {
		d.Self = true
	}
	h.render(w, r, http.StatusOK, "admin_user_password", &page{Title: "已重置密码", Nav: "admin", Data: d})
}

// personIDValue is a linked person's id as the form holds it: "" for none.
func personIDValue(id int64) string {
	if id <= 0 {
		return ""
	}
	return fmt.Sprint(id)
}

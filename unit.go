package zhenggai

// Unit is an organisation: an inspected unit or an inspection office.
type Unit struct {
	ID       int64  `json:"id"`
	ParentID int64  `json:"parent_id,omitempty"`
	Name     string `json:"name"`
}

// Validate checks a unit before it is saved.
func (u *Unit) Validate() error {
	v := &ValidationError{}
	checkText(v, "name", "单位名称", u.Name, true, MaxName)
	if u.ParentID != 0 && u.ParentID == u.ID {
		v.Add("parent_id", "上级单位不能是本单位")
	}
	return v.Err()
}

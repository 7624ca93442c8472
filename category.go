package zhenggai

// Category is a problem heading of the feedback, e.g. (一)反馈问题:….
type Category struct {
	ID      int64  `json:"id"`
	UnitID  int64  `json:"unit_id"`
	RoundID int64  `json:"round_id"`
	Seq     int    `json:"seq"`
	Title   string `json:"title"`
	Version int64  `json:"version"`
}

// Validate checks a category before it is saved.
func (c *Category) Validate() error {
	v := &ValidationError{}
	if c.Seq < 1 || c.Seq > 999 {
		v.Add("seq", "序号须在1至999之间")
	}
	checkText(v, "title", "问题类别", c.Title, true, MaxTitle)
	return v.Err()
}

package zhenggai

// Period is a span of days with both ends included, such as a round's
// on-site inspection (进驻): 2020年5月11日至6月19日. Either end may be unset.
type Period struct {
	Start Date `json:"start"`
	End   Date `json:"end"`
}

// IsZero reports whether neither end is set.
func (p Period) IsZero() bool { return p.Start.IsZero() && p.End.IsZero() }

// Chinese writes the period the way offices do: 2020年5月11日至6月19日,
// the end without its year when it is the start's; the start alone when
// the end is unset, and "" without a start.
func (p Period) Chinese() string {
	switch {
	case p.Start.IsZero():
		return ""
	case p.End.IsZero():
		return p.Start.Chinese()
	}
	return p.Start.Chinese() + "至" + p.End.ChineseAfter(p.Start)
}

// check adds to v what is wrong with the period: either end not a valid
// date, or the end before the start. The fields and labels name the ends
// as the form does.
func (p Period) check(v *ValidationError, startField, startLabel, endField, endLabel string) {
	checkDate(v, startField, startLabel, p.Start, false)
	checkDate(v, endField, endLabel, p.End, false)
	if !p.Start.IsZero() && !p.End.IsZero() && p.Start.Valid() && p.End.Valid() && p.End.Before(p.Start) {
		v.Add(endField, endLabel+"不能早于"+startLabel)
	}
}

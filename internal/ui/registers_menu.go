package ui

// registerEntry is one register as the menu and the units'
// self-inspection page link it.
type registerEntry struct {
	Nav   string // the Nav of its list page
	Path  string // its list under the user's unit; a unit's is /units/{id} + Path
	Query string // added on a unit's link (/units/{id}/meetings?year=all)
	Label string
}

// registers are the unit's registers in the order the menu lists them:
// the one list the menu's 登记簿 group and /selfcheck/units read.
var registers = []registerEntry{
	{"meetings", "/meetings", "?year=all", "会议记录"},
	{"vouchers", "/vouchers", "", "财务凭证"},
	{"dues", "/dues", "", "党费"},
	{"proposals", "/proposals", "", "提案"},
	{"members", "/members", "", "政协委员"},
	{"suggestions", "/suggestions", "", "微建议和社情民意"},
	{"townships", "/townships", "", "乡镇联络组"},
	{"study", "/study", "", "理论学习"},
	{"travel", "/travel", "", "因私出国(境)"},
	{"retired", "/retired", "", "退休干部兼职"},
	{"archives", "/archives", "", "档案管理"},
	{"attendance", "/attendance", "", "考勤与请销假"},
}

// Registers are the menu's registers.
func (p *page) Registers() []registerEntry { return registers }

// InRegister is the register whose page this is, or nil.
func (p *page) InRegister() *registerEntry {
	for i := range registers {
		if registers[i].Nav == p.Nav {
			return &registers[i]
		}
	}
	return nil
}

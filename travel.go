package zhenggai

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Private travel documents (因私出国(境)证照): everyone in scope is
// registered (登记备案), his passports and passes are held by the unit,
// taken out for an approved trip and handed back after it (seed problem
// 30: "未建立单位其他国家公职人员因私出国(境)管理台账，也未对其因私出国(境)证件
// 进行集中管理").

// TravelDocKind is a kind of private travel document.
type TravelDocKind string

const (
	DocPassport TravelDocKind = "passport" // 护照
	DocHKMacao  TravelDocKind = "hkmacao"  // 往来港澳通行证
	DocTaiwan   TravelDocKind = "taiwan"   // 往来台湾通行证
)

// TravelDocKinds in the order forms offer them.
var TravelDocKinds = []TravelDocKind{DocPassport, DocHKMacao, DocTaiwan}

// Label is the Chinese name of k.
func (k TravelDocKind) Label() string {
	switch k {
	case DocPassport:
		return "护照"
	case DocHKMacao:
		return "往来港澳通行证"
	case DocTaiwan:
		return "往来台湾通行证"
	}
	return string(k)
}

// Valid reports whether k is a known kind.
func (k TravelDocKind) Valid() bool { return slices.Contains(TravelDocKinds, k) }

// ParseTravelDocKind reads a kind by its code or as offices write it.
func ParseTravelDocKind(s string) (TravelDocKind, bool) {
	s = strings.TrimSpace(s)
	switch {
	case s == "passport" || strings.Contains(s, "护照"):
		return DocPassport, true
	case s == "hkmacao" || strings.Contains(s, "港澳"):
		return DocHKMacao, true
	case s == "taiwan" || strings.Contains(s, "台湾") || strings.Contains(s, "赴台"):
		return DocTaiwan, true
	}
	return "", false
}

// TravelDocument is one document of a person, held centrally from
// HandedIn (交存日期; zero: never handed in).
type TravelDocument struct {
	Kind     TravelDocKind `json:"kind"`
	Number   string        `json:"number"`    // 证件号码
	IssuedOn Date          `json:"issued_on"` // 签发日期
	HandedIn Date          `json:"handed_in"` // 交由单位集中保管的日期
	Note     string        `json:"note,omitempty"`
}

// TravelTrip is one private trip abroad: its approval must come before
// it begins and name the document used.
type TravelTrip struct {
	Seq         int           `json:"seq"`         // 序号 among the person's trips, from 1
	Destination string        `json:"destination"` // 前往国家(地区)
	From        Date          `json:"from"`
	To          Date          `json:"to"`
	Reason      string        `json:"reason"`      // 事由
	ApprovedBy  string        `json:"approved_by"` // 审批人
	ApprovedOn  Date          `json:"approved_on"` // 审批日期
	Document    TravelDocKind `json:"document"`    // 使用证件
}

// TravelMove is one taking out of a held document (领取) and its return
// (收回): for Trip (its Seq; 0: no trip named).
type TravelMove struct {
	Document TravelDocKind `json:"document"`
	Trip     int           `json:"trip"`
	Out      Date          `json:"out"`  // 领取日期
	Back     Date          `json:"back"` // 交回日期; zero: still out
	Note     string        `json:"note,omitempty"`
}

// TravelPerson is one line of the ledger (《因私出国(境)登记备案人员管理台账》):
// a person in scope, since ScopeFrom (纳入管理 — his promotion to a rank in
// scope or the day he was added by hand), registered on RegisteredOn
// (登记备案; zero: not registered), with his documents, trips and the
// documents' moves.
type TravelPerson struct {
	ID           int64            `json:"id"`
	UnitID       int64            `json:"unit_id"`
	PersonID     int64            `json:"person_id,omitempty"`
	Name         string           `json:"name"`
	Rank         string           `json:"rank"`
	ScopeFrom    Date             `json:"scope_from"`
	ByHand       bool             `json:"by_hand"` // added to the scope by hand, not by rank
	RegisteredOn Date             `json:"registered_on"`
	Note         string           `json:"note"`
	Documents    []TravelDocument `json:"documents"`
	Trips        []TravelTrip     `json:"trips"`
	Moves        []TravelMove     `json:"moves"`
	Sample       bool             `json:"sample,omitempty"`
	Version      int64            `json:"version"`
	CreatedAt    time.Time        `json:"created_at"`
	Voided       bool             `json:"voided,omitempty"`
}

// Normalize trims what was typed and numbers the trips that have no Seq.
func (t *TravelPerson) Normalize() {
	t.Name, t.Rank, t.Note = strings.TrimSpace(t.Name), strings.TrimSpace(t.Rank), strings.TrimSpace(t.Note)
	next := 1
	for _, tr := range t.Trips {
		next = max(next, tr.Seq+1)
	}
	for i := range t.Trips {
		tr := &t.Trips[i]
		tr.Destination, tr.Reason, tr.ApprovedBy = strings.TrimSpace(tr.Destination), strings.TrimSpace(tr.Reason), strings.TrimSpace(tr.ApprovedBy)
		if tr.Seq == 0 {
			tr.Seq, next = next, next+1
		}
	}
	for i := range t.Documents {
		t.Documents[i].Number = strings.TrimSpace(t.Documents[i].Number)
	}
}

// Document is the person's document of kind k, nil for none.
func (t *TravelPerson) Document(k TravelDocKind) *TravelDocument {
	for i := range t.Documents {
		if t.Documents[i].Kind == k {
			return &t.Documents[i]
		}
	}
	return nil
}

// Trip is the person's trip numbered seq, nil for none.
func (t *TravelPerson) Trip(seq int) *TravelTrip {
	for i := range t.Trips {
		if t.Trips[i].Seq == seq {
			return &t.Trips[i]
		}
	}
	return nil
}

// Validate checks a ledger line before it is saved.
func (t *TravelPerson) Validate() error {
	v := &ValidationError{}
	if t.UnitID <= 0 {
		v.Add("unit_id", "请选择所属单位")
	}
	checkText(v, "name", "姓名", t.Name, true, MaxName)
	checkText(v, "rank", "职务/职级", t.Rank, false, MaxName)
	checkText(v, "note", "备注", t.Note, false, MaxTitle)
	checkDate(v, "scope_from", "纳入管理日期", t.ScopeFrom, true)
	checkDate(v, "registered_on", "登记备案日期", t.RegisteredOn, false)
	if len(t.Documents) > 10 || len(t.Trips) > 500 || len(t.Moves) > 1000 {
		v.Add("documents", "证照、出行或领取记录过多")
	}
	seen := map[TravelDocKind]bool{}
	for i, d := range t.Documents {
		f, label := fmt.Sprintf("documents.%d", i), fmt.Sprintf("证照第%d条", i+1)
		if !d.Kind.Valid() {
			v.Add(f+".kind", label+"的证件类别须为护照、往来港澳通行证或往来台湾通行证")
		} else if seen[d.Kind] {
			v.Add(f+".kind", label+"："+d.Kind.Label()+"已登记，每类证件登记一本")
		}
		seen[d.Kind] = true
		checkText(v, f+".number", label+"的证件号码", d.Number, true, 40)
		checkDate(v, f+".issued_on", label+"的签发日期", d.IssuedOn, true)
		checkDate(v, f+".handed_in", label+"的交存日期", d.HandedIn, false)
		checkText(v, f+".note", label+"的备注", d.Note, false, MaxTitle)
		if !d.HandedIn.IsZero() && d.HandedIn.Before(d.IssuedOn) {
			v.Add(f+".handed_in", fmt.Sprintf("%s的交存日期%s早于签发日期%s", label, d.HandedIn.Chinese(), d.IssuedOn.Chinese()))
		}
	}
	seqs := map[int]bool{}
	for i, tr := range t.Trips {
		f, label := fmt.Sprintf("trips.%d", i), fmt.Sprintf("出行第%d条", i+1)
		if seqs[tr.Seq] || tr.Seq < 0 {
			v.Add(f+".seq", fmt.Sprintf("%s的序号%d重复", label, tr.Seq))
		}
		seqs[tr.Seq] = true
		checkText(v, f+".destination", label+"的前往国家(地区)", tr.Destination, true, MaxName)
		checkText(v, f+".reason", label+"的事由", tr.Reason, false, MaxTitle)
		checkText(v, f+".approved_by", label+"的审批人", tr.ApprovedBy, false, MaxName)
		checkDate(v, f+".from", label+"的出发日期", tr.From, true)
		checkDate(v, f+".to", label+"的返回日期", tr.To, true)
		checkDate(v, f+".approved_on", label+"的审批日期", tr.ApprovedOn, false)
		if !tr.From.IsZero() && !tr.To.IsZero() && tr.To.Before(tr.From) {
			v.Add(f+".to", fmt.Sprintf("%s的返回日期%s早于出发日期%s", label, tr.To.Chinese(), tr.From.Chinese()))
		}
		if tr.Document != "" && !tr.Document.Valid() {
			v.Add(f+".document", label+"的使用证件须为护照、往来港澳通行证或往来台湾通行证")
		}
	}
	for i, m := range t.Moves {
		f, label := fmt.Sprintf("moves.%d", i), fmt.Sprintf("领取登记第%d条", i+1)
		if !m.Document.Valid() {
			v.Add(f+".document", label+"的证件类别须为护照、往来港澳通行证或往来台湾通行证")
		} else if t.Document(m.Document) == nil {
			v.Add(f+".document", label+"："+m.Document.Label()+"未登记")
		}
		if m.Trip != 0 && t.Trip(m.Trip) == nil {
			v.Add(f+".trip", fmt.Sprintf("%s：出行第%d条不存在", label, m.Trip))
		}
		checkDate(v, f+".out", label+"的领取日期", m.Out, true)
		checkDate(v, f+".back", label+"的交回日期", m.Back, false)
		checkText(v, f+".note", label+"的备注", m.Note, false, MaxTitle)
		if !m.Back.IsZero() && m.Back.Before(m.Out) {
			v.Add(f+".back", fmt.Sprintf("%s的交回日期%s早于领取日期%s", label, m.Back.Chinese(), m.Out.Chinese()))
		}
	}
	return v.Err()
}

// HandInDue is the last day a document may be handed in: days after its
// issue or after its holder came into scope, whichever is later, moved
// past days off on the unit's work calendar (cal nil: the built-in one).
func HandInDue(d TravelDocument, scopeFrom Date, days int, cal *WorkCalendar) Date {
	from := d.IssuedOn
	if from.Before(scopeFrom) {
		from = scopeFrom
	}
	return cal.DueDay(from, days)
}

// ReturnDue is the last day a document taken out for a trip ending on end
// may come back: days after it, moved past days off on the unit's work
// calendar (cal nil: the built-in one).
func ReturnDue(end Date, days int, cal *WorkCalendar) Date {
	return cal.DueDay(end, days)
}

// InTravelScope reports whether a roster person falls in the scope a
// setting lists: an item names a kind (its code or Chinese name: 领导班子成员,
// 干部职工) or a word of the rank (县处级, 科级).
func InTravelScope(p *Person, scope []string) bool {
	if p.Voided {
		return false
	}
	for _, s := range scope {
		if s == string(p.Kind) || s == p.Kind.Label() || (p.Rank != "" && strings.Contains(p.Rank, s)) {
			return true
		}
	}
	return false
}

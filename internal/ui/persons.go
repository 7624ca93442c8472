package ui

import (
	"fmt"
	"net/http"

	"zhenggai"
)

// personsPage is the data of persons.html: a unit's roster (人员名册) and
// the form adding a person, or editing one (Editing).
type personsPage struct {
	Unit     *zhenggai.Unit
	Persons  []*zhenggai.Person
	Kinds    []kindOption
	Editing  *zhenggai.Person
	Conflict *formConflict
}

// kindOption is a person's kind in a select, by its Chinese name.
type kindOption struct{ Value, Label string }

func personKindOptions() []kindOption {
	out := make([]kindOption, 0, len(zhenggai.PersonKinds))
	for _, k := range zhenggai.PersonKinds {
		out = append(out, kindOption{string(k), k.Label()})
	}
	return out
}

var personFields = []string{"name", "kind", "rank", "party", "phone", "note", "version"}

var personLabels = []formLabel{{"name", "姓名"}, {"kind", "人员类别"}, {"rank", "职务/职级"}, {"party", "政治面貌"},
	{"phone", "联系电话"}, {"note", "备注"}}

func personValues(p *zhenggai.Person) map[string]string {
	return map[string]string{"name": p.Name, "kind": string(p.Kind), "rank": p.Rank, "party": p.Party,
		"phone": p.Phone, "note": p.Note, "version": fmt.Sprint(p.Version)}
}

// readPerson fills p from the form.
func readPerson(f *form, p *zhenggai.Person) {
	p.Name, p.Kind, p.Rank = f.get("name"), zhenggai.PersonKind(f.get("kind")), f.get("rank")
	p.Party, p.Phone, p.Note = f.get("party"), f.get("phone"), f.get("note")
}

// ListPersons shows a unit's roster and the form adding a person.
func (h *Handler) ListPersons(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	f := &form{values: map[string]string{"kind": string(zhenggai.PersonStaff)}, errs: &zhenggai.ValidationError{}}
	h.renderPersons(w, r, http.StatusOK, id, nil, f, nil)
}

// CreatePerson adds a person to the unit's roster.
func (h *Handler) CreatePerson(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, personFields...)
	p := &zhenggai.Person{UnitID: id}
	readPerson(f, p)
	if err := h.Store.SavePerson(r.Context(), p); err == nil {
		redirect(w, r, fmt.Sprintf("/units/%d/persons", id), "已将“"+p.Name+"”加入人员名册")
		return
	} else if err := f.merge(err); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderPersons(w, r, http.StatusUnprocessableEntity, id, nil, f, nil)
}

// EditPerson shows the roster with one person's form.
func (h *Handler) EditPerson(w http.ResponseWriter, r *http.Request) {
	p, ok := h.personOf(w, r)
	if !ok {
		return
	}
	h.renderPersons(w, r, http.StatusOK, p.UnitID, p, &form{values: personValues(p), errs: &zhenggai.ValidationError{}}, nil)
}

// UpdatePerson saves a person, if nobody saved him since the form was
// opened.
func (h *Handler) UpdatePerson(w http.ResponseWriter, r *http.Request) {
	stored, ok := h.personOf(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	f := newForm(r, personFields...)
	p := *stored
	p.Version = f.int64("version", "版本号")
	readPerson(f, &p)
	if f.valid() {
		err := h.Store.SavePerson(ctx, &p)
		if err == nil {
			redirect(w, r, fmt.Sprintf("/units/%d/persons", p.UnitID), "已保存")
			return
		}
		if zhenggai.ErrorCode(err) == zhenggai.ECONFLICT {
			cur, err2 := h.Store.Person(ctx, p.ID)
			if err2 != nil {
				h.fail(w, r, err2)
				return
			}
			if isStale(err, p.Version, cur.Version) {
				cf := newConflict(fmt.Sprintf("/persons/%d/edit", p.ID), personLabels, personValues(cur), f.values, nil)
				f.values["version"] = fmt.Sprint(cur.Version)
				h.renderPersons(w, r, http.StatusConflict, p.UnitID, cur, f, cf)
				return
			}
			h.fail(w, r, err) // voided meanwhile
			return
		} else if err := f.merge(err); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	h.renderPersons(w, r, http.StatusUnprocessableEntity, p.UnitID, stored, f, nil)
}

func (h *Handler) personOf(w http.ResponseWriter, r *http.Request) (*zhenggai.Person, bool) {
	id, ok := h.pathID(w, r)
	if !ok {
		return nil, false
	}
	p, err := h.Store.Person(r.Context(), id)
	if err == nil && p.Voided {
		err = zhenggai.Errorf(zhenggai.ENOTFOUND, "该人员已作废")
	}
	if err != nil {
		h.fail(w, r, err)
		return nil, false
	}
	return p, true
}

func (h *Handler) renderPersons(w http.ResponseWriter, r *http.Request, status int, unitID int64, editing *zhenggai.Person, f *form, c *formConflict) {
	ctx := r.Context()
	u, err := h.Store.Unit(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.Persons(ctx, unitID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "persons", &page{Title: "人员名册", Nav: "persons",
		Data: &personsPage{Unit: u, Persons: list, Kinds: personKindOptions(), Editing: editing, Conflict: c},
		Form: f.values, Errors: f.errMap()})
}

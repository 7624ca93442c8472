package ui

import (
	"errors"
	"fmt"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/auth"
)

// StepProposal takes one step of a proposal's cycle from its page: the
// form says the part (actor) and the action; the part must be the
// viewer's (a handling unit acts for its own unit, a proposer as himself),
// and the store decides whether the step is one the cycle has now. A
// reply's letter is uploaded with it into the evidence store.
func (h *Handler) StepProposal(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, parts, ok := h.proposalOf(w, r)
	if !ok {
		return
	}
	back := fmt.Sprintf("/proposals/%d", p.ID)
	r.Body = http.MaxBytesReader(w, r.Body, attach.MaxSize+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		redirectRefused(w, r, back, "未能办理", zhenggai.Errorf(zhenggai.EINVALID, "表单过大（文件最大32MB）或上传不完整"))
		return
	}
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	actor := zhenggai.ProposalActor(r.FormValue("actor"))
	in, f := readProposalStep(r)
	what := "未能" + in.Action.Label()
	if !parts.Actor(actor) {
		redirectRefused(w, r, back, what, zhenggai.Errorf(zhenggai.EFORBID, "您不能以%s的身份办理该提案", actor.Label()))
		return
	}
	if !f.valid() {
		redirectRefused(w, r, back, what, f.errs)
		return
	}
	u := auth.UserFrom(ctx)
	in.ByPerson, in.ByUnit = u.PersonID, parts.Handler
	if in.Action == zhenggai.ActReply {
		if fh := proposalFile(r, "letter"); fh != nil {
			sum, name, err := h.keepProposalFile(r, p.UnitID, fh)
			if err != nil {
				if zhenggai.ErrorCode(err) == "" {
					h.fail(w, r, err)
					return
				}
				redirectRefused(w, r, back, what, err)
				return
			}
			in.LetterSHA256, in.LetterName = sum, name
		}
	}
	version, _ := strconv.ParseInt(r.FormValue("version"), 10, 64)
	switch _, err := h.Store.ProposalStep(ctx, p.ID, version, actor, in); zhenggai.ErrorCode(err) {
	case "":
		redirect(w, r, back, "已"+in.Action.Label()+"。")
	case zhenggai.EINVALID, zhenggai.ECONFLICT, zhenggai.EFORBID, zhenggai.ENOTFOUND:
		redirectRefused(w, r, back, what, err)
	default:
		h.fail(w, r, err)
	}
}

// readProposalStep reads a step's form; what cannot be read is named in
// the form's errors.
func readProposalStep(r *http.Request) (*zhenggai.ProposalStepInput, *form) {
	f := &form{values: map[string]string{}, errs: &zhenggai.ValidationError{}}
	for _, k := range []string{"action", "on", "note", "number", "ground", "merge_into", "converted_to", "consent_on", "assignment_id",
		"class", "summary", "person_id", "result", "extend_to", "key_leader_id", "handler_names"} {
		f.values[k] = strings.TrimSpace(r.FormValue(k))
	}
	in := &zhenggai.ProposalStepInput{
		Action: zhenggai.ProposalAction(f.get("action")), On: f.date("on", "日期"), Note: f.get("note"), Number: f.get("number"),
		Ground: f.get("ground"), MergeInto: f.int64("merge_into", "主提案"), ConvertedTo: f.get("converted_to"),
		ConsentOn: f.date("consent_on", "提案者同意的日期"), AssignmentID: f.int64("assignment_id", "承办单位"),
		Class: zhenggai.ReplyClass(f.get("class")), Summary: f.get("summary"), PersonID: f.int64("person_id", "提案人"),
		Result: zhenggai.FeedbackResult(f.get("result")), ExtendTo: f.date("extend_to", "延期至"),
		KeyLeaderID: f.int64("key_leader_id", "督办领导"),
	}
	// 交办: units of the program chosen (the first the lead unit), then
	// names typed, one a line, for units outside it.
	for _, v := range r.Form["handler_unit"] {
		if id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil && id > 0 {
			in.Handlers = append(in.Handlers, zhenggai.ProposalAssignment{HandlerUnitID: id})
		}
	}
	for _, name := range strings.Split(f.get("handler_names"), "\n") {
		if name = strings.TrimSpace(name); name != "" {
			in.Handlers = append(in.Handlers, zhenggai.ProposalAssignment{Handler: name})
		}
	}
	if len(in.Handlers) > 50 {
		in.Handlers = in.Handlers[:50]
	}
	// The feedback form's questions: q.N with a.N.
	for i := 0; i < 50; i++ {
		q, a := strings.TrimSpace(r.FormValue(fmt.Sprintf("q.%d", i))), strings.TrimSpace(r.FormValue(fmt.Sprintf("a.%d", i)))
		if q == "" {
			break
		}
		if a != "" {
			if in.Answers == nil {
				in.Answers = map[string]string{}
			}
			in.Answers[zhenggai.Clip(q, 100)] = a
		}
	}
	return in, f
}

// proposalFile is the one file of a field, nil when none was chosen.
func proposalFile(r *http.Request, field string) *multipart.FileHeader {
	if r.MultipartForm == nil {
		return nil
	}
	files := r.MultipartForm.File[field]
	if len(files) == 0 || files[0].Size == 0 {
		return nil
	}
	return files[0]
}

// keepProposalFile keeps an uploaded file in the evidence store, within
// the unit's quota: its SHA-256 and its clean name. A refusal is a
// domain error; anything else a failure.
func (h *Handler) keepProposalFile(r *http.Request, unitID int64, fh *multipart.FileHeader) (string, string, error) {
	a, err := h.keepFile(r, unitID, fh)
	if err != nil {
		return "", "", err
	}
	return a.SHA256, a.Name, nil
}

// keepFile keeps an uploaded file in the evidence store (size, content
// and the unit's quota checked): its sum, clean name and the type its
// content shows (never the browser's word for it).
func (h *Handler) keepFile(r *http.Request, unitID int64, fh *multipart.FileHeader) (zhenggai.Attachment, error) {
	if fh.Size > attach.MaxSize {
		return zhenggai.Attachment{}, zhenggai.Errorf(zhenggai.EINVALID, "文件过大，最大32MB")
	}
	if err := attach.CheckFile(fh); err != nil {
		return zhenggai.Attachment{}, err
	}
	sum, err := attach.Sum(fh)
	if err != nil {
		return zhenggai.Attachment{}, err
	}
	if err := h.Store.CheckEvidenceQuota(r.Context(), unitID, []zhenggai.Attachment{sum}); err != nil {
		return zhenggai.Attachment{}, err
	}
	a, err := h.Files.Keep(fh)
	if errors.Is(err, attach.ErrTooLarge) {
		return zhenggai.Attachment{}, zhenggai.Errorf(zhenggai.EINVALID, "文件过大，最大32MB")
	}
	if err != nil {
		return zhenggai.Attachment{}, err
	}
	a.Name = attach.CleanName(fh.Filename)
	return a, nil
}

package api

import (
	"net/http"
	"strconv"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// signInListJSON answers GET /api/v1/sign-ins.
type signInListJSON struct {
	UnitID  int64             `json:"unit_id"`
	From    zhenggai.Date     `json:"from"`
	To      zhenggai.Date     `json:"to"`
	SignIns []zhenggai.SignIn `json:"sign_ins"`
}

// ListSignIns is GET /api/v1/sign-ins?from=&to=&person_id=: the caller's
// unit's sign-ins (first_in and last_out in minutes after midnight, -1
// none), by day and person; from defaults to the first of this month.
func (h *Handler) ListSignIns(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := &zhenggai.ValidationError{}
	date := func(k string) zhenggai.Date {
		d, err := zhenggai.ParseDate(q.Get(k))
		if err != nil || !d.Valid() {
			v.Add(k, k+" 须为日期，如 2020-07-28")
		}
		return d
	}
	today := zhenggai.Today()
	sq := store.SignInQuery{UnitID: auth.UserFrom(r.Context()).UnitID, From: date("from"), To: date("to")}
	if sq.From.IsZero() {
		sq.From = zhenggai.NewDate(today.Year(), today.Month(), 1)
	}
	if p := q.Get("person_id"); p != "" {
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil || n <= 0 {
			v.Add("person_id", "person_id 须为正整数")
		}
		sq.PersonID = n
	}
	if err := v.Err(); err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.SignIns(r.Context(), sq)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if list == nil {
		list = []zhenggai.SignIn{}
	}
	writeJSON(w, http.StatusOK, signInListJSON{UnitID: sq.UnitID, From: sq.From, To: sq.To, SignIns: list})
}

func init() {
	apiOps["GET /api/v1/sign-ins"] = apiOp{summary: "本单位的签到记录（考勤）：每人每天一条，first_in、last_out 为当天最早、最晚打卡（零点起的分钟数，-1 为无）",
		response: (*signInListJSON)(nil), query: []apiParam{{"from", "string", "起始日期，默认本月1日"}, {"to", "string", "截止日期"},
			{"person_id", "integer", "只列此人"}}}
	apiOps["POST /api/v1/sign-ins/import"] = apiOp{summary: "导入考勤机或办公软件导出的考勤表（Excel 或 CSV，最大64MB）：每人每天一行（姓名、日期、上班打卡、下班打卡）、每次打卡一行（姓名、打卡时间）或每人一行每天一列的月度汇总（年月取自表头上方的标题或完整日期的表头；“正常”“√”为已签到、first_in 和 last_out 均为-1）；姓名须对应人员名册中的一人；替换表中各人在表中各日期已有的签到记录，一个事务；有错误的行为422（fields 逐行列出），不写入任何内容；dry_run=1 时只检查（200）",
		response: (*store.SignInImportResult)(nil), created: true, raw: []string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"},
		query: []apiParam{{"dry_run", "string", "为1时只检查不导入"}, {"name", "string", "文件名，用于记录"}}}
	apiOps["GET /api/v1/leaves"] = apiOp{summary: "本单位的请假记录（请销假），新者在前", response: (*leaveListJSON)(nil),
		query: []apiParam{{"year", "integer", "年度"}, {"state", "string", "pending 待批准、out 已批准未销假、returned 已销假"}}}
	apiOps["POST /api/v1/leaves"] = apiOp{summary: "登记请假：请假人按姓名对应人员名册；kind 为 personal 事假、sick 病假、annual 年休假、marriage 婚假、maternity 产假、funeral 丧假、family 探亲假、trip 公差、other 其他",
		request: (*leaveRequest)(nil), response: (*zhenggai.Leave)(nil), created: true}
	apiOps["GET /api/v1/leaves/{id}"] = apiOp{summary: "一条请假记录", response: (*zhenggai.Leave)(nil)}
	apiOps["PUT /api/v1/leaves/{id}"] = apiOp{summary: "修改请假记录（整条替换，须带当前 version）", request: (*leaveUpdateRequest)(nil), response: (*zhenggai.Leave)(nil)}
	apiOps["POST /api/v1/leaves/{id}/approve"] = apiOp{summary: "批准请假（须带当前 version；approved_by 缺省为本人，approved_on 缺省为今天）；已批准为409",
		request: (*leaveApproveRequest)(nil), response: (*zhenggai.Leave)(nil)}
	apiOps["POST /api/v1/leaves/{id}/return"] = apiOp{summary: "销假（须带当前 version；returned_on 缺省为今天）；未批准为422，已销假为409",
		request: (*leaveReturnRequest)(nil), response: (*zhenggai.Leave)(nil)}
	apiOps["POST /api/v1/leaves/{id}/void"] = apiOp{summary: "作废请假记录（须写明理由 reason）；已作废为409", response: (*voidJSON)(nil)}
	apiOps["POST /api/v1/leaves/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的请假记录；未作废为409", response: (*voidJSON)(nil)}
}

package api

import (
	"encoding"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
)

// The OpenAPI document of the API is built from the route table (the
// paths, methods and who may call them) and from the Go types the
// handlers read and write (the schemas, by reflection), with a line of
// Chinese per operation from apiOps below: nothing is written twice, so
// the document cannot drift from the program. A test checks that every
// API route has its line and that real answers fit their schemas.

// apiOp is what the route table does not say about an operation.
type apiOp struct {
	summary  string
	request  any // the JSON body's type, as a nil pointer; nil for none
	response any // the JSON answer's type, as a nil pointer; nil for none
	created  bool
	query    []apiParam
	// file is the media type of an answer that is a file, not JSON.
	file string
	// multipart lets the body come as a multipart form instead (files).
	multipart string
	// raw is the media types of a body that is not JSON.
	raw []string
}

type apiParam struct{ name, typ, desc string }

var closeOp = func(what string) apiOp {
	return apiOp{summary: what, request: (*closeRequest)(nil), response: (*zhenggai.CloseStep)(nil)}
}

// apiOps has every API route of the route table but the catch-all.
var apiOps = map[string]apiOp{
	"GET /api/v1/openapi.json": {summary: "本文档（OpenAPI 3.1），无须登录"},
	"GET /api/v1/opinions": {summary: "本人所办单位（巡察办：下级单位）的群众意见建议，未办结的在前，新者在前；含答复期限及其颜色",
		response: (*opinionListJSON)(nil), query: []apiParam{{"status", "string", "new、assigned、review、answered 或 closed，只列该状态"}}},
	"GET /api/v1/opinions/{id}": {summary: "一条意见建议；承办人（责任领导、责任人）看不到姓名和联系方式", response: (*opinionJSON)(nil)},
	"POST /api/v1/opinions/{id}/assign": {summary: "指定承办人：本单位管理员，或该问题的责任领导、责任人；承办人收到消息",
		request: (*opinionAssignRequest)(nil), response: (*opinionJSON)(nil)},
	"POST /api/v1/opinions/{id}/draft": {summary: "承办人拟写答复，提交单位管理员审核（审核前不公开）",
		request: (*opinionDraftRequest)(nil), response: (*opinionJSON)(nil)},
	"POST /api/v1/opinions/{id}/approve": {summary: "单位管理员同意拟答复，作为答复；publish 为 true 时在公开的报告页面显示",
		request: (*opinionApproveRequest)(nil), response: (*opinionJSON)(nil)},
	"POST /api/v1/opinions/{id}/return": {summary: "单位管理员退回拟答复（须写明理由），承办人收到消息",
		request: (*opinionReturnRequest)(nil), response: (*opinionJSON)(nil)},
	"POST /api/v1/opinions/{id}/answer": {summary: "单位管理员直接答复；publish 为 true 时在公开的报告页面显示",
		request: (*opinionAnswerRequest)(nil), response: (*opinionJSON)(nil)},
	"POST /api/v1/opinions/{id}/close": {summary: "办结意见建议", request: (*opinionCloseRequest)(nil), response: (*opinionJSON)(nil)},
	"GET /api/v1/rounds": {summary: "可见的巡察轮次，反馈日期新者在前，分页", response: (*roundListJSON)(nil),
		query: []apiParam{{"page", "integer", "页码，从1开始"}, {"per_page", "integer", "每页条数，1至500，默认100"}}},
	"POST /api/v1/rounds":            {summary: "新建巡察轮次", request: (*roundRequest)(nil), response: (*roundJSON)(nil), created: true},
	"GET /api/v1/rounds/{id}":        {summary: "巡察轮次及其统计（问题数、各状态数、完成率、预警、公布数与实际数的比对）", response: (*roundJSON)(nil)},
	"PUT /api/v1/rounds/{id}":        {summary: "修改巡察轮次（须带当前 version）", request: (*roundUpdateRequest)(nil), response: (*roundJSON)(nil)},
	"GET /api/v1/rounds/{id}/ledger": {summary: "整改台账：问题类别、具体问题、整改措施及其状态和预警", response: (*ledgerJSON)(nil)},
	"GET /api/v1/rounds/{id}/ledger.xlsx": {summary: "整改台账 Excel 文件（与页面导出相同）",
		file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	"GET /api/v1/rounds/{id}/categories":  {summary: "巡察轮次的问题类别", response: (*categoryListJSON)(nil)},
	"POST /api/v1/rounds/{id}/categories": {summary: "新建问题类别", request: (*categoryRequest)(nil), response: (*categoryJSON)(nil), created: true},
	"GET /api/v1/categories/{id}":         {summary: "问题类别", response: (*categoryJSON)(nil)},
	"PUT /api/v1/categories/{id}":         {summary: "修改问题类别（须带当前 version）", request: (*categoryUpdateRequest)(nil), response: (*categoryJSON)(nil)},
	"GET /api/v1/rounds/{id}/problems":    {summary: "巡察轮次的具体问题及其状态、预警", response: (*problemListJSON)(nil)},
	"POST /api/v1/rounds/{id}/problems":   {summary: "新建具体问题", request: (*problemRequest)(nil), response: (*problemDetailJSON)(nil), created: true},
	"GET /api/v1/problems/{id}":           {summary: "具体问题及其整改措施", response: (*problemDetailJSON)(nil)},
	"PUT /api/v1/problems/{id}":           {summary: "修改具体问题（须带当前 version）", request: (*problemUpdateRequest)(nil), response: (*problemDetailJSON)(nil)},
	"GET /api/v1/problems/{id}/measures":  {summary: "具体问题的整改措施", response: (*measureListJSON)(nil)},
	"POST /api/v1/problems/{id}/measures": {summary: "新建整改措施", request: (*measureRequest)(nil), response: (*measureJSON)(nil), created: true},
	"GET /api/v1/measures/{id}":           {summary: "整改措施", response: (*measureJSON)(nil)},
	"PUT /api/v1/measures/{id}":           {summary: "修改整改措施（须带当前 version）", request: (*measureUpdateRequest)(nil), response: (*measureJSON)(nil)},
	"PUT /api/v1/measures/{id}/status":    {summary: "改变整改措施的完成情况（须带当前 version；已完成只能由验收销号产生）", request: (*measureStatusRequest)(nil), response: (*measureJSON)(nil)},
	"GET /api/v1/problems/{id}/progress":  {summary: "具体问题的整改进展，日期新者在前", response: (*progressListJSON)(nil)},
	"POST /api/v1/measures/{id}/progress": {summary: "报送整改进展；佐证材料以 multipart 表单的 files 字段上传", request: (*progressRequest)(nil),
		response: (*progressJSON)(nil), created: true, multipart: "files"},
	"POST /api/v1/measures/{id}/close/request": closeOp("责任人申请销号（须已报送附有佐证材料的进展）"),
	"POST /api/v1/measures/{id}/close/approve": closeOp("责任领导同意销号；问题的全部措施都同意后自动报巡察办验收；措施的验证规则（proof_rules）在反馈以来的台账中仍发现问题的，不能同意（409）"),
	"POST /api/v1/measures/{id}/close/return":  closeOp("责任领导退回销号申请（须写明理由 reason）"),
	"GET /api/v1/problems/{id}/closing":        {summary: "具体问题的销号状态和全部销号记录", response: (*closingJSON)(nil)},
	"POST /api/v1/problems/{id}/close/accept":  closeOp("上级巡察办验收通过，予以销号"),
	"POST /api/v1/problems/{id}/close/reject":  closeOp("上级巡察办不予验收（须写明理由 reason）"),
	"POST /api/v1/problems/{id}/close/reopen":  closeOp("单位管理员重新打开已销号的问题（须写明理由 reason）"),
	"POST /api/v1/rounds/{id}/recorded/accept": {summary: "上级巡察办按原台账记载批量验收销号（须写明理由 reason；problem_ids 不填为本轮次全部待验收的原台账记载问题），返回每个问题的销号记录",
		request: (*recordedAcceptRequest)(nil), response: (*recordedAcceptJSON)(nil)},
	"PUT /api/v1/account/password": {summary: "修改本人的密码（须给出当前密码）；本人的网页登录随即失效，API 令牌不受影响",
		request: (*passwordRequest)(nil), response: (*passwordJSON)(nil)},
	"GET /api/v1/tasks": {summary: "我的任务：本人作为责任领导或责任人的整改措施（按预警和时限排序），待我审核的销号申请、近7天报送的进展，交办给我的意见建议", response: (*tasksJSON)(nil)},
	"GET /api/v1/search": {summary: "关键词搜索：在可见单位的具体问题、整改措施（有权查看的还有意见建议）中查找包含关键词的内容，一两个字也可；每类最多200条", response: (*searchJSON)(nil),
		query: []apiParam{{"q", "string", "关键词，最多50个字"}}},
	"GET /api/v1/selfcheck": {summary: "自查：用全部自查规则检查单位的会议记录、财务凭证和党费登记簿，返回发现的问题（与 zhenggai check --json 相同）", response: (*selfcheckJSON)(nil),
		query: []apiParam{{"unit", "integer", "单位编号，不给时为本单位"}, {"from", "string", "自查期间的起始日期，如 2016-01-01"}, {"to", "string", "截止日期，如 2020-12-31"}}},
	"POST /api/v1/selfcheck/round": {summary: "把选中的自查问题（keys，或 all）生成自查整改轮次：按方面分类，每个问题一个具体问题，涉及的记录作为佐证；返回新轮次",
		request: (*selfcheckRoundRequest)(nil), response: (*zhenggai.Round)(nil), created: true},
	"GET /api/v1/inbox": {summary: "本人的消息，新者在前，最多200条", response: (*inboxJSON)(nil),
		query: []apiParam{{"unread", "string", "为1时只列未读消息"}}},
	"POST /api/v1/imports": {summary: "导入整改进展报告（UTF-8 文本）或整改台账（Excel），新建巡察轮次；dry_run=1 时只返回识别结果（200），不写入",
		response: (*importJSON)(nil), created: true, raw: []string{"text/plain", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		query: []apiParam{{"dry_run", "string", "为1时只识别不导入，返回 Imported"},
			{"unit_mine", "string", "为1时确认报告所写的单位即本单位（单位管理员），该名称记为本单位的别名"},
			{"unit_parent", "string", "报告所写的单位尚未登记时，其上级单位的编号（系统管理员）"}}},
	"POST /api/v1/publications/{id}/republish": {summary: "按原截止日期重新起草公开中的整改进展情况（不含此后不予公开的具体问题；具体问题的 still_published 列出需要这样做的报告），返回新草稿；提交并经审核同意后公开，原报告同时撤回",
		response: (*publicationJSON)(nil), created: true},
	"POST /api/v1/rounds/{id}/publications": {summary: "起草截至 as_of 的整改进展情况报告（草稿，不公开），返回草稿及其预警 warnings",
		request: (*createPublication)(nil), response: (*publicationJSON)(nil), created: true},
	"POST /api/v1/publications/{id}/submit": {summary: "起草人将草稿或被退回的报告提交审核", response: (*publicationJSON)(nil)},
	"POST /api/v1/publications/{id}/approve": {summary: "审核人（本单位主要负责人，或按设置为上级巡察办；不能是起草人）审核同意，报告公开",
		response: (*publicationJSON)(nil)},
	"POST /api/v1/publications/{id}/return": {summary: "审核人退回待审核的报告（须写明原因 reason）",
		request: (*closeRequest)(nil), response: (*publicationJSON)(nil)},
	"GET /api/v1/history/{entity}/{id}": {summary: historySummary(), response: (*historyJSON)(nil)},
	"GET /api/v1/dues": {summary: "本单位党费：每名党员的类别、该年度缴费基数和12个月的应交（至本月）与实交，金额单位为分；short 为少交或未交的月份",
		response: (*duesListJSON)(nil), query: []apiParam{{"year", "integer", "年度，默认今年"}}},
	"POST /api/v1/dues/import": {summary: "导入支部的党费缴纳表（Excel 或 CSV，最大4MB）：表中涉及的党员、年度基数和月份以表为准，一个事务；有错误的行为422（fields 逐行列出），不写入任何内容；dry_run=1 时只返回将导入的内容（200）",
		response: (*store.DuesImportResult)(nil), created: true, raw: []string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"},
		query: []apiParam{{"dry_run", "string", "为1时只检查不导入"}, {"name", "string", "文件名，用于错误信息（CSV）"}}},
	"GET /api/v1/dues/calculate": {summary: "按中组发〔2008〕3号计算每月应交党费：比例、档次、计算过程和金额（due 为元，due_fen 为分）；基数全额按一个比例，不累进",
		response: (*zhenggai.DuesCalculation)(nil), query: []apiParam{{"kind", "string", "in_service、retired、student、unemployed、dibao 或 farmer"},
			{"base", "string", "每月缴费基数（元），在职和离退休必填"}, {"fixed", "string", "农民党员每月固定交纳额（元，0.20至1.00）"},
			{"rounding", "string", "half_up（默认，四舍五入到分）或 down"}}},
	"GET /api/v1/vouchers": {summary: "财务凭证（不含分录），按会计期间、凭证字号排列，可筛选，分页；total、debit 为筛选结果的张数和借方合计（分）",
		response: (*store.VoucherPage)(nil), query: []apiParam{{"unit", "integer", "单位编号，缺省为本人单位"},
			{"period", "string", "会计期间，如 2019-03"}, {"ref", "string", "凭证字号，如 记-15"}, {"q", "string", "摘要中含有的文字"},
			{"min", "string", "金额（借方合计）不少于，元"}, {"no_approver", "string", "为1时只列无审核人的凭证"},
			{"no_attachments", "string", "为1时只列附单据数为0的凭证"}, {"limit", "integer", "每页张数，缺省100，最多1000"},
			{"offset", "integer", "跳过的张数"}}},
	"GET /api/v1/vouchers/{id}": {summary: "一张财务凭证：分录、支出金额（费用类科目借方，无则预算支出类科目借方）、关联的会议决策及建议关联的大额资金事项",
		response: (*voucherJSON)(nil)},
	"PUT /api/v1/vouchers/{id}/link": {summary: "将凭证关联到决定该笔支出的会议议题（大额资金事项），decision_item_id 为0时取消关联；记入修改记录",
		request: (*voucherLinkRequest)(nil), response: (*voucherJSON)(nil)},
	"POST /api/v1/vouchers/import": {summary: "导入会计软件导出的序时账（.xlsx 或 CSV，multipart 字段 file）：文件中的会计期间整期替换已导入的凭证；有错误的行全部列出（422，rows），不写入任何内容；dry_run=1 时只检查",
		response: (*voucherImportJSON)(nil), created: true, raw: []string{"multipart/form-data"},
		query: []apiParam{{"unit", "integer", "单位编号，缺省为本人单位"}, {"dry_run", "string", "为1时只检查不导入"}}},
	"GET /api/v1/proposals/stats": {summary: "本单位一个届次或一个年度的提案统计（由登记簿计算）：收到、立案、不予立案、并案、转意见建议、答复、按期答复、答复类别、收回的征询意见表及满意、基本满意、不满意；每个比率给出分子、分母和口径（over），以及报告可用的表述（sentences）",
		response: (*proposalStatsJSON)(nil), query: []apiParam{{"session", "string", "届次，如 九届四次"}, {"year", "integer", "年度；两者都不给时为最近的届次（无届次时为最近的年度）"}}},
	"POST /api/v1/proposals/import": {summary: "导入提案名单（Excel 或 CSV，最大16MB，一行一件提案）：写入提案、提案人与联名人、承办单位、经审核的答复和征询意见表，状态按该行内容确定，一个事务；同一届次已有的提案号、有错误的行为422（fields 逐行列出），不写入任何内容；dry_run=1 时只返回将导入的内容（200）",
		response: (*proposalImportJSON)(nil), created: true, raw: []string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"},
		query: []apiParam{{"dry_run", "string", "为1时只检查不导入"}, {"name", "string", "文件名，用于记录和错误信息"}}},
}

// The void and restore operations of each kind of record, by its path.
func init() {
	for _, k := range []struct{ path, label string }{{"rounds", "巡察轮次"}, {"categories", "问题类别"}, {"problems", "具体问题"},
		{"measures", "整改措施"}, {"progress", "整改进展"}, {"files", "佐证材料"}} {
		apiOps["POST /api/v1/"+k.path+"/{id}/void"] = apiOp{summary: "作废" + k.label + "（须写明理由 reason），其下的记录随之作废；" +
			"作废后不再出现在列表、统计、预警、报告和公开网站中，修改记录中保留作废人、时间和理由。未写理由为422，已作废或所属问题已验收销号为409",
			request: (*voidRequest)(nil), response: (*voidJSON)(nil)}
		apiOps["POST /api/v1/"+k.path+"/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的" + k.label + "及随之作废的记录；" +
			"未作废或所属记录仍作废为409", response: (*voidJSON)(nil)}
	}
	apiOps["POST /api/v1/persons/{id}/void"] = apiOp{summary: "将人员从本单位人员名册中作废（须写明理由 reason）：不再列入名册，" +
		"台账中的姓名不再对应此人；修改记录中保留作废人、时间和理由。未写理由为422，已作废为409",
		request: (*voidRequest)(nil), response: (*voidJSON)(nil)}
	apiOps["POST /api/v1/persons/{id}/restore"] = apiOp{summary: "单位管理员恢复已作废的人员；未作废为409", response: (*voidJSON)(nil)}
}

// historySummary names the tables with a history, from the registry.
func historySummary() string {
	var names []string
	for _, t := range store.HistoryTables() {
		names = append(names, t.Name+"（"+t.Label+"）")
	}
	return "一条记录的全部修改历史（审计日志），entity 为 " + strings.Join(names, "、") + " 之一"
}

// OpenAPI is GET /api/v1/openapi.json: the document of h.Routes, built
// on the first call.
func (h *Handler) OpenAPI(w http.ResponseWriter, r *http.Request) {
	h.openapi.once.Do(func() {
		doc, err := BuildOpenAPI(h.Routes)
		if err == nil {
			h.openapi.doc, err = json.MarshalIndent(doc, "", "  ")
		}
		h.openapi.err = err
	})
	if h.openapi.err != nil {
		h.fail(w, r, h.openapi.err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(h.openapi.doc)
}

// openAPIDoc is the document, once built.
type openAPIDoc struct {
	once sync.Once
	doc  []byte
	err  error
}

var pathParam = regexp.MustCompile(`\{([a-z_]+)\}`)

// BuildOpenAPI makes the document of the API routes among routes; an API
// route without its line in apiOps is an error, so that a new route
// cannot go undocumented.
func BuildOpenAPI(routes []auth.Route) (map[string]any, error) {
	sg := &schemaGen{schemas: map[string]any{}, names: map[reflect.Type]string{}}
	errSchema := sg.of(reflect.TypeFor[errorBody]())
	paths := map[string]map[string]any{}
	for _, rt := range routes {
		if !rt.API || rt.Pattern == "/api/" {
			continue
		}
		op, ok := apiOps[rt.Pattern]
		if !ok {
			return nil, fmt.Errorf("openapi: route %s has no entry in apiOps", rt.Pattern)
		}
		method, path, _ := strings.Cut(rt.Pattern, " ")
		o := map[string]any{"summary": op.summary, "operationId": operationID(method, path)}
		var params []any
		for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
			schema := map[string]any{"type": "integer", "minimum": 1}
			if m[1] != "id" {
				schema = map[string]any{"type": "string"}
			}
			params = append(params, map[string]any{"name": m[1], "in": "path", "required": true, "schema": schema})
		}
		for _, q := range op.query {
			params = append(params, map[string]any{"name": q.name, "in": "query", "description": q.desc,
				"schema": map[string]any{"type": q.typ}})
		}
		if params != nil {
			o["parameters"] = params
		}
		if op.request != nil || op.raw != nil {
			content := map[string]any{}
			if op.request != nil {
				content["application/json"] = map[string]any{"schema": sg.of(reflect.TypeOf(op.request).Elem())}
			}
			if op.multipart != "" {
				s := sg.inline(reflect.TypeOf(op.request).Elem())
				s["properties"].(map[string]any)[op.multipart] = map[string]any{"type": "array",
					"items": map[string]any{"type": "string", "contentMediaType": "application/octet-stream"}}
				content["multipart/form-data"] = map[string]any{"schema": s}
			}
			for _, mt := range op.raw {
				content[mt] = map[string]any{"schema": map[string]any{"type": "string"}}
			}
			o["requestBody"] = map[string]any{"required": op.request != nil || op.raw != nil, "content": content}
		}
		ok200 := map[string]any{"description": "成功"}
		switch {
		case op.response != nil:
			ok200["content"] = map[string]any{"application/json": map[string]any{"schema": sg.of(reflect.TypeOf(op.response).Elem())}}
		case op.file != "":
			ok200["content"] = map[string]any{op.file: map[string]any{"schema": map[string]any{"type": "string", "format": "binary"}}}
		case rt.Pattern == "GET /api/v1/openapi.json":
			ok200["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}
		}
		responses := map[string]any{}
		if op.created {
			responses["201"] = ok200
		} else {
			responses["200"] = ok200
		}
		if rt.Pattern == "POST /api/v1/imports" {
			responses["200"] = map[string]any{"description": "dry_run=1：识别结果，未写入",
				"content": map[string]any{"application/json": map[string]any{"schema": sg.of(reflect.TypeFor[zhenggai.Imported]())}}}
		}
		for code, desc := range errorResponses(rt) {
			responses[code] = map[string]any{"description": desc,
				"content": map[string]any{"application/json": map[string]any{"schema": errSchema}}}
		}
		o["responses"] = responses
		if rt.Perm == zhenggai.PermPublic {
			o["security"] = []any{}
		}
		if paths[path] == nil {
			paths[path] = map[string]any{}
		}
		paths[path][strings.ToLower(method)] = o
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "zhenggai 巡察整改 API", "version": "1",
			"description": "所有请求在 Authorization 头中带令牌：Bearer TOKEN（zhenggai token create 生成）。错误返回 {\"error\": {\"code\", \"message\", \"fields\"}}，message 为中文；出错时不写入任何内容。日期为 YYYY-MM-DD，时间为 UTC。"},
		"servers":    []any{map[string]any{"url": "/"}},
		"security":   []any{map[string]any{"token": []any{}}},
		"paths":      paths,
		"components": map[string]any{"schemas": sg.schemas, "securitySchemes": map[string]any{"token": map[string]any{"type": "http", "scheme": "bearer"}}},
	}, nil
}

// errorResponses are the error answers a route can give.
func errorResponses(rt auth.Route) map[string]string {
	out := map[string]string{"500": "内部错误"}
	if rt.Perm != zhenggai.PermPublic {
		out["401"] = "未登录或令牌无效"
		out["403"] = "没有权限"
	}
	if strings.Contains(rt.Pattern, "{") {
		out["404"] = "记录不存在"
	}
	method, _, _ := strings.Cut(rt.Pattern, " ")
	if method != http.MethodGet {
		out["400"] = "请求格式不正确"
		out["422"] = "内容有误（fields 中逐项说明），未写入"
		out["409"] = "记录已被他人修改（code 为 conflict），或已验收销号锁定、正在等待验收或审核（code 为 locked），或当前状态不允许此操作，未写入"
		out["413"] = "内容过大"
	} else if rt.Pattern == "GET /api/v1/rounds" {
		out["422"] = "参数有误"
	}
	return out
}

// operationID is a name for an operation: the method and the path's words.
func operationID(method, path string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(method))
	for _, w := range strings.FieldsFunc(strings.TrimPrefix(path, "/api/v1/"), func(r rune) bool {
		return r == '/' || r == '{' || r == '}' || r == '.' || r == '_'
	}) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// schemaGen makes JSON Schemas of Go types as encoding/json writes them.
type schemaGen struct {
	schemas map[string]any
	names   map[reflect.Type]string
}

var (
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
)

// of is the schema of t: a reference for a named struct.
func (g *schemaGen) of(t reflect.Type) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[time.Time]():
		return map[string]any{"type": "string", "format": "date-time"}
	case t == reflect.TypeFor[zhenggai.Date]():
		return map[string]any{"type": "string", "description": "YYYY-MM-DD，未填为空字符串"}
	case t == reflect.TypeFor[json.RawMessage]():
		// A record as it stood (the audit trail's before and after).
		return map[string]any{"type": []any{"object", "null"}}
	case t.Implements(jsonMarshaler):
		return map[string]any{}
	case t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler):
		return map[string]any{"type": "string"}
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return map[string]any{"type": "string", "contentEncoding": "base64"}
		}
		return map[string]any{"type": "array", "items": g.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.of(t.Elem())}
	case reflect.Interface:
		return map[string]any{}
	case reflect.Struct:
		if t.Name() == "" {
			return g.inline(t)
		}
		name, ok := g.names[t]
		if !ok {
			name = schemaName(t)
			if _, taken := g.schemas[name]; taken {
				name = strings.ToUpper(t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+1:][:1]) +
					t.PkgPath()[strings.LastIndex(t.PkgPath(), "/")+2:] + name
			}
			g.names[t] = name
			g.schemas[name] = map[string]any{} // a type that holds itself
			g.schemas[name] = g.inline(t)
		}
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

// inline is the object schema of a struct's fields, embedded structs
// flattened as encoding/json flattens them.
func (g *schemaGen) inline(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for f := range t.Fields() {
			tag := f.Tag.Get("json")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if f.Anonymous && name == "" {
				ft := f.Type
				for ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if ft.Kind() == reflect.Struct {
					walk(ft)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			props[name] = g.of(f.Type)
			if f.Type.Kind() == reflect.Pointer && !strings.Contains(opts, "omitempty") {
				// A nil pointer field is written as null.
				props[name] = map[string]any{"anyOf": []any{props[name], map[string]any{"type": "null"}}}
			}
			if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") && f.Type.Kind() != reflect.Pointer {
				required = append(required, name)
			}
		}
	}
	walk(t)
	s := map[string]any{"type": "object", "properties": props}
	if required != nil {
		slices.Sort(required)
		s["required"] = required
	}
	return s
}

// schemaName is a type's name in the document: roundJSON is Round,
// roundRequest is RoundRequest.
func schemaName(t reflect.Type) string {
	n := strings.TrimSuffix(t.Name(), "JSON")
	if t == reflect.TypeFor[errorBody]() {
		return "Error"
	}
	if t == reflect.TypeFor[zhenggai.Notification]() {
		return "Notification"
	}
	return strings.ToUpper(n[:1]) + n[1:]
}

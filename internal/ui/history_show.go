package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/store"
)

// historyView is the page of one record's changes, oldest first.
type historyView struct {
	Entity  string
	ID      int64
	What    string // 整改措施
	Caption string // 措施2：组织集中学习…
	Back    string // the record's own page, "" if it has none
	Entries []historyEntry
}

type historyEntry struct {
	ID      int64
	At      string // 2020年10月28日 14:05, in Asia/Shanghai
	Who     string
	Where   string // 网页 · 10.0.0.8
	Action  string // 新建, 修改, 删除
	Changes []fieldChange
}

// fieldChange is one column: before → after for an update, the value for
// a creation or deletion.
type fieldChange struct {
	Label  string
	Before string
	After  string
	Long   bool // shown as blocks rather than inline
}

// entityNames are the audited tables shown in history pages.
var entityNames = map[string]string{
	"units": "单位", "settings": "设置", "rounds": "巡察轮次", "categories": "问题类别", "problems": "具体问题",
	"measures": "整改措施", "progress": "整改进展", "attachments": "佐证材料", "users": "用户", "tokens": "API令牌",
	"opinions": "意见建议", "publications": "公布的整改进展情况",
}

// fieldLabels name the columns people care about; columns not here (ids,
// version, times kept by the program) are not shown.
var fieldLabels = map[string]string{
	"title": "标题", "content": "内容", "owner": "责任人", "leader": "责任领导", "office": "责任委室",
	"status": "完成情况", "deadline": "整改时限", "kind": "类型", "seq": "序号", "rectification": "整改情况",
	"category_id": "问题类别", "parent_id": "上级单位", "inspector": "巡察组", "onsite_start": "进驻日期",
	"onsite_end": "结束日期", "feedback_date": "反馈日期", "declared_as_of": "公布数字截至",
	"declared_categories": "公布的问题数", "declared_problems": "公布的具体问题数", "declared_completed": "公布的已完成数",
	"declared_basically_completed": "公布的基本完成数", "declared_in_progress": "公布的正在整改数",
	"declared_not_completed": "公布的未完成数", "declared_rate_percent": "公布的完成率(%)", "note": "备注",
	"name": "名称", "value": "值", "day": "日期", "author": "报送人", "size": "大小", "sha256": "SHA-256",
	"content_type": "文件类型", "display_name": "姓名", "role": "角色", "disabled": "停用", "revoked": "已吊销",
	"password_hash": "密码", "token_hash": "令牌", "measure_id": "整改措施", "progress_id": "整改进展", "user_id": "用户",
	"close_state": "销号状态", "mechanism": "长效机制", "report_every": "报送周期（天）", "email": "电子邮箱", "principal": "主要负责人",
	"report_title": "报告标题", "report_signature": "落款单位", "report_signed": "落款日期",
	"report_leading_group": "整改工作领导小组", "report_work": "整改工作组织情况", "report_follow_up": "继续深化后续整改",
	"declared_measures": "公布的整改措施数", "declared_rules": "公布的建立完善制度数", "declared_refunded_fen": "公布的清退资金（分）",
	"declared_recovered_fen": "公布的追回资金（分）", "declared_saved_fen": "公布的挽回损失（分）", "declared_talks": "公布的谈话提醒、批评教育人数",
	"declared_organisational": "公布的组织处理人数", "declared_disciplinary": "公布的党纪政务处分人数",
	"answer": "答复", "answer_published": "公开答复", "assignee_id": "承办人", "reason": "理由", "action": "操作",
	"rule_names": "建立完善制度", "refunded_fen": "清退违规资金", "recovered_fen": "追回资金", "saved_fen": "挽回经济损失",
	"talks": "谈话提醒、批评教育（人）", "organisational": "组织处理（人）", "disciplinary": "党纪政务处分（人）",
	"person_name": "按姓名对应整改措施", "must_change": "须本人修改密码", "secret_hash": "回执凭据",
}

// fieldOrder puts the columns of a record in the order of its form.
var fieldOrder = []string{"name", "display_name", "role", "parent_id", "inspector", "kind", "onsite_start", "onsite_end",
	"feedback_date", "declared_as_of", "declared_categories", "declared_problems", "declared_completed",
	"declared_basically_completed", "declared_in_progress", "declared_not_completed", "declared_rate_percent",
	"declared_measures", "declared_rules", "declared_refunded_fen", "declared_recovered_fen", "declared_saved_fen",
	"declared_talks", "declared_organisational", "declared_disciplinary", "report_title", "report_signature", "report_signed",
	"category_id", "measure_id", "progress_id", "user_id", "seq", "title", "content", "rectification", "leader", "office",
	"owner", "deadline", "day", "author", "status", "mechanism", "report_every", "rule_names", "refunded_fen",
	"recovered_fen", "saved_fen", "talks", "organisational", "disciplinary", "close_state", "value", "size",
	"content_type", "sha256", "note", "email", "principal", "disabled", "revoked", "password_hash", "must_change", "person_name",
	"token_hash", "secret_hash"}

var settingNames = map[string]string{"green_days": "绿色预警天数", "yellow_days": "黄色预警天数",
	"report_phone": "报告联系电话", "report_mailbox": "报告邮政信箱", "report_email": "报告电子邮箱", "report_signature": "报告落款单位",
	"evidence_quota_mb": "佐证材料存储上限（MB）"}

var longFields = map[string]bool{"content": true, "title": true, "rectification": true, "note": true,
	"report_leading_group": true, "report_work": true, "report_follow_up": true, "report_title": true}

// ShowHistory is /history/{entity}/{id}: who changed what in one record,
// and when, from the audit log.
func (h *Handler) ShowHistory(w http.ResponseWriter, r *http.Request) {
	entity := r.PathValue("entity")
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	if entityNames[entity] == "" || !store.IsAudited(entity) {
		h.fail(w, r, zhenggai.Errorf(zhenggai.ENOTFOUND, "页面不存在"))
		return
	}
	ctx := r.Context()
	entries, err := h.Store.History(ctx, entity, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	v := &historyView{Entity: entity, ID: id, What: entityNames[entity]}
	var last map[string]any // the record as last known
	for _, e := range entries {
		before, after := e.Rows()
		if after != nil {
			last = after
		} else if before != nil {
			last = before
		}
		v.Entries = append(v.Entries, historyEntry{
			ID: e.ID, At: e.At.In(zhenggai.Shanghai).Format("2006年1月2日 15:04"), Who: actorName(e.Actor),
			Where: actorWhere(e.Actor), Action: actionLabel(e.Action), Changes: changes(entity, e.Action, before, after),
		})
	}
	v.Caption, v.Back = h.caption(ctx, entity, id, last)
	var round *zhenggai.Round
	if rid := roundOf(entity, id, last); rid != 0 {
		round, _ = h.Store.Round(ctx, rid) // only for the navigation bar
	}
	h.render(w, r, http.StatusOK, "history_show", &page{Title: "修改记录 · " + v.What + " #" + strconv.FormatInt(id, 10),
		Nav: "tree", Round: round, Data: v})
}

func actionLabel(a string) string {
	switch a {
	case "create":
		return "新建"
	case "update":
		return "修改"
	case "delete":
		return "删除"
	case "baseline":
		return "启用修改记录时已有"
	}
	return a
}

// actorName is who made a change, as people read it.
func actorName(a zhenggai.Actor) string {
	switch {
	case a.Name == "" || a.Name == "unknown":
		return "未知"
	case a.Name == "system:demo":
		return "系统（载入示例数据）"
	case a.Name == "system:migrate":
		return "系统（升级数据库）"
	case a.Name == "cli:import":
		return "命令行导入"
	case strings.HasPrefix(a.Name, "cli:import:"):
		return "命令行导入（系统用户 " + strings.TrimPrefix(a.Name, "cli:import:") + "）"
	}
	return a.Name
}

func actorWhere(a zhenggai.Actor) string {
	via := map[string]string{"web": "网页", "api": "接口", "cli": "命令行"}[a.Via]
	if via == "" {
		via = a.Via
	}
	switch {
	case via != "" && a.Addr != "":
		return via + " · " + a.Addr
	case a.Addr != "":
		return a.Addr
	}
	return via
}

// changes lists the shown columns of an entry: those that differ for an
// update, those with a value for a creation or a deletion.
func changes(entity, action string, before, after map[string]any) []fieldChange {
	var out []fieldChange
	seen := map[string]bool{}
	add := func(k string) {
		seen[k] = true
		label := fieldLabels[k]
		if label == "" {
			return
		}
		if entity == "measures" && k == "kind" {
			label = "措施类型"
		}
		if entity == "settings" && k == "name" {
			label = "设置项"
		}
		if entity == "attachments" && k == "name" {
			label = "文件名"
		}
		bv, bok := before[k]
		av, aok := after[k]
		switch {
		case before != nil && after != nil:
			if !bok || !aok || jsonText(bv) == jsonText(av) {
				return
			}
			out = append(out, fieldChange{Label: label, Before: showValue(entity, k, bv, action), After: showValue(entity, k, av, action), Long: longFields[k]})
		case after != nil:
			if empty(av) {
				return
			}
			out = append(out, fieldChange{Label: label, After: showValue(entity, k, av, action), Long: longFields[k]})
		case before != nil:
			if empty(bv) {
				return
			}
			out = append(out, fieldChange{Label: label, Before: showValue(entity, k, bv, action), Long: longFields[k]})
		}
	}
	for _, k := range fieldOrder {
		add(k)
	}
	// Columns added later and not yet labelled still show when they change.
	var rest []string
	for k := range after {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		if fieldLabels[k] == "" && !hiddenField(k) && before != nil && jsonText(before[k]) != jsonText(after[k]) {
			out = append(out, fieldChange{Label: k, Before: showValue(entity, k, before[k], action), After: showValue(entity, k, after[k], action)})
		}
	}
	return out
}

func hiddenField(k string) bool {
	return k == "id" || k == "unit_id" || k == "round_id" || k == "problem_id" || k == "version" ||
		k == "created_at" || k == "updated_at"
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case json.Number:
		return x == "0"
	}
	return false
}

// showValue turns a stored value into what people read: status and kind
// labels, Chinese dates, record numbers; never a secret.
func showValue(entity, k string, v any, action string) string {
	if v == nil {
		return "（空）"
	}
	s := fmt.Sprint(v)
	switch {
	case k == "password_hash" || k == "token_hash" || k == "secret_hash":
		if action == "update" {
			return "（已更改）"
		}
		return "（已设置）"
	case k == "close_state":
		return zhenggai.CloseState(s).Label()
	case s == "":
		return "（空）"
	case k == "status":
		return zhenggai.Status(s).Label()
	case k == "kind" && entity == "measures":
		return zhenggai.MeasureKind(s).Label()
	case k == "deadline" || k == "day" || k == "onsite_start" || k == "onsite_end" || k == "feedback_date" || k == "declared_as_of":
		if d, err := zhenggai.ParseDate(s); err == nil && !d.IsZero() {
			return d.Chinese()
		}
	case k == "name" && entity == "settings":
		if n := settingNames[s]; n != "" {
			return n
		}
	case k == "disabled" || k == "revoked" || k == "principal" || k == "must_change":
		if s == "0" {
			return "否"
		}
		return "是"
	case k == "size":
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return funcs["size"].(func(int64) string)(n)
		}
	case strings.HasSuffix(k, "_id"):
		return "#" + s
	case strings.HasSuffix(k, "_fen"):
		// To the fen, as recorded: a history is not a report.
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return zhenggai.Fen(n).Yuan() + "元"
		}
	case k == "rule_names":
		var titles []string
		for _, n := range strings.Split(s, "\n") {
			titles = append(titles, zhenggai.RuleTitle(n))
		}
		return strings.Join(titles, "")
	}
	return s
}

// caption names the record and links to its page, from what the log last
// knew of it (the record may be gone).
func (h *Handler) caption(ctx context.Context, entity string, id int64, row map[string]any) (caption, back string) {
	str := func(k string) string {
		if row == nil || row[k] == nil {
			return ""
		}
		return fmt.Sprint(row[k])
	}
	num := func(k string) int64 {
		n, _ := strconv.ParseInt(str(k), 10, 64)
		return n
	}
	switch entity {
	case "rounds":
		return str("inspector") + "巡察", "/rounds/" + strconv.FormatInt(id, 10)
	case "categories":
		seq, _ := strconv.Atoi(str("seq"))
		return "(" + zhenggai.Numeral(seq) + ")" + str("title"), "/rounds/" + str("round_id") + "/tree"
	case "problems":
		return str("seq") + "." + str("title"), "/problems/" + strconv.FormatInt(id, 10)
	case "measures":
		return "措施" + str("seq") + "：" + zhenggai.Clip(str("content"), 60), "/problems/" + str("problem_id") + "#measure-" + strconv.FormatInt(id, 10)
	case "progress":
		back := ""
		if m, err := h.Store.Measure(ctx, num("measure_id")); err == nil {
			back = "/problems/" + strconv.FormatInt(m.ProblemID, 10)
		}
		return showValue(entity, "day", str("day"), "") + "报送：" + zhenggai.Clip(str("content"), 60), back
	case "attachments":
		return str("name"), "/files/" + strconv.FormatInt(id, 10)
	case "settings":
		return showValue(entity, "name", str("name"), ""), ""
	case "users":
		return str("display_name") + "（" + str("name") + "）", ""
	}
	return str("name"), ""
}

// roundOf is the round a record belongs to, for the navigation bar.
func roundOf(entity string, id int64, row map[string]any) int64 {
	if entity == "rounds" {
		return id
	}
	if row == nil {
		return 0
	}
	n, _ := strconv.ParseInt(fmt.Sprint(row["round_id"]), 10, 64)
	return n
}

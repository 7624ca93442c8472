package store

import "zhenggai"

// Table is what the program knows of one table of the schema: the one
// place a new table is declared. The audit trail, migrate-data, route
// targets, the guard of history routes, the history pages and the API's
// description read it.
type Table struct {
	Name  string // SQL name
	Kind  string // kind of record a route's {id} names (store.Target), "" for none
	Label string // Chinese, as pages and progress lines name it
	// Audited: every change is logged in the audit trail (audit.go).
	Audited bool
	// LoggedCreations: only the creation of a row is logged (a login
	// creating a session, sessions.go); not a record, no history page.
	LoggedCreations bool
	// Copied by migrate-data (copy.go); tables not copied are rebuilt or
	// are not records (sessions, derived counts, schema_migrations).
	Copied bool
	// Unit selects, for row ? of the table, the unit it belongs to and
	// (for measures) its leader and owner: what a permission is checked
	// against. "" for tables no route names.
	Unit string
	// History is the right needed to read a record's history;
	// PermUndeclared for tables without history pages.
	History zhenggai.Perm
	// Versioned tables have a version column, raised by every update
	// (rows.go), which editors send back to detect a concurrent save.
	Versioned bool
	// Voidable tables have voided_at, voided_by and void_reason: a voided
	// record leaves every list and count (void.go).
	Voidable bool
}

// Tables are the tables of the schema, parents before children (the
// order migrate-data copies them in).
var Tables = []Table{
	{Name: "units", Kind: "unit", Label: "单位", Audited: true, Copied: true,
		Unit: `SELECT id, '', '' FROM units WHERE id = ?`, History: zhenggai.PermAdmin},
	// The roster: the unit's keeper edits it (its phones are for him).
	{Name: "persons", Versioned: true, Kind: "person", Label: "人员", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM persons WHERE id = ?`, History: zhenggai.PermEdit},
	{Name: "users", Versioned: true, Kind: "user", Label: "用户", Audited: true, Copied: true,
		Unit: `SELECT unit_id, '', '' FROM users WHERE id = ?`, History: zhenggai.PermAdmin},
	{Name: "tokens", Kind: "token", Label: "API令牌", Audited: true, Copied: true,
		Unit: `SELECT unit_id, '', '' FROM tokens WHERE id = ?`, History: zhenggai.PermAdmin},
	// Settings' history is the administrator's business, as their page is.
	{Name: "settings", Kind: "setting", Label: "设置", Audited: true, Copied: true,
		Unit: `SELECT unit_id, '', '' FROM settings WHERE id = ?`, History: zhenggai.PermAdmin},
	{Name: "rounds", Versioned: true, Kind: "round", Label: "巡察轮次", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM rounds WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "categories", Versioned: true, Kind: "category", Label: "问题类别", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM categories WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "problems", Versioned: true, Kind: "problem", Label: "具体问题", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM problems WHERE id = ?`, History: zhenggai.PermRead},
	// The records a self-inspection finding named, written with its
	// problem (selfcheck round) and not logged one by one.
	{Name: "problem_records", Label: "问题涉及的记录", Copied: true},
	{Name: "measures", Versioned: true, Kind: "measure", Label: "整改措施", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, leader, owner FROM measures WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "progress", Kind: "progress", Label: "整改进展", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM progress WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "attachments", Kind: "attachment", Label: "佐证材料", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM attachments WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "publications", Versioned: true, Kind: "publication", Label: "公布的整改进展情况", Audited: true, Copied: true,
		Unit: `SELECT unit_id, '', '' FROM publications WHERE id = ?`, History: zhenggai.PermRead},
	// An opinion's history holds the sender's contact.
	{Name: "opinions", Versioned: true, Kind: "opinion", Label: "意见建议", Audited: true, Copied: true,
		Unit: `SELECT unit_id, '', '' FROM opinions WHERE id = ?`, History: zhenggai.PermOpinions},
	// Registers. A meeting is one record: its attendance, items and
	// statements are written with it and logged in its snapshot.
	{Name: "meetings", Versioned: true, Kind: "meeting", Label: "会议记录", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM meetings WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "meeting_attendance", Label: "会议出席情况", Copied: true},
	{Name: "meeting_items", Label: "会议议题", Copied: true},
	{Name: "meeting_statements", Label: "会议表态发言", Copied: true},
	// An import of the journal is the logged record; the vouchers and
	// lines it replaces and writes are too many to log one by one.
	{Name: "voucher_imports", Kind: "voucher_import", Label: "凭证导入", Audited: true, Copied: true,
		Unit: `SELECT unit_id, '', '' FROM voucher_imports WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "vouchers", Versioned: true, Kind: "voucher", Label: "财务凭证", Copied: true,
		Unit: `SELECT unit_id, '', '' FROM vouchers WHERE id = ?`},
	{Name: "voucher_lines", Label: "凭证分录", Copied: true},
	// A voucher's link to the decision, kept by 凭证字号 across re-imports.
	{Name: "voucher_links", Versioned: true, Kind: "voucher_link", Label: "凭证关联的会议决策", Audited: true, Copied: true,
		Voidable: true, Unit: `SELECT unit_id, '', '' FROM voucher_links WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "dues_members", Versioned: true, Kind: "dues_member", Label: "党费缴纳党员", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM dues_members WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "dues_bases", Versioned: true, Label: "党费基数", Audited: true, Copied: true},
	{Name: "dues_payments", Versioned: true, Label: "党费缴纳记录", Audited: true, Copied: true},
	// Proposals: each step of the cycle changes the proposal (audited,
	// its version raised) and writes its own row, logged; the timeline
	// is written with each step.
	{Name: "proposals", Versioned: true, Kind: "proposal", Label: "提案", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM proposals WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "proposal_signers", Versioned: true, Label: "提案人与联名人", Audited: true, Copied: true},
	{Name: "proposal_assignments", Versioned: true, Label: "提案交办", Audited: true, Copied: true},
	{Name: "proposal_replies", Versioned: true, Label: "提案答复", Audited: true, Copied: true},
	{Name: "proposal_feedback", Versioned: true, Label: "提案办理情况征询意见", Audited: true, Copied: true},
	{Name: "proposal_events", Label: "提案办理过程", Copied: true},
	{Name: "proposal_documents", Versioned: true, Kind: "proposal_document", Label: "提案档案材料", Audited: true, Copied: true,
		Voidable: true, Unit: `SELECT unit_id, '', '' FROM proposal_documents WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "proposal_imports", Kind: "proposal_import", Label: "提案导入", Audited: true, Copied: true,
		Unit: `SELECT unit_id, '', '' FROM proposal_imports WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "cppcc_members", Versioned: true, Kind: "cppcc_member", Label: "政协委员", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM cppcc_members WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "member_activities", Versioned: true, Kind: "member_activity", Label: "委员履职活动", Audited: true, Copied: true,
		Voidable: true, Unit: `SELECT unit_id, '', '' FROM member_activities WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "suggestions", Versioned: true, Kind: "suggestion", Label: "微建议和社情民意信息", Audited: true, Copied: true,
		Voidable: true, Unit: `SELECT unit_id, '', '' FROM suggestions WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "townships", Versioned: true, Kind: "township", Label: "乡镇政协联络组", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM townships WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "liaison_posts", Versioned: true, Label: "联络组任职", Audited: true, Copied: true},
	{Name: "liaison_invitations", Versioned: true, Label: "联络组受邀活动", Audited: true, Copied: true},
	// Registers (III), issue 16: private travel documents (one ledger line
	// a person, documents, trips and moves with it) and retired cadres' posts.
	{Name: "travel_persons", Versioned: true, Kind: "travel_person", Label: "因私出国(境)登记备案人员", Audited: true, Copied: true,
		Voidable: true, Unit: `SELECT unit_id, '', '' FROM travel_persons WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "retired_posts", Versioned: true, Kind: "retired_post", Label: "退休干部兼职(返聘)", Audited: true, Copied: true,
		Voidable: true, Unit: `SELECT unit_id, '', '' FROM retired_posts WHERE id = ?`, History: zhenggai.PermRead},
	// Study (理论学习, issue 16).
	{Name: "notes_checks", Versioned: true, Kind: "notes_check", Label: "学习笔记检查", Audited: true, Copied: true,
		Voidable: true, Unit: `SELECT unit_id, '', '' FROM notes_checks WHERE id = ?`, History: zhenggai.PermRead},
	// Archives (档案): a unit's kinds of file, its files and the documents
	// filed in their slots, each a record of its own.
	{Name: "archive_kinds", Versioned: true, Kind: "archive_kind", Label: "档案类别", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM archive_kinds WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "archive_files", Versioned: true, Kind: "archive_file", Label: "档案案卷", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM archive_files WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "archive_documents", Versioned: true, Kind: "archive_document", Label: "档案材料", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM archive_documents WHERE id = ?`, History: zhenggai.PermRead},
	// Attendance and leave (issue 16): a unit's calendar year is one
	// audited row; an import of sign-ins is the logged record, its
	// sign-ins are not logged one by one; a leave request is a record.
	{Name: "work_calendars", Versioned: true, Label: "工作日历", Audited: true, Copied: true},
	{Name: "sign_in_imports", Kind: "sign_in_import", Label: "考勤导入", Audited: true, Copied: true,
		Unit: `SELECT unit_id, '', '' FROM sign_in_imports WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "sign_ins", Label: "签到记录", Copied: true},
	{Name: "leaves", Versioned: true, Kind: "leave", Label: "请销假", Audited: true, Copied: true, Voidable: true,
		Unit: `SELECT unit_id, '', '' FROM leaves WHERE id = ?`, History: zhenggai.PermRead},
	{Name: "close_steps", Label: "销号记录", Audited: true, Copied: true},
	{Name: "notifications", Label: "消息", Audited: true, Copied: true},
	{Name: "warn_states", Label: "预警通知状态", Audited: true, Copied: true},
	{Name: "digests", Label: "每日汇总记录", Audited: true, Copied: true},
	{Name: "audit_log", Label: "审计日志", Copied: true},
	{Name: "audit_head", Label: "审计日志头", Copied: true},
	// Logins are logged (sessions.go) but sessions are not records: people
	// sign in again on a new installation.
	{Name: "sessions", Label: "登录会话", LoggedCreations: true},
	{Name: "login_devices", Label: "登录设备"},
	// Derived from measures, rebuilt after a copy.
	{Name: "round_counts", Label: "各轮次统计"},
	{Name: "schema_migrations", Label: "数据库版本"},
}

var (
	tableByName = map[string]*Table{}
	tableByKind = map[string]*Table{}
	// auditedTables and copyTables are the names of Tables so marked, in
	// order.
	auditedTables, copyTables []string
)

func init() {
	for i := range Tables {
		t := &Tables[i]
		tableByName[t.Name] = t
		if t.Kind != "" {
			tableByKind[t.Kind] = t
		}
		if t.Audited {
			auditedTables = append(auditedTables, t.Name)
		}
		if t.Copied {
			copyTables = append(copyTables, t.Name)
		}
	}
}

// TableNamed returns the registry's entry for a table, nil for none.
func TableNamed(name string) *Table { return tableByName[name] }

// HistoryTables are the tables with history pages, in order.
func HistoryTables() []Table {
	var out []Table
	for _, t := range Tables {
		if t.History != zhenggai.PermUndeclared {
			out = append(out, t)
		}
	}
	return out
}

// IsAudited reports whether table is audited.
func IsAudited(table string) bool {
	t := tableByName[table]
	return t != nil && t.Audited
}

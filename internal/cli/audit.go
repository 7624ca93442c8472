package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/store"
)

// Exit codes of zhenggai audit verify.
const (
	auditOK       = 0 // the log is whole and every record agrees with it
	auditBad      = 1 // something was changed behind the program's back: the first bad entry or record is named
	auditUsage    = 2 // wrong arguments
	auditCantRead = 3 // the check could not be made (no database, unreadable file…)
)

func runAudit(ctx context.Context, e *env, args []string) error {
	usage := func(w io.Writer) {
		fmt.Fprint(w, `用法：zhenggai audit verify [--data DIR | --db URL]
      zhenggai audit log [--data DIR | --db URL] [--entity 表名 --id 编号] [--last N] [--json]

verify  核对审计日志：逐条重算哈希链，并把每条业务记录与日志中最后一次记录的内容比对；
        核对表结构（表、列、索引、约束、触发器、视图，PostgreSQL 上还有函数、规则、行级安全策略）与本程序的迁移
        建立的是否一致，指出外来的和缺少的；核对每个登录会话都由日志中的一次登录建立。
        一致时退出码为0；发现日志、记录、表结构或会话被绕过程序修改、删除、添加时退出码为1，并指出第一处问题；
        无法核对（如没有数据库）时退出码为3。
log     按时间顺序列出审计日志。
`)
	}
	if len(args) == 0 {
		usage(e.stderr)
		return exitError{auditUsage}
	}
	switch args[0] {
	case "verify":
		return runAuditVerify(ctx, e, args[1:])
	case "log":
		return runAuditLog(ctx, e, args[1:])
	case "help", "-h", "--help":
		usage(e.stdout)
		return nil
	}
	fmt.Fprintf(e.stderr, "未知的 audit 子命令 %q\n\n", args[0])
	usage(e.stderr)
	return exitError{auditUsage}
}

// openAudited opens an existing database only: checking a folder (or a
// PostgreSQL database) that holds no zhenggai database must not create one.
func openAudited(ctx context.Context, data, dsn string) (*store.Store, error) {
	if ok, err := store.Exists(ctx, data, dsn); err != nil {
		return nil, err
	} else if !ok {
		if dsn != "" {
			return nil, fmt.Errorf("%s 中没有 zhenggai 的数据", whereData(data, dsn))
		}
		return nil, fmt.Errorf("数据目录 %s 中没有数据库", data)
	}
	return openStore(ctx, data, dsn)
}

func runAuditVerify(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "audit verify", "[--data DIR | --db URL] [--expect 编号:哈希]... [--files]\n\n"+
		"核对审计日志与业务记录。退出码：0 一致；1 发现问题；2 参数错误；3 无法核对。\n"+
		"--expect 核对以前抄录的日志条目（每次核对或备份后抄录“最后一条”的编号和哈希，另行保存）：\n"+
		"能改数据库的人可以重算整条哈希链，但改不了抄在纸上的哈希。--files 同时重新计算每份佐证材料的哈希。")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	var anchors anchorList
	fs.Var(&anchors, "expect", "此前记下的一条日志，写作 编号:哈希（可重复给出）")
	files := fs.Bool("files", false, "同时逐个重算数据目录中佐证材料文件的哈希并核对")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return exitError{auditUsage}
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitError{auditUsage}
	}
	cantRead := func(err error) error {
		fmt.Fprintln(e.stderr, "错误：无法核对审计日志："+userMessage(err))
		return exitError{auditCantRead}
	}
	st, err := openAudited(ctx, *data, *dsn)
	if err != nil {
		return cantRead(err)
	}
	defer st.Close()
	rep, err := st.VerifyAudit(ctx)
	if err != nil {
		return cantRead(err)
	}
	for _, a := range anchors {
		p, err := st.CheckAnchor(ctx, a.id, a.hash)
		if err != nil {
			return cantRead(err)
		}
		if p != nil {
			rep.Problems = append([]store.AuditProblem{*p}, rep.Problems...)
		}
	}
	if *files {
		dir, err := attach.Open(*data)
		if err != nil {
			return cantRead(err)
		}
		sums, err := st.AttachmentHashes(ctx)
		if err != nil {
			return cantRead(err)
		}
		for _, sum := range sums {
			if err := dir.Check(sum); err != nil {
				rep.Problems = append(rep.Problems, store.AuditProblem{Entity: "attachments", Message: err.Error()})
			}
		}
		fmt.Fprintf(e.stdout, "已重新核对%d份佐证材料的内容。\n", len(sums))
	}
	if rep.OK() {
		fmt.Fprintf(e.stdout, "审计日志完整：共%d条记录，%d个业务记录与日志一致。\n", rep.Entries, rep.Records)
		fmt.Fprintf(e.stdout, "表结构与本程序的迁移一致（%d张表、%d个索引），没有外来的触发器、视图、索引或函数；%d个登录会话都由登录建立。\n",
			rep.Schema.Tables, rep.Schema.Indexes, rep.Sessions)
		if rep.HeadID > 0 {
			fmt.Fprintf(e.stdout, "最后一条为第%d条，哈希 %s（可抄录备查：以后核对时它仍应出现在日志中）。\n", rep.HeadID, rep.HeadHash)
		}
		return nil
	}
	n := int64(len(rep.Problems)) + rep.More
	fmt.Fprintf(e.stdout, "审计日志与数据不一致：发现%d处问题（已核对%d条日志、%d个业务记录）。\n", n, rep.Entries, rep.Records)
	for i, p := range rep.Problems {
		if i == 20 {
			fmt.Fprintf(e.stdout, "  ……另有%d处未列出\n", n-20)
			break
		}
		fmt.Fprintf(e.stdout, "  %d. %s\n", i+1, p.Message)
	}
	fmt.Fprintln(e.stderr, "错误：第一处问题："+rep.Problems[0].Message)
	return exitError{auditBad}
}

// checkAtStart is serve's look at the database before it takes requests:
// the schema against the migrations' and the sessions against the logins
// (VerifyAudit's cheap parts; the whole log is audit verify's). What can
// change or hide data behind the program's back (a trigger, a rule, a
// policy) refuses the start: every save would run it and the log would
// record its work as the saver's. Anything else foreign is a warning on
// the log: an index a DBA added, a view, a session no login created
// (which the program refuses anyway); serve still starts, so that the
// office keeps working while someone looks. A check that cannot be made
// (PostgreSQL without the right to create a schema) is a warning too.
func checkAtStart(ctx context.Context, e *env, st *store.Store) error {
	diffs, _, err := st.CheckSchema(ctx)
	if err != nil {
		fmt.Fprintln(e.stderr, "警告：无法核对表结构："+userMessage(err))
	}
	var refuse []string
	for _, d := range diffs {
		if d.ChangesData() {
			refuse = append(refuse, d.Message())
			continue
		}
		fmt.Fprintln(e.stderr, "警告："+zhenggai.Sentence(d.Message())+"请运行 zhenggai audit verify 核对。")
	}
	stray, err := st.StraySessions(ctx)
	if err != nil {
		return err
	}
	for _, p := range stray {
		fmt.Fprintln(e.stderr, "警告："+zhenggai.Sentence(p.Message)+"请运行 zhenggai audit verify 核对。")
	}
	if len(refuse) == 0 {
		return nil
	}
	for _, m := range refuse {
		fmt.Fprintln(e.stderr, "  "+m)
	}
	return fmt.Errorf("数据库中有%d个不是本程序建立、会在读写时改动或隐藏数据的对象（见上），拒绝启动：删除后再启动，并运行 zhenggai audit verify 核对数据", len(refuse))
}

func runAuditLog(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "audit log", "[--data DIR | --db URL] [--entity 表名 --id 编号] [--last N] [--json]")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	entity := fs.String("entity", "", "只列这张表的记录：rounds 巡察轮次、categories 问题类别、problems 具体问题、measures 整改措施、progress 整改进展、attachments 佐证材料、units 单位、settings 设置、sessions 登录会话")
	id := fs.Int64("id", 0, "只列 --entity 表中这一条记录的修改")
	last := fs.Int("last", 0, "只列最后 N 条")
	asJSON := fs.Bool("json", false, "每条记录输出一个 JSON 对象，含修改前后的整行内容")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return exitError{auditUsage}
	}
	if fs.NArg() != 0 || *id != 0 && *entity == "" || *last < 0 {
		fs.Usage()
		return exitError{auditUsage}
	}
	if *entity != "" && !store.Logged(*entity) {
		return zhenggai.Errorf(zhenggai.EINVALID, "没有审计日志的表：%s", *entity)
	}
	st, err := openAudited(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	count := 0
	err = st.AuditEntries(ctx, store.AuditQuery{Entity: *entity, EntityID: *id, Last: *last}, func(a *store.AuditEntry) error {
		count++
		if *asJSON {
			raw := func(s string) json.RawMessage {
				if s == "" {
					return json.RawMessage("null")
				}
				return json.RawMessage(s)
			}
			return enc.Encode(map[string]any{"id": a.ID, "unit_id": a.UnitID, "at": a.At, "actor": a.Actor,
				"action": a.Action, "entity": a.Entity, "entity_id": a.EntityID,
				"before": raw(a.Before), "after": raw(a.After), "prev_hash": a.PrevHash, "hash": a.Hash})
		}
		who := a.Actor.Name
		if a.Actor.Via != "" || a.Actor.Addr != "" {
			who += "（" + strings.TrimSpace(a.Actor.Via+" "+a.Actor.Addr) + "）"
		}
		line := fmt.Sprintf("第%d条  %s  %s  %s %s #%d", a.ID, a.At.In(zhenggai.Shanghai).Format("2006-01-02 15:04:05"),
			who, actionName(a.Action), a.Entity, a.EntityID)
		if a.Action == "update" {
			line += "  字段：" + strings.Join(changedKeys(a.Before, a.After), "、")
		}
		_, err := fmt.Fprintln(e.stdout, line)
		return err
	})
	if err != nil {
		return err
	}
	if count == 0 && !*asJSON {
		fmt.Fprintln(e.stderr, "没有符合条件的审计日志。")
	}
	return nil
}

func actionName(a string) string {
	switch a {
	case "create":
		return "新建"
	case "update":
		return "修改"
	case "delete":
		return "删除"
	case "baseline":
		return "初始"
	}
	return a
}

// changedKeys names the columns that differ between two snapshots.
func changedKeys(before, after string) []string {
	var b, a map[string]json.RawMessage
	json.Unmarshal([]byte(before), &b)
	json.Unmarshal([]byte(after), &a)
	var out []string
	for k, v := range a {
		if k != "version" && string(b[k]) != string(v) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// anchorList is the repeatable --expect ID:HASH flag.
type anchorList []struct {
	id   int64
	hash string
}

func (l *anchorList) String() string { return fmt.Sprint(len(*l)) }

func (l *anchorList) Set(v string) error {
	idText, hash, ok := strings.Cut(v, ":")
	id, err := strconv.ParseInt(idText, 10, 64)
	if !ok || err != nil || id <= 0 || len(hash) != 64 {
		return fmt.Errorf("应为 编号:哈希，例如 1234:%s", strings.Repeat("0", 64))
	}
	*l = append(*l, struct {
		id   int64
		hash string
	}{id, strings.ToLower(hash)})
	return nil
}

package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"zhenggai/internal/attach"
	"zhenggai/internal/store"
)

// migrate-data copies a whole installation to another database: SQLite to
// PostgreSQL (a county's data to a city's or province's server), back, or
// SQLite to SQLite. What it copies and how:
//
//   - every table but sessions (people sign in again), ids kept, the audit
//     trail and its head verbatim, so that the copy passes audit verify;
//   - from one consistent read of the source, in one transaction on the
//     target: a copy that fails leaves the target empty, to be run again;
//   - the target must be empty: a new data folder, a folder whose database
//     holds nothing, or an empty PostgreSQL database (or one with only the
//     schema);
//   - the evidence files are copied first (before the records that name
//     them, as the program always stores them) when both sides have a
//     data folder and the two differ. The attachments of a PostgreSQL
//     installation are in the folder named by --data when it is served:
//     --data-from and --data-to name it here. Without --data-to, a copy to
//     PostgreSQL leaves the files where they are, and the source's folder
//     goes on serving them (zhenggai serve --db URL --data SOURCE).

func runMigrateData(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "migrate-data", "--from DIR|URL --to DIR|URL [--data-from DIR] [--data-to DIR]\n\n"+
		"把整个系统（全部记录、审计日志、账号和 API 令牌、佐证材料）从一个数据库复制到另一个：\n"+
		"SQLite 数据目录 ↔ PostgreSQL 数据库（postgres://…），或 SQLite 到 SQLite。\n"+
		"目标必须是空的（新目录，或空的 PostgreSQL 数据库）。登录会话不复制，用户需重新登录。\n"+
		"复制在目标上是一个事务：失败时目标保持为空，可直接重新运行。复制完成后自动核对审计日志。\n"+
		"佐证材料：两边都有数据目录且不同时复制 files/；复制到 PostgreSQL 而不给 --data-to 时，佐证材料留在源目录，\n"+
		"以 zhenggai serve --db URL --data 源目录 继续使用。")
	from := fs.String("from", "", "要复制的系统：数据目录（SQLite）或 postgres:// 数据库地址")
	to := fs.String("to", "", "复制到哪里：新的或空的数据目录（SQLite），或空数据库的 postgres:// 地址")
	dataFrom := fs.String("data-from", "", "--from 为数据库地址时：存放其佐证材料的数据目录")
	dataTo := fs.String("data-to", "", "--to 为数据库地址时：把佐证材料复制到的数据目录（不给时留在源目录）")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 || *from == "" || *to == "" {
		fs.Usage()
		return exitError{2}
	}
	srcDir, srcDSN := splitTarget(*from)
	dstDir, dstDSN := splitTarget(*to)
	srcFiles, dstFiles := srcDir, dstDir
	if *dataFrom != "" {
		if srcDSN == "" {
			return usageErr(e, "--data-from 只用于 --from 为 PostgreSQL 地址时（数据目录本身就含佐证材料）")
		}
		srcFiles = *dataFrom
	}
	if *dataTo != "" {
		if dstDSN == "" {
			return usageErr(e, "--data-to 只用于 --to 为 PostgreSQL 地址时（数据目录本身就含佐证材料）")
		}
		dstFiles = *dataTo
	}
	if srcDSN == "" && dstDSN == "" && samePath(srcDir, dstDir) || srcDSN != "" && srcDSN == dstDSN {
		return fmt.Errorf("源和目标是同一个数据库")
	}

	// The source must exist: checking it creates nothing.
	if ok, err := store.Exists(ctx, srcDir, srcDSN); err != nil {
		return err
	} else if !ok {
		return fmt.Errorf("%s 中没有 zhenggai 的数据，无可迁移", whereData(srcDir, srcDSN))
	}
	src, err := openStore(ctx, srcDir, srcDSN)
	if err != nil {
		return err
	}
	defer src.Close()
	nfiles, err := src.Count(ctx, "attachments")
	if err != nil {
		return err
	}
	if nfiles > 0 && srcFiles == "" && dstFiles != "" {
		return fmt.Errorf("源数据库有 %d 条佐证材料记录；请用 --data-from 指定佐证材料所在的数据目录（启动它时 --data 的目录）", nfiles)
	}
	dst, err := openStore(ctx, dstDir, dstDSN)
	if err != nil {
		return err
	}
	defer dst.Close()
	if empty, err := dst.Empty(ctx); err != nil {
		return err
	} else if !empty {
		return fmt.Errorf("%s 中已有数据；迁移只写入空的数据库（新的数据目录或空的 PostgreSQL 数据库），以免覆盖或混合现有数据", whereData(dstDir, dstDSN))
	}

	p := newProgress(e.stderr)
	p.line(fmt.Sprintf("从 %s 迁移到 %s …", whereData(srcDir, srcDSN), whereData(dstDir, dstDSN)))
	copiedFiles, damaged := 0, 0
	moveFiles := srcFiles != "" && dstFiles != "" && !samePath(srcFiles, dstFiles)
	if moveFiles {
		if copiedFiles, damaged, err = copyEvidence(ctx, p, srcFiles, dstFiles); err != nil {
			return err
		}
	}

	current := ""
	rep, err := src.CopyInto(ctx, dst, func(table string, done, total int64) {
		if table != current {
			p.finish()
			current = table
			p.start(tableLabel(table), int(total))
		}
		p.step(int(done))
	})
	p.finish()
	if err != nil {
		return fmt.Errorf("迁移未完成，目标数据库未写入任何记录：%w", err)
	}

	c := rep.Counts
	fmt.Fprintf(e.stdout, "迁移完成：%s → %s\n", whereData(srcDir, srcDSN), whereData(dstDir, dstDSN))
	fmt.Fprintf(e.stdout, "单位 %d，用户 %d，API 令牌 %d，巡察轮次 %d，问题类别 %d，具体问题 %d，整改措施 %d，整改进展 %d，佐证材料记录 %d，销号记录 %d，消息 %d，审计日志 %d 条。\n",
		c["units"], c["users"], c["tokens"], c["rounds"], c["categories"], c["problems"], c["measures"], c["progress"],
		c["attachments"], c["close_steps"], c["notifications"], c["audit_log"])
	fmt.Fprintln(e.stdout, "登录会话未迁移：用户需在新系统上重新登录。")

	// Evidence files: where they are now, and whether any is missing.
	switch {
	case moveFiles:
		fmt.Fprintf(e.stdout, "佐证材料：已复制 %d 个文件到 %s。\n", copiedFiles, filepath.Join(dstFiles, "files"))
		if damaged > 0 {
			fmt.Fprintf(e.stdout, "注意：源目录中有 %d 个佐证材料内容与其名称不符（已损坏），未复制。\n", damaged)
		}
	case dstFiles != "":
		fmt.Fprintf(e.stdout, "佐证材料：两边是同一个目录 %s，无需复制。\n", filepath.Join(dstFiles, "files"))
	case srcFiles != "":
		dstFiles = srcFiles
		fmt.Fprintf(e.stdout, "佐证材料：仍在 %s，未复制；新系统用 --data %s 继续使用它们。\n", filepath.Join(srcFiles, "files"), srcFiles)
	default:
		fmt.Fprintln(e.stdout, "佐证材料：两边都是 PostgreSQL 且未给 --data-from/--data-to，佐证材料文件未复制，仍在原来的数据目录。")
	}
	if dstFiles != "" && c["attachments"] > 0 {
		missing, err := missingFiles(ctx, dst, dstFiles)
		if err != nil {
			return err
		}
		if missing > 0 {
			fmt.Fprintf(e.stdout, "注意：有 %d 个佐证材料在 %s 中找不到（源数据中已缺失或已损坏）。\n", missing, filepath.Join(dstFiles, "files"))
		}
	}

	// The proof: the copy's audit trail verifies, and ends where the
	// source's does.
	vr, err := dst.VerifyAudit(ctx)
	if err != nil {
		return fmt.Errorf("核对目标的审计日志：%w", err)
	}
	if !vr.OK() {
		fmt.Fprintf(e.stdout, "目标的审计日志核对未通过：发现%d处问题。\n", int64(len(vr.Problems))+vr.More)
		for i, pr := range vr.Problems {
			if i == 10 {
				break
			}
			fmt.Fprintf(e.stdout, "  %d. %s\n", i+1, pr.Message)
		}
		if sr, err := src.VerifyAudit(ctx); err == nil && !sr.OK() {
			fmt.Fprintf(e.stdout, "源数据库的审计日志本身也未通过核对（%d处问题）：副本如实保留了源数据。\n", int64(len(sr.Problems))+sr.More)
		}
		return exitError{1}
	}
	fmt.Fprintf(e.stdout, "审计日志核对通过：共%d条记录，%d个业务记录与日志一致；最后一条为第%d条，哈希 %s。\n",
		vr.Entries, vr.Records, vr.HeadID, vr.HeadHash)
	if dstDSN != "" {
		fmt.Fprintf(e.stdout, "启动：zhenggai serve --db '%s' --data %s\n", store.RedactDSN(dstDSN), orDefault(dstFiles))
	} else {
		fmt.Fprintf(e.stdout, "启动：zhenggai serve --data %s\n", dstDir)
	}
	return nil
}

// splitTarget tells a data folder from a database URL.
func splitTarget(s string) (dir, dsn string) {
	if store.IsDSN(s) {
		return "", s
	}
	return s, ""
}

func usageErr(e *env, msg string) error {
	fmt.Fprintln(e.stderr, "错误："+msg)
	return exitError{2}
}

func orDefault(dir string) string {
	if dir == "" {
		return "佐证材料目录"
	}
	return dir
}

// samePath reports whether two paths name the same folder.
func samePath(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(ia, ib)
	}
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}

// tableLabel names a table for the progress lines.
func tableLabel(t string) string {
	if tb := store.TableNamed(t); tb != nil {
		return tb.Label
	}
	return t
}

// copyEvidence copies every evidence file of the data folder from into
// the data folder to, each checked against its name on the way (a
// damaged one is reported and left out), and returns how many it copied
// and how many were damaged.
func copyEvidence(ctx context.Context, p *progress, from, to string) (copied, damaged int, err error) {
	files, err := listFiles(filepath.Join(from, "files"), p)
	if err != nil {
		return 0, 0, err
	}
	if _, err := attach.Open(to); err != nil {
		return 0, 0, err
	}
	root := filepath.Join(to, "files")
	p.start("佐证材料", len(files))
	for i, rel := range files {
		if err := ctx.Err(); err != nil {
			return copied, damaged, err
		}
		path := filepath.Join(from, "files", rel)
		ok, err := copyFileChecked(path, root, rel)
		if err != nil {
			return copied, damaged, err
		}
		if ok {
			copied++
		} else {
			p.line(fmt.Sprintf("警告：佐证材料 %s 的内容与其名称不符，文件已损坏，未复制", path))
			damaged++
		}
		p.step(i + 1)
	}
	p.finish()
	return copied, damaged, nil
}

// copyFileChecked copies the evidence file path to root/rel (rel is
// ab/abcd…, named by the file's SHA-256) the way attach stores a file: to
// a temporary name, synced, then renamed. A file whose content does not
// match its name is not copied (false). A file already there is kept.
func copyFileChecked(path, root, rel string) (bool, error) {
	final := filepath.Join(root, rel)
	if _, err := os.Stat(final); err == nil {
		sum, err := fileSum(final)
		if err == nil && sum == filepath.Base(rel) {
			return true, nil
		}
	}
	in, err := os.Open(path)
	if err != nil {
		return false, fmt.Errorf("读取佐证材料 %s：%w", path, err)
	}
	defer in.Close()
	tmp, err := os.CreateTemp(root, ".upload-*")
	if err != nil {
		return false, err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(tmp, h), in); err != nil {
		return false, fmt.Errorf("复制佐证材料 %s：%w", path, err)
	}
	if hex.EncodeToString(h.Sum(nil)) != filepath.Base(rel) {
		return false, nil
	}
	if err := tmp.Sync(); err != nil {
		return false, err
	}
	if err := tmp.Close(); err != nil {
		return false, err
	}
	if err := os.MkdirAll(filepath.Dir(final), 0o750); err != nil {
		return false, err
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return false, err
	}
	done = true
	return true, nil
}

// missingFiles counts the evidence files the records of st name that are
// not in the data folder dir.
func missingFiles(ctx context.Context, st *store.Store, dir string) (int, error) {
	hashes, err := st.AttachmentHashes(ctx)
	if err != nil {
		return 0, err
	}
	files, err := attach.Open(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, h := range hashes {
		f, err := files.Open(h)
		if err != nil {
			n++
			continue
		}
		f.Close()
	}
	return n, nil
}

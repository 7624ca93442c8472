package cli

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/store"
)

// restore never writes into a folder that holds anything, and never makes
// anything final before the whole backup is checked: every member is
// extracted into a temporary folder next to (or inside the empty) target,
// checked against the manifest, evidence files against their names, the
// database by SQLite's own checks and the counts of the manifest, opened
// and migrated, and only then moved into place.

func runRestore(ctx context.Context, e *env, args []string) error {
	set := flags(e, "restore", "[--data DIR] FILE\n\n"+
		"把 zhenggai backup 生成的备份文件 FILE 恢复到数据目录 DIR。\n"+
		"DIR 必须是空的或尚不存在，已有的数据不会被覆盖。")
	data := set.String("data", defaultData, "恢复到的数据目录，须为空或尚不存在")
	dsn := set.String("db", "", "不接受：PostgreSQL 数据库请用 pg_restore 恢复")
	if err := set.Parse(args); err != nil {
		return err
	}
	if *dsn != "" {
		return zhenggai.Errorf(zhenggai.EINVALID, "zhenggai restore 只恢复到 SQLite 数据目录。PostgreSQL 数据库请用 pg_restore 从 pg_dump 的备份恢复；"+
			"或先把本程序的备份恢复到一个新目录（zhenggai restore --data 新目录 备份.zip），"+
			"再用 zhenggai migrate-data --from 新目录 --to '%s' 复制到 PostgreSQL", store.RedactDSN(*dsn))
	}
	if set.NArg() != 1 {
		set.Usage()
		return exitError{2}
	}
	src := set.Arg(0)
	target := filepath.Clean(*data)

	exists, err := checkRestoreTarget(target)
	if err != nil {
		return err
	}
	zr, err := zip.OpenReader(src)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("备份文件 %s 不存在", src)
		}
		return fmt.Errorf("备份文件 %s 无法读取（不是 zip 文件，或已损坏、不完整）：%v", src, err)
	}
	defer zr.Close()
	m, members, err := readManifest(zr, src)
	if err != nil {
		return err
	}

	// The temporary folder is on the same file system as the target, so
	// that moving it into place is a rename: inside the target when it
	// exists (it may be a mount point), else next to it.
	var tmp string
	if exists {
		tmp, err = os.MkdirTemp(target, ".zhenggai-restore-*")
	} else {
		parent := filepath.Dir(target)
		if err := os.MkdirAll(parent, 0o750); err != nil {
			return fmt.Errorf("无法创建文件夹 %s：%w", parent, err)
		}
		tmp, err = os.MkdirTemp(parent, ".zhenggai-restore-*")
	}
	if err != nil {
		return fmt.Errorf("无法创建临时文件夹：%w", err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()

	p := newProgress(e.stderr)
	p.line(fmt.Sprintf("正在检查并解开备份 %s（%s 生成）…", src, m.CreatedAt.In(zhenggai.Shanghai).Format("2006-01-02 15:04:05")))
	p.start("解开", len(m.Members))
	for i, mm := range m.Members {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := extractMember(members[mm.Name], mm, tmp); err != nil {
			return fmt.Errorf("备份文件 %s 未通过检查，未恢复任何数据：%w", src, err)
		}
		p.step(i + 1)
	}
	p.finish()
	if err := os.MkdirAll(filepath.Join(tmp, "files"), 0o750); err != nil {
		return err
	}

	info, err := store.InspectSnapshot(ctx, filepath.Join(tmp, store.DBFile))
	if err != nil {
		return fmt.Errorf("备份文件 %s 中的数据库未通过检查，未恢复任何数据：%w", src, err)
	}
	if info.SchemaVersion != m.SchemaVersion {
		return fmt.Errorf("备份文件 %s 未通过检查：数据库版本为 %d，清单记载为 %d", src, info.SchemaVersion, m.SchemaVersion)
	}
	if err := sameCounts(m.Counts, info.Counts); err != nil {
		return fmt.Errorf("备份文件 %s 未通过检查：%w", src, err)
	}
	var missing int
	for _, h := range info.Hashes {
		if len(h) < 2 || members["files/"+h[:2]+"/"+h] == nil {
			missing++
		}
	}
	// Open as the server will: migrations of a newer program apply here,
	// still in the temporary folder.
	st, err := store.OpenSQLite(ctx, tmp)
	if err != nil {
		return fmt.Errorf("恢复的数据库无法打开，未恢复任何数据：%w", err)
	}
	if err := st.Close(); err != nil {
		return err
	}
	if _, err := attach.Open(tmp); err != nil {
		return err
	}

	if !exists {
		os.Chmod(tmp, 0o750) // as OpenSQLite makes a data folder; MkdirTemp made it 0700
	}
	if err := moveIntoPlace(tmp, target, exists); err != nil {
		return err
	}
	done = true
	fmt.Fprintf(e.stdout, "已恢复到 %s：数据库版本 %d；巡察轮次 %d 个，具体问题 %d 个，整改措施 %d 项，整改进展 %d 条；佐证材料 %d 个。\n"+
		"启动：zhenggai serve --data %s\n",
		target, store.LatestSchemaVersion(), info.Counts["rounds"], info.Counts["problems"], info.Counts["measures"],
		info.Counts["progress"], m.Files, target)
	if missing > 0 {
		fmt.Fprintf(e.stdout, "注意：数据库中有 %d 个佐证材料在备份时就已缺失，未能恢复。\n", missing)
	}
	return nil
}

// checkRestoreTarget refuses a target that is not an empty folder, and
// reports whether it exists.
func checkRestoreTarget(target string) (bool, error) {
	st, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("无法访问数据目录 %s：%w", target, err)
	}
	if !st.IsDir() {
		return false, fmt.Errorf("%s 不是文件夹；请用 --data 指定一个空的（或尚不存在的）文件夹作为恢复目标", target)
	}
	d, err := os.Open(target)
	if err != nil {
		return false, fmt.Errorf("无法访问数据目录 %s：%w", target, err)
	}
	names, err := d.Readdirnames(1)
	d.Close()
	if len(names) > 0 {
		hint := ""
		if strings.HasPrefix(names[0], ".zhenggai-restore-") {
			hint = fmt.Sprintf("（其中的 %s 是上次中断的恢复留下的临时文件夹，确认后可以删除）", names[0])
		}
		return false, fmt.Errorf("数据目录 %s 不是空的%s；恢复只写入空的（或尚不存在的）文件夹，以免覆盖现有数据。请用 --data 指定一个新文件夹", target, hint)
	}
	if err != nil && err != io.EOF {
		return false, fmt.Errorf("无法读取数据目录 %s：%w", target, err)
	}
	return true, nil
}

// readManifest checks the names of the archive's members and reads the
// manifest; it returns the members by name. Only the database, the
// manifest and evidence files under their hash are accepted, each once,
// and the manifest must list exactly the members there are.
func readManifest(zr *zip.ReadCloser, src string) (*manifest, map[string]*zip.File, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("备份文件 %s 未通过检查，未恢复任何数据："+format, append([]any{src}, a...)...)
	}
	members := map[string]*zip.File{}
	var mf *zip.File
	for _, f := range zr.File {
		name := f.Name
		if strings.HasSuffix(name, "/") && f.FileInfo().IsDir() && (name == "files/" || memberDir(name)) {
			continue // a folder entry some zip tools add
		}
		if !validMember(name) {
			return nil, nil, bad("含有不应出现的成员 %q", name)
		}
		if !f.Mode().IsRegular() {
			return nil, nil, bad("成员 %q 不是普通文件", name)
		}
		if _, dup := members[name]; dup || (name == manifestName && mf != nil) {
			return nil, nil, bad("成员 %q 出现了不止一次", name)
		}
		if name == manifestName {
			mf = f
			continue
		}
		members[name] = f
	}
	if mf == nil {
		return nil, nil, bad("缺少 %s，不是 zhenggai 的备份", manifestName)
	}
	rc, err := mf.Open()
	if err != nil {
		return nil, nil, bad("无法读取 %s：%v", manifestName, err)
	}
	b, err := io.ReadAll(io.LimitReader(rc, maxManifest+1))
	rc.Close()
	if err != nil {
		return nil, nil, bad("无法读取 %s：%v", manifestName, err)
	}
	if len(b) > maxManifest {
		return nil, nil, bad("%s 过大", manifestName)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, nil, bad("%s 不是有效的清单：%v", manifestName, err)
	}
	if m.Format != backupFormat {
		return nil, nil, bad("不是 zhenggai 的备份")
	}
	if m.FormatVersion != backupFormatVersion {
		return nil, nil, bad("备份格式版本为 %d，本程序只能恢复第 %d 版；请使用生成该备份的 zhenggai 版本或更新的版本", m.FormatVersion, backupFormatVersion)
	}
	if latest := store.LatestSchemaVersion(); m.SchemaVersion > latest {
		return nil, nil, bad("备份来自更新版本的 zhenggai（数据库版本 %d，本程序最高支持 %d），请使用新版本的 zhenggai 恢复", m.SchemaVersion, latest)
	}
	listed := map[string]bool{}
	for _, mm := range m.Members {
		if !validMember(mm.Name) || mm.Name == manifestName {
			return nil, nil, bad("清单列出了不应出现的成员 %q", mm.Name)
		}
		if listed[mm.Name] {
			return nil, nil, bad("清单重复列出了成员 %q", mm.Name)
		}
		listed[mm.Name] = true
		if members[mm.Name] == nil {
			return nil, nil, bad("缺少清单列出的成员 %s", mm.Name)
		}
		if mm.Size < 0 || len(mm.SHA256) != 64 {
			return nil, nil, bad("清单中成员 %s 的记录不完整", mm.Name)
		}
	}
	if !listed[store.DBFile] {
		return nil, nil, bad("缺少数据库 %s", store.DBFile)
	}
	var extra []string
	for name := range members {
		if !listed[name] {
			extra = append(extra, name)
		}
	}
	if len(extra) > 0 {
		sort.Strings(extra)
		return nil, nil, bad("成员 %s 不在清单中", extra[0])
	}
	return &m, members, nil
}

// validMember reports whether name is one a backup may hold: no absolute
// path, no "..", no backslash, nothing but the three expected shapes.
func validMember(name string) bool {
	if name == manifestName || name == store.DBFile {
		return true
	}
	sm := memberFile.FindStringSubmatch(name)
	return sm != nil && sm[1] == sm[2][:2]
}

// memberDir matches the folder entry files/ab/.
func memberDir(name string) bool {
	if len(name) != len("files/ab/") || !strings.HasPrefix(name, "files/") {
		return false
	}
	for _, c := range name[6:8] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// extractMember writes one member under dir, reading no more than the
// manifest says, and checks its size and SHA-256 (and, for an evidence
// file, that the SHA-256 is its name).
func extractMember(f *zip.File, mm manifestMember, dir string) error {
	// mm.Name is one of the validated shapes: a relative path without "..".
	path := filepath.Join(dir, filepath.FromSlash(mm.Name))
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return err
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("成员 %s 无法读取：%v", mm.Name, err)
	}
	defer rc.Close()
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), io.LimitReader(rc, mm.Size+1))
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("成员 %s 无法解开：%v", mm.Name, err)
	}
	sum := hex.EncodeToString(h.Sum(nil))
	switch {
	case n != mm.Size:
		return fmt.Errorf("成员 %s 的大小（%d 字节）与清单（%d 字节）不符", mm.Name, n, mm.Size)
	case sum != mm.SHA256:
		return fmt.Errorf("成员 %s 的校验值与清单不符，备份已损坏", mm.Name)
	case mm.Name != store.DBFile && sum != filepath.Base(mm.Name):
		return fmt.Errorf("佐证材料 %s 的内容与其名称不符", mm.Name)
	}
	return nil
}

// sameCounts compares the rows per table the manifest records with those
// of the extracted database.
func sameCounts(want, got map[string]int64) error {
	names := map[string]bool{}
	for k := range want {
		names[k] = true
	}
	for k := range got {
		names[k] = true
	}
	var sorted []string
	for k := range names {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	for _, k := range sorted {
		if want[k] != got[k] {
			return fmt.Errorf("表 %s 有 %d 行，清单记载为 %d 行", k, got[k], want[k])
		}
	}
	return nil
}

// moveIntoPlace makes the checked folder tmp the data folder target: one
// rename when target did not exist, else a rename of each entry into the
// empty target, the database last (a folder with a database is a data
// folder).
func moveIntoPlace(tmp, target string, exists bool) error {
	if !exists {
		if err := os.Rename(tmp, target); err != nil {
			return fmt.Errorf("无法将恢复的数据移到 %s：%w", target, err)
		}
		syncDir(filepath.Dir(target))
		return nil
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return err
	}
	sort.Slice(entries, func(i, j int) bool {
		// zhenggai.db after its -wal/-shm companions and the files.
		return entries[i].Name() != store.DBFile && entries[j].Name() == store.DBFile
	})
	for _, en := range entries {
		if err := os.Rename(filepath.Join(tmp, en.Name()), filepath.Join(target, en.Name())); err != nil {
			return fmt.Errorf("无法将恢复的数据移到 %s：%w", target, err)
		}
	}
	syncDir(target)
	return os.Remove(tmp)
}

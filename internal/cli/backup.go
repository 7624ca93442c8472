package cli

import (
	"archive/zip"
	"bufio"
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
	"regexp"
	"sort"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

// A backup is one zip file (zip rather than tar.gz: offices use Windows,
// which opens zip files without extra software, and a zip's directory lets
// restore check every member before it reads one). Its members are:
//
//	zhenggai.db          the database, a consistent snapshot (VACUUM INTO)
//	files/ab/abcd…       every evidence file, named by its SHA-256
//	manifest.json        what the backup holds, with the SHA-256 of each member
//
// Nothing else is accepted by restore.

const (
	backupFormat        = "zhenggai-backup"
	backupFormatVersion = 1
	manifestName        = "manifest.json"
	// maxManifest bounds the manifest restore reads: 100 000 files take
	// about 15 MB.
	maxManifest = 64 << 20
)

// manifest is manifest.json.
type manifest struct {
	Format         string           `json:"format"`
	FormatVersion  int              `json:"format_version"`
	ProgramVersion string           `json:"program_version"`
	SchemaVersion  int              `json:"schema_version"`
	CreatedAt      time.Time        `json:"created_at"`
	Counts         map[string]int64 `json:"counts"` // rows per table
	Files          int              `json:"files"`  // evidence files
	// Missing are evidence files the database names that were not in the
	// files folder when the backup was made.
	Missing []string `json:"missing,omitempty"`
	// Damaged are files of the files folder whose content no longer
	// matches their name; they are left out.
	Damaged []string         `json:"damaged,omitempty"`
	Members []manifestMember `json:"members"`
}

type manifestMember struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// memberFile matches the name of an evidence file inside a backup: the
// only path a member may have besides the database and the manifest.
var memberFile = regexp.MustCompile(`^files/([0-9a-f]{2})/([0-9a-f]{64})$`)

// hashName matches the name of a stored evidence file.
var hashName = regexp.MustCompile(`^[0-9a-f]{64}$`)

func runBackup(ctx context.Context, e *env, args []string) error {
	set := flags(e, "backup", "[--data DIR] FILE | --dir 目录 [--keep N]\n\n"+
		"把数据目录（数据库和全部佐证材料）备份为一个 zip 文件 FILE，服务运行中也可备份。\n"+
		"FILE 不能已经存在。用 zhenggai restore 恢复。\n"+
		"计划任务用 --dir：在该目录中写 zhenggai-年-月-日-时分秒.zip（北京时间），--keep 只留最近 N 份。")
	data := set.String("data", defaultData, "要备份的数据目录")
	dsn := set.String("db", "", "不接受：PostgreSQL 数据库用 pg_dump 备份")
	dir := set.String("dir", "", "备份目录：备份文件按时间命名，目录不存在时新建")
	keep := set.Int("keep", 0, "与 --dir 同用：备份成功后只留最近 N 份，删除更早的（只删本程序按时间命名的备份文件）")
	if err := set.Parse(args); err != nil {
		return err
	}
	if *dsn != "" {
		return zhenggai.Errorf(zhenggai.EINVALID, "zhenggai backup 只备份 SQLite 数据目录。PostgreSQL 数据库请用 pg_dump 备份"+
			"（例如 pg_dump -Fc -f zhenggai.dump '%s'），佐证材料目录（--data 目录下的 files/）另行复制；"+
			"或用 zhenggai migrate-data --from 数据库 --to 新目录 复制成 SQLite 数据目录后再备份", store.RedactDSN(*dsn))
	}
	if (*dir == "") == (set.NArg() != 1) || set.NArg() > 1 || *keep < 0 || (*keep > 0 && *dir == "") {
		set.Usage()
		return exitError{2}
	}
	var out string
	if *dir != "" {
		if err := os.MkdirAll(*dir, 0o700); err != nil {
			return fmt.Errorf("无法建立备份目录 %s：%w", *dir, err)
		}
		out = filepath.Join(*dir, datedBackupName(time.Now()))
	} else {
		out = set.Arg(0)
	}
	if _, err := os.Stat(filepath.Join(*data, store.DBFile)); err != nil {
		return fmt.Errorf("数据目录 %s 中没有数据库，无可备份", *data)
	}
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("备份文件 %s 已存在；为免覆盖已有的备份，请换一个文件名", out)
	}
	// O_EXCL: refuse a file that appeared since the check, too. The backup
	// holds personal data, so only its owner may read it.
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("备份文件 %s 已存在；为免覆盖已有的备份，请换一个文件名", out)
		}
		return fmt.Errorf("无法创建备份文件 %s：%w", out, err)
	}
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(out)
		}
	}()
	m, err := writeBackup(ctx, e, *data, f, filepath.Dir(out))
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("写入备份文件 %s：%w", out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("写入备份文件 %s：%w", out, err)
	}
	done = true
	syncDir(filepath.Dir(out))
	var size int64
	for _, mm := range m.Members {
		size += mm.Size
	}
	fmt.Fprintf(e.stdout, "备份完成：%s\n数据库版本 %d；巡察轮次 %d 个，具体问题 %d 个，整改措施 %d 项，整改进展 %d 条；佐证材料 %d 个；共 %s。\n",
		out, m.SchemaVersion, m.Counts["rounds"], m.Counts["problems"], m.Counts["measures"], m.Counts["progress"],
		m.Files, sizeText(size))
	if len(m.Missing) > 0 {
		fmt.Fprintf(e.stdout, "注意：数据库中有 %d 个佐证材料在佐证材料目录中找不到，备份中也没有（见 manifest.json 的 missing）。\n", len(m.Missing))
	}
	if len(m.Damaged) > 0 {
		fmt.Fprintf(e.stdout, "注意：佐证材料目录中有 %d 个文件内容与其名称不符（已损坏），未备份（见 manifest.json 的 damaged）。\n", len(m.Damaged))
	}
	if *keep > 0 {
		removed, err := pruneBackups(*dir, *keep)
		for _, r := range removed {
			fmt.Fprintf(e.stdout, "删除旧备份：%s\n", r)
		}
		if err != nil {
			return fmt.Errorf("删除旧备份：%w", err)
		}
	}
	return nil
}

// datedBackup matches the names datedBackupName gives, and only those:
// pruning never touches another file of the folder.
var datedBackup = regexp.MustCompile(`^zhenggai-\d{4}-\d{2}-\d{2}-\d{6}\.zip$`)

// datedBackupName names a backup by its time in Beijing, so that names
// sort as times do.
func datedBackupName(t time.Time) string {
	return "zhenggai-" + t.In(zhenggai.Shanghai).Format("2006-01-02-150405") + ".zip"
}

// pruneBackups removes the dated backups of dir but the newest keep.
func pruneBackups(dir string, keep int) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var dated []string
	for _, e := range ents {
		if e.Type().IsRegular() && datedBackup.MatchString(e.Name()) {
			dated = append(dated, e.Name())
		}
	}
	sort.Strings(dated)
	var removed []string
	for len(dated) > keep {
		p := filepath.Join(dir, dated[0])
		if err := os.Remove(p); err != nil {
			return removed, err
		}
		removed = append(removed, p)
		dated = dated[1:]
	}
	return removed, nil
}

// writeBackup writes the archive of the data folder dir to w. The database
// is copied first and the files after: files are stored before the
// records that name them and never removed, so every file the snapshot
// names is already there when the folder is read.
func writeBackup(ctx context.Context, e *env, dir string, w io.Writer, tmpDir string) (*manifest, error) {
	p := newProgress(e.stderr)
	p.line("正在复制数据库（一致性快照）…")
	tmp, err := os.CreateTemp(tmpDir, ".zhenggai-backup-*.db")
	if err != nil {
		return nil, fmt.Errorf("无法创建临时文件：%w", err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer removeDB(tmpName)
	if err := store.SnapshotSQLite(ctx, dir, tmpName); err != nil {
		return nil, err
	}
	info, err := store.InspectSnapshot(ctx, tmpName)
	if err != nil {
		return nil, fmt.Errorf("数据库快照检查未通过，未生成备份：%w", err)
	}
	m := &manifest{
		Format: backupFormat, FormatVersion: backupFormatVersion, ProgramVersion: Version(),
		SchemaVersion: info.SchemaVersion, CreatedAt: time.Now().UTC().Truncate(time.Second), Counts: info.Counts,
	}

	bw := bufio.NewWriterSize(w, 1<<20)
	zw := zip.NewWriter(bw)
	mm, err := addMember(zw, store.DBFile, tmpName, zip.Deflate, m.CreatedAt)
	if err != nil {
		return nil, fmt.Errorf("写入数据库：%w", err)
	}
	m.Members = append(m.Members, mm)
	removeDB(tmpName)

	files, err := listFiles(filepath.Join(dir, "files"), p)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	p.start("佐证材料", len(files))
	for i, rel := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sum := filepath.Base(rel)
		path := filepath.Join(dir, "files", rel)
		// A file whose content no longer matches its name would be refused
		// by restore: it is checked before it is written, and left out.
		if got, err := fileSum(path); err != nil {
			return nil, fmt.Errorf("读取佐证材料 %s：%w", path, err)
		} else if got != sum {
			p.line(fmt.Sprintf("警告：佐证材料 %s 的内容与其名称不符，文件已损坏，未备份", path))
			m.Damaged = append(m.Damaged, sum)
			p.step(i + 1)
			continue
		}
		// Evidence files are mostly PDF, JPEG and DOCX, compressed already.
		name := "files/" + sum[:2] + "/" + sum
		mm, err := addMember(zw, name, path, zip.Store, m.CreatedAt)
		if err != nil {
			return nil, fmt.Errorf("写入佐证材料 %s：%w", path, err)
		}
		if mm.SHA256 != sum {
			// Changed between the two reads: files are never rewritten, so
			// something outside the program is at work. Stop.
			return nil, fmt.Errorf("佐证材料 %s 在备份过程中被改动，备份未完成", path)
		}
		m.Members = append(m.Members, mm)
		have[sum] = true
		p.step(i + 1)
	}
	p.finish()
	m.Files = len(have)
	for _, h := range info.Hashes {
		if !have[h] {
			m.Missing = append(m.Missing, h)
		}
	}

	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	hw, err := zw.CreateHeader(&zip.FileHeader{Name: manifestName, Method: zip.Deflate, Modified: m.CreatedAt})
	if err != nil {
		return nil, err
	}
	if _, err := hw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	return m, nil
}

// addMember copies the file at path into the archive under name and
// returns its size and SHA-256 as read.
func addMember(zw *zip.Writer, name, path string, method uint16, mod time.Time) (manifestMember, error) {
	f, err := os.Open(path)
	if err != nil {
		return manifestMember{}, err
	}
	defer f.Close()
	hdr := &zip.FileHeader{Name: name, Method: method, Modified: mod}
	hdr.SetMode(0o640)
	w, err := zw.CreateHeader(hdr)
	if err != nil {
		return manifestMember{}, err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), f)
	if err != nil {
		return manifestMember{}, err
	}
	return manifestMember{Name: name, Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// fileSum is the SHA-256 of a file's content.
func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// listFiles lists the evidence files under root (paths relative to it),
// sorted. Unfinished uploads (.upload-*) are left out; anything else that
// is not a file named by its hash in the right sub-folder is reported and
// left out, since restore would not accept it.
func listFiles(root string, p *progress) ([]string, error) {
	var out []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && path == root {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		base := d.Name()
		if strings.HasPrefix(base, ".upload-") && filepath.Dir(rel) == "." {
			return nil
		}
		if !d.Type().IsRegular() || !hashName.MatchString(base) || filepath.Dir(rel) != base[:2] {
			p.line(fmt.Sprintf("跳过佐证材料目录中的非佐证材料文件：%s", path))
			return nil
		}
		out = append(out, rel)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("读取佐证材料目录 %s：%w", root, err)
	}
	sort.Strings(out)
	return out, nil
}

// removeDB removes a database file and what SQLite may have left next to it.
func removeDB(path string) {
	for _, s := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + s)
	}
}

// syncDir makes a rename or a new file in dir durable. Windows cannot sync
// a folder; there the error is ignored, as everywhere it cannot be helped.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}

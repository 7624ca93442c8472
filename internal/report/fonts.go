package report

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os/exec"
	"strings"
	"sync"
	"time"

	"zhenggai"
)

// Face is a face of the document (GB/T 9704: 2号方正小标宋简体 title, 3号仿宋
// body, 黑体 and 楷体 headings) and the faces that may set it: the names
// Windows and WPS give it first, then free faces of the same style
// (Debian: the Fandol fonts of texlive-lang-chinese, AR PL KaitiM GB).
type Face struct {
	Role     string   // 标题, 正文, 一级标题, 二级标题, 页码
	Wanted   string   // the face documents are set in: 仿宋_GB2312
	Official int      // Families[:Official] are that face under its names
	Style    int      // Families[:Style] are faces of its style (仿宋, 楷体…)
	Families []string // CSS font-family list, most wanted first
	selector string   // an element of the report set in it

	// Used is the face the machine set it in, "" when none of Families
	// is installed (the browser's default CJK face then stands in);
	// PostScript its PostScript name, when the browser said.
	Used       string
	PostScript string
}

// StandIn says whether another face stood in for the wanted one.
func (f Face) StandIn() bool {
	for _, n := range f.Families[:f.Official] {
		if strings.EqualFold(n, f.Used) {
			return false
		}
	}
	return true
}

// docFaces are the faces of the report, in the order the note names them.
var docFaces = []Face{
	{Role: "正文", Wanted: "仿宋_GB2312", Official: 6, Style: 7, selector: ".zg-report p",
		Families: []string{"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "华文仿宋", "STFangsong",
			"FandolFang", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL SungtiL GB"}},
	{Role: "标题", Wanted: "方正小标宋简体", Official: 4, Style: 6, selector: ".zg-report h1",
		Families: []string{"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05",
			"华文中宋", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", "FandolSong"}},
	{Role: "一级标题", Wanted: "黑体", Official: 2, Style: 7, selector: ".zg-report h2",
		Families: []string{"黑体", "SimHei", "华文黑体", "STHeiti", "FandolHei", "Noto Sans CJK SC", "Source Han Sans SC"}},
	{Role: "二级标题", Wanted: "楷体_GB2312", Official: 4, Style: 9, selector: ".zg-report h3",
		Families: []string{"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "华文楷体", "STKaiti",
			"FandolKai", "AR PL KaitiM GB", "AR PL UKai CN"}},
	{Role: "页码", Wanted: "宋体", Official: 2, Style: 6,
		Families: []string{"宋体", "SimSun", "华文宋体", "STSong", "FandolSong", "AR PL SungtiL GB", "Noto Serif CJK SC"}},
}

// fontFamily is a face's CSS font-family value, ending in generic.
func fontFamily(role, generic string) string {
	for _, f := range docFaces {
		if f.Role == role {
			var b strings.Builder
			for _, n := range f.Families {
				b.WriteString(`"` + n + `",`)
			}
			return b.String() + generic
		}
	}
	panic("report: no face " + role)
}

// FaceNote says, for people, which faces stood in for the document's
// own; "" when none did.
func FaceNote(faces []Face) string {
	var parts []string
	for _, f := range faces {
		if !f.StandIn() {
			continue
		}
		used := f.Used
		if used == "" {
			used = "浏览器默认字体"
		}
		parts = append(parts, f.Role+"用"+used+"代替"+f.Wanted)
	}
	if len(parts) == 0 {
		return ""
	}
	return "PDF 字体：" + strings.Join(parts, "，") + "（本机未安装这些公文字体，每页22行、每行28字不变）。" +
		"在生成 PDF 的电脑上安装后即用原字体；Word、WPS 打开 DOCX 时用所在电脑的字体。"
}

// canonical names a platform's family as Families does: "FandolFang R"
// is FandolFang.
func (f Face) canonical(name string) string {
	for _, n := range f.Families {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	for _, n := range f.Families {
		if len(name) > len(n) && strings.EqualFold(name[:len(n)], n) && name[len(n)] == ' ' {
			return n
		}
	}
	return name
}

// How long what fc-list said is kept: fonts are installed rarely, and a
// page that shows the note is viewed often.
const facesTTL = 10 * time.Minute

var installed struct {
	sync.Mutex
	at    time.Time
	faces []Face
	err   error
}

// InstalledFaces says which face a PDF printed here would use for each
// of the document's, from the families fontconfig (fc-list) lists: the
// first of Families installed, as Chromium takes it.
func InstalledFaces(ctx context.Context) ([]Face, error) {
	installed.Lock()
	defer installed.Unlock()
	if !installed.at.IsZero() && time.Since(installed.at) < facesTTL {
		return installed.faces, installed.err
	}
	families, err := fcList(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err // not kept: the next caller may have time
		}
		installed.at, installed.faces, installed.err = time.Now(), nil, err
		return nil, err
	}
	var faces []Face
	for _, f := range docFaces {
		if f.selector == "" {
			continue // as usedFaces: what the browser can be asked about
		}
		for _, n := range f.Families {
			if families[strings.ToLower(n)] {
				f.Used = n
				break
			}
		}
		faces = append(faces, f)
	}
	installed.at, installed.faces, installed.err = time.Now(), faces, nil
	return faces, nil
}

// fcList lists the font families fontconfig knows, lower-cased.
func fcList(ctx context.Context) (map[string]bool, error) {
	path, err := exec.LookPath("fc-list")
	if err != nil {
		return nil, errNoFontconfig
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "--format", "%{family}\n")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	families, perr := parseFamilies(io.LimitReader(out, 4<<20))
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return nil, err
	}
	return families, perr
}

var errNoFontconfig = zhenggai.Errorf(zhenggai.EINTERNAL, "未安装 fontconfig（fc-list）")

// parseFamilies reads fc-list's lines of families: a font's names,
// comma separated ("AR PL KaitiM GB,文鼎ＰＬ简中楷"), a comma of a name
// escaped by a backslash.
func parseFamilies(r io.Reader) (map[string]bool, error) {
	out := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := sc.Bytes()
		var name bytes.Buffer
		for i := 0; i < len(line); i++ {
			switch c := line[i]; {
			case c == '\\' && i+1 < len(line):
				i++
				name.WriteByte(line[i])
			case c == ',':
				add(out, name.String())
				name.Reset()
			default:
				name.WriteByte(c)
			}
		}
		add(out, name.String())
	}
	return out, sc.Err()
}

func add(set map[string]bool, name string) {
	if name = strings.TrimSpace(name); name != "" && len(set) < 100000 {
		set[strings.ToLower(name)] = true
	}
}

package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "export", "[--data DIR] [--db URL] --round ID [--format xlsx] [-o FILE]\n\n"+
		"把一个巡察轮次的整改台账导出为Excel文件（整改清单和巡察信息两张表），可用 zhenggai import 再导入。")
	data := dataFlag(fs)
	dsn := dbFlag(fs)
	round := fs.Int64("round", 0, "巡察轮次的编号（页面地址 /rounds/编号 中的数字）")
	format := fs.String("format", "xlsx", "文件格式：xlsx（Excel）")
	out := fs.String("o", "", "输出文件，- 表示标准输出（不给时为当前目录下的“整改台账-编号.xlsx”）")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 || *round <= 0 {
		fs.Usage()
		return exitError{2}
	}
	if *format != "xlsx" {
		return zhenggai.Errorf(zhenggai.EINVALID, "不支持的格式 %q：目前可导出 xlsx", *format)
	}
	st, err := openStore(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	name := *out
	if name == "" {
		name = fmt.Sprintf("整改台账-%d.xlsx", *round)
	}
	if name == "-" {
		return exportLedger(ctx, st, *round, e.stdout)
	}
	err = writeFile(name, func(w io.Writer) error { return exportLedger(ctx, st, *round, w) })
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "已导出巡察轮次 #%d 的整改台账：%s\n", *round, name)
	return nil
}

// exportLedger writes a round's ledger as a workbook, with the newest
// progress entry of each measure, as the ledger page shows it.
func exportLedger(ctx context.Context, st *store.Store, round int64, w io.Writer) error {
	rec, err := st.RoundRecords(ctx, round, zhenggai.Today())
	if err != nil {
		return err
	}
	_, body, err := xlsx.LedgerFile(rec.Ledger, rec.Progress)
	if err != nil {
		return err
	}
	_, err = w.Write(body)
	return err
}

// writeFile writes a file through write: beside the target and renamed,
// so that a failed export leaves no half file under the name asked for.
func writeFile(name string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), ".export-*"+filepath.Ext(name))
	if err != nil {
		return fmt.Errorf("无法写入 %s：%w", name, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("写入 %s：%w", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("写入 %s：%w", name, err)
	}
	return nil
}

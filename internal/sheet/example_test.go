package sheet_test

import (
	"context"
	"fmt"
	"strings"

	"zhenggai/internal/sheet"
)

// A register's workbook is a column list and its checks: here the dues a
// party branch paid, as its treasurer keeps them, read from CSV.
func Example() {
	const (
		name = iota
		month
		paid
	)
	dues := sheet.Spec{What: "党费缴纳表", Columns: []sheet.Column{
		name:  {Name: "姓名", Required: true, Max: 20},
		month: {Name: "月份", Aliases: []string{"缴纳月份"}, Required: true},
		paid:  {Name: "实缴金额", Unit: "元", Units: []string{"元"}, Aliases: []string{"实缴", "缴纳金额"}, Required: true, Once: true},
	}}
	file := "2020年党费缴纳表\n姓名,缴纳月份,实缴金额(元)\n王芳,2020-10-01,76.50\n李明,2020/10/1,76.5元\n张伟,2020年10月1日,七十六元\n"

	b, err := sheet.Open(context.Background(), strings.NewReader(file), sheet.Options{What: "党费缴纳表", CSV: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer b.Close()
	t, err := b.Table(b.Sheets()[0], &dues)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer t.Close()
	for t.Next() {
		r := t.Row()
		who, _ := r.Text(name)
		m, _ := r.Date(month)
		fen, ok := r.Fen(paid)
		if ok {
			fmt.Println(who, m, fen)
		}
	}
	if err := t.Err(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(b.Rejected())
	// Output:
	// 王芳 2020-10-01 7650
	// 李明 2020-10-01 7650
	// 党费缴纳表中有1处错误，未导入任何内容：
	// 第5行“实缴金额（元）”：“七十六元”须为金额（元），如 12600 或 1260.50
}

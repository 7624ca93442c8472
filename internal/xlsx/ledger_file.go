package xlsx

import (
	"bytes"

	"zhenggai"
)

// MediaType is the media type of an Excel workbook.
const MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// LedgerFile is the ledger workbook that every download of it gives (the
// ledger page's 导出Excel, the API, zhenggai export): its file name, which
// names the unit as offices file it, and its bytes, with the newest of the
// progress entries (newest first, as the store lists them) of each
// measure. It is made whole in memory, so that a failure is still an error
// answer and not a broken download.
func LedgerFile(l *zhenggai.Ledger, progress []*zhenggai.Progress) (name string, body []byte, err error) {
	var b bytes.Buffer
	if err := Write(&b, l, zhenggai.LatestProgress(progress)); err != nil {
		return "", nil, err
	}
	return FileName(l.Today, ".xlsx", l.Round.Unit, l.Round.Inspector, "整改台账"), b.Bytes(), nil
}

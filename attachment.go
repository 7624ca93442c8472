package zhenggai

// Attachment is an evidence file, stored once by its content hash.
type Attachment struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	SHA256      string `json:"sha256"`
	Size        int64  `json:"size"`
	ContentType string `json:"content_type"`
}

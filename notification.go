package zhenggai

import "time"

// Notification is a message in a person's inbox: a warning, a step of
// closing, and, when he has an address and SMTP is set up, an e-mail.
type Notification struct {
	ID         int64     `json:"id"`
	UnitID     int64     `json:"unit_id"`
	UserID     int64     `json:"user_id"`
	MeasureID  int64     `json:"measure_id,omitempty"`
	Colour     Colour    `json:"colour,omitempty"`
	Subject    string    `json:"subject"`
	Body       string    `json:"body"`
	Link       string    `json:"link,omitempty"`
	Read       bool      `json:"read"`
	EmailState string    `json:"email_state,omitempty"` // one of the Email states below
	CreatedAt  time.Time `json:"created_at"`

	Email string `json:"-"` // the recipient's address, for sending
}

// Email states of a notification.
const (
	EmailNone      = ""
	EmailPending   = "pending"
	EmailSending   = "sending" // claimed by a sender
	EmailSent      = "sent"
	EmailFailed    = "failed"     // given up after repeated failures
	EmailNoAddress = "no_address" // the recipient has no address any more
)

package regsample_test

import (
	"testing"

	"zhenggai"
	"zhenggai/internal/regsample"
)

// TestDemoCPPCC: the demo's CPPCC registers hold the seed's facts: 230
// registered in 2016–2019 of which 162 keep their letter and 93 their
// form; 九届四次 79 received, 2 turned into opinions, 62 registered, all
// answered and every form returned satisfied; 105 members on leave at the 2019 plenary; 17
// suggestions on the platform; 8 of 23 townships without a leader.
func TestDemoCPPCC(t *testing.T) {
	b := demo(t)
	var reg, letters, forms int
	var session []zhenggai.Proposal
	for _, p := range b.Proposals {
		if p.Session == "九届四次" {
			session = append(session, p)
		}
		if p.Year > 2019 {
			continue
		}
		s := zhenggai.CountProposals("", []zhenggai.Proposal{p})
		if s.Registered == 0 {
			continue
		}
		reg++
		for _, d := range p.Documents {
			switch d.Kind {
			case zhenggai.DocReplyLetter:
				letters++
			case zhenggai.DocFeedbackForm:
				forms++
			}
		}
	}
	if reg != 230 || letters != 162 || forms != 93 {
		t.Errorf("2016–2019: %d registered, %d letters, %d forms", reg, letters, forms)
	}
	s := zhenggai.CountProposals("九届四次", session)
	if s.Received != 79 || s.Converted != 2 || s.Registered != 62 || s.Replied != 62 || s.Done != 62 || s.Satisfied != s.Forms || s.Forms == 0 {
		t.Errorf("九届四次: %+v", s)
	}
	if session[0].Year != 2019 {
		t.Errorf("九届四次 in %d", session[0].Year)
	}
	for _, m := range b.Meetings {
		if m.Type != "全体会议" || m.Date.Year() != 2019 {
			continue
		}
		leave := 0
		for _, a := range m.Attendance {
			if a.Presence == zhenggai.OnLeave {
				leave++
			}
		}
		if leave != regsample.PlenaryOnLeave {
			t.Errorf("the 2019 plenary: %d on leave", leave)
		}
	}
	platform := 0
	for _, g := range b.Suggestions {
		if g.Via == zhenggai.ViaPlatform {
			platform++
		}
	}
	vacant := 0
	for _, tw := range b.Townships {
		for _, p := range tw.Posts {
			if p.Role == zhenggai.LiaisonLeader && !p.To.IsZero() {
				vacant++
			}
		}
	}
	if platform != 17 || len(b.Townships) != 23 || vacant != 8 || len(b.CPPCCMembers) != regsample.CPPCCMembers {
		t.Errorf("%d on the platform, %d townships, %d vacant, %d members", platform, len(b.Townships), vacant, len(b.CPPCCMembers))
	}
}

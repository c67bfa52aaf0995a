package explore

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// ProblemUnusable names rows without a usable e-mail address or phone
// number: the personal column is empty or malformed. The two cannot be told
// apart here because only validity flags leave the database, never the
// addresses, so one finding covers both.
const ProblemUnusable analysis.ProblemKind = "unusable"

// contactMsg carries the contact-column findings, which need a scan of the
// personal columns in SQLite and so arrive after the in-memory ones.
type contactMsg struct {
	seq      int
	problems []analysis.Problem
	err      error
}

// contactCmd judges every e-mail address and phone number in the database,
// row by row (store keeps them out of memory), in a Cmd.
func contactCmd(s *common.Session, seq int) tea.Cmd {
	cc := s.ContactColumns()
	if s.DB == nil || cc.Email == "" && cc.Phone == "" {
		return func() tea.Msg { return contactMsg{seq: seq} }
	}
	ids := s.Data.RowIDs
	return func() tea.Msg {
		v, err := s.ReadContactValidity(context.Background())
		if err != nil {
			return contactMsg{seq: seq, err: err}
		}
		var out []analysis.Problem
		add := func(col string, valid model.Bitset, detail model.Sentence) {
			if col == "" || valid == nil {
				return
			}
			bad := valid.Clone().Not(len(ids))
			if n := bad.Count(); n > 0 {
				out = append(out, analysis.Problem{Column: col, Kind: ProblemUnusable, Count: n, Detail: detail, Rows: bad})
			}
		}
		add(cc.Email, v.Email, model.Say(msgUnusableEmail))
		add(cc.Phone, v.Phone, model.Say(msgUnusablePhone))
		return contactMsg{seq: seq, problems: out}
	}
}

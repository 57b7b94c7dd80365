package syntax

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CoNLLSentence is one sentence of a CoNLL-U file: its lines as read (comments, multiword
// tokens and empty nodes kept for writing back) and its syntactic words.
type CoNLLSentence struct {
	Lines []string // every line of the sentence, comments included
	Words []CoNLLWord
}

// CoNLLWord is one syntactic word (an integer ID). Head is 1-based with 0 for the root, or -1
// where the file leaves it blank.
type CoNLLWord struct {
	Form, UPOS, XPOS, Deprel string
	Head                     int
	SpaceAfter               bool
	line                     int // index in Lines
}

// ReadCoNLLU reads every sentence of a CoNLL-U stream.
func ReadCoNLLU(r io.Reader) ([]CoNLLSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []CoNLLSentence
	var cur CoNLLSentence
	n := 0
	flush := func() {
		if len(cur.Lines) > 0 {
			out = append(out, cur)
		}
		cur = CoNLLSentence{}
	}
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			flush()
			continue
		}
		cur.Lines = append(cur.Lines, line)
		if line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("conllu line %d: %d columns, want 10", n, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // a multiword token's range line or an empty node: kept in Lines only
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("conllu line %d: word ID %q out of sequence", n, cols[0])
		}
		head := -1
		if cols[6] != "_" {
			if head, err = strconv.Atoi(cols[6]); err != nil {
				return nil, fmt.Errorf("conllu line %d: head %q", n, cols[6])
			}
		}
		cur.Words = append(cur.Words, CoNLLWord{Form: cols[1], UPOS: cols[3], XPOS: cols[4], Head: head,
			Deprel: cols[7], SpaceAfter: !strings.Contains(cols[9], "SpaceAfter=No"), line: len(cur.Lines) - 1})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// WriteCoNLLU writes sentences back with each word's UPOS, XPOS, HEAD and DEPREL as they are
// now; every other column and line stays as read.
func WriteCoNLLU(w io.Writer, sents []CoNLLSentence) error {
	bw := bufio.NewWriter(w)
	var b bytes.Buffer
	for _, s := range sents {
		lines := append([]string(nil), s.Lines...)
		for _, wd := range s.Words {
			cols := strings.Split(lines[wd.line], "\t")
			cols[3], cols[4] = orBlank(wd.UPOS), orBlank(wd.XPOS)
			cols[6], cols[7] = "_", orBlank(wd.Deprel)
			if wd.Head >= 0 {
				cols[6] = strconv.Itoa(wd.Head)
			}
			lines[wd.line] = strings.Join(cols, "\t")
		}
		b.Reset()
		for _, l := range lines {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
		if _, err := bw.Write(b.Bytes()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func orBlank(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

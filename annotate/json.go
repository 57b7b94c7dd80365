package annotate

import (
	"errors"

	"github.com/attest-news/attest/internal/tinyjson"
)

// The browser engine writes and reads results with these instead of encoding/json (0.17 MB of
// its gzipped WebAssembly): the same JSON, field for field, as the struct tags give — tests hold
// both to each other. The command line and the HTTP API keep encoding/json.

// AppendJSON appends the result as the contract's JSON.
func (r *Result) AppendJSON(b []byte) []byte {
	w := tinyjson.Writer{B: b}
	w.Object()
	w.Key("title")
	w.OptString(r.Title)
	w.Key("summary")
	w.OptString(r.Summary)
	w.Key("byline")
	w.OptString(r.Byline)
	w.Key("published")
	w.OptString(r.Published)
	w.Key("text")
	w.String(r.Text)
	w.Key("html")
	w.String(r.HTML)
	w.Key("quotes")
	if array(&w, r.Quotes == nil) {
		for _, q := range r.Quotes {
			w.Object()
			w.Key("start")
			w.Int(q.Start)
			w.Key("end")
			w.Int(q.End)
			w.Key("text")
			w.String(q.Text)
			w.Key("speaker")
			w.OptString(q.Speaker)
			w.Key("speakerStart")
			w.Int(q.SpeakerStart)
			w.Key("speakerEnd")
			w.Int(q.SpeakerEnd)
			w.Key("cue")
			w.OptString(q.Cue)
			w.Key("kind")
			w.String(q.Kind)
			w.Key("rule")
			w.String(q.Rule)
			w.EndObject()
		}
		w.EndArray()
	}
	w.Key("entities")
	if array(&w, r.Entities == nil) {
		for _, e := range r.Entities {
			w.Object()
			w.Key("start")
			w.Int(e.Start)
			w.Key("end")
			w.Int(e.End)
			w.Key("text")
			w.String(e.Text)
			w.Key("label")
			w.String(e.Label)
			w.Key("canonical")
			w.String(e.Canonical)
			w.EndObject()
		}
		w.EndArray()
	}
	w.Key("removed")
	if array(&w, r.Removed == nil) {
		for _, rm := range r.Removed {
			w.Object()
			w.Key("text")
			w.String(rm.Text)
			w.Key("reason")
			w.String(rm.Reason)
			w.Key("rule")
			w.String(rm.Rule)
			w.Key("at")
			w.Int(rm.At)
			w.EndObject()
		}
		w.EndArray()
	}
	w.Key("warnings")
	if array(&w, r.Warnings == nil) {
		for _, s := range r.Warnings {
			w.String(s)
		}
		w.EndArray()
	}
	w.EndObject()
	return w.B
}

// array opens an array, or writes null for a nil slice as encoding/json does; it reports whether
// the caller writes the members (and closes the array).
func array(w *tinyjson.Writer, null bool) bool {
	if null {
		w.Null()
		return false
	}
	w.Array()
	return true
}

// AppendJSON appends the comparison as JSON.
func (c *Comparison) AppendJSON(b []byte) []byte {
	w := tinyjson.Writer{B: b}
	w.Object()
	w.Key("versions")
	if array(&w, c.Versions == nil) {
		for _, v := range c.Versions {
			w.String(v)
		}
		w.EndArray()
	}
	w.Key("quotes")
	if array(&w, c.Quotes == nil) {
		for _, q := range c.Quotes {
			w.Object()
			w.Key("speaker")
			w.String(q.Speaker)
			w.Key("text")
			w.String(q.Text)
			w.Key("cells")
			if array(&w, q.Cells == nil) {
				for _, cell := range q.Cells {
					appendCell(&w, cell)
				}
				w.EndArray()
			}
			w.EndObject()
		}
		w.EndArray()
	}
	w.Key("paragraphs")
	if array(&w, c.Paragraphs == nil) {
		for _, p := range c.Paragraphs {
			w.Object()
			w.Key("text")
			w.String(p.Text)
			w.Key("indexes")
			ints(&w, p.Indexes)
			w.EndObject()
		}
		w.EndArray()
	}
	w.Key("entities")
	if array(&w, c.Entities == nil) {
		for _, e := range c.Entities {
			w.Object()
			w.Key("canonical")
			w.String(e.Canonical)
			w.Key("label")
			w.String(e.Label)
			w.Key("counts")
			ints(&w, e.Counts)
			w.EndObject()
		}
		w.EndArray()
	}
	w.EndObject()
	return w.B
}

func ints(w *tinyjson.Writer, ns []int) {
	if ns == nil {
		w.Null()
		return
	}
	w.Ints(ns)
}

func appendCell(w *tinyjson.Writer, cell QuoteCell) {
	w.Object()
	w.Key("status")
	w.String(cell.Status)
	w.Key("index")
	w.Int(cell.Index)
	if cell.Text != "" {
		w.Key("text")
		w.String(cell.Text)
	}
	if cell.Speaker != "" {
		w.Key("speaker")
		w.String(cell.Speaker)
	}
	if cell.SpeakerChanged {
		w.Key("speakerChanged")
		w.Bool(true)
	}
	if len(cell.Diff) > 0 {
		w.Key("diff")
		w.Array()
		for _, d := range cell.Diff {
			w.Object()
			w.Key("op")
			w.String(d.Op)
			w.Key("text")
			w.String(d.Text)
			w.EndObject()
		}
		w.EndArray()
	}
	w.EndObject()
}

var errResultJSON = errors.New("not a result: expected the result JSON")

// ParseResult reads a result written as the contract's JSON.
func ParseResult(s string) (*Result, error) {
	v, err := tinyjson.Parse(s)
	if err != nil {
		return nil, err
	}
	return resultOf(v)
}

// ParseResults reads a JSON array of results.
func ParseResults(s string) ([]*Result, error) {
	v, err := tinyjson.Parse(s)
	if err != nil {
		return nil, err
	}
	list, ok := v.([]any)
	if !ok {
		return nil, errResultJSON
	}
	out := make([]*Result, 0, len(list))
	for _, x := range list {
		r, err := resultOf(x)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func resultOf(v any) (*Result, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, errResultJSON
	}
	r := &Result{Title: optStr(m["title"]), Summary: optStr(m["summary"]), Byline: optStr(m["byline"]),
		Published: optStr(m["published"]), Text: str(m["text"]), HTML: str(m["html"])}
	if list, ok := m["quotes"].([]any); ok {
		r.Quotes = make([]Quote, 0, len(list))
		for _, x := range list {
			q, _ := x.(map[string]any)
			r.Quotes = append(r.Quotes, Quote{Start: num(q["start"]), End: num(q["end"]), Text: str(q["text"]),
				Speaker: optStr(q["speaker"]), SpeakerStart: num(q["speakerStart"]), SpeakerEnd: num(q["speakerEnd"]),
				Cue: optStr(q["cue"]), Kind: str(q["kind"]), Rule: str(q["rule"])})
		}
	}
	if list, ok := m["entities"].([]any); ok {
		r.Entities = make([]Entity, 0, len(list))
		for _, x := range list {
			e, _ := x.(map[string]any)
			r.Entities = append(r.Entities, Entity{Start: num(e["start"]), End: num(e["end"]), Text: str(e["text"]),
				Label: str(e["label"]), Canonical: str(e["canonical"])})
		}
	}
	if list, ok := m["warnings"].([]any); ok {
		r.Warnings = make([]string, 0, len(list))
		for _, x := range list {
			r.Warnings = append(r.Warnings, str(x))
		}
	}
	if list, ok := m["removed"].([]any); ok {
		r.Removed = make([]Removed, 0, len(list))
		for _, x := range list {
			rm, _ := x.(map[string]any)
			r.Removed = append(r.Removed, Removed{Text: str(rm["text"]), Reason: str(rm["reason"]), Rule: str(rm["rule"]), At: num(rm["at"])})
		}
	}
	return r, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func optStr(v any) *string {
	if s, ok := v.(string); ok {
		return &s
	}
	return nil
}

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

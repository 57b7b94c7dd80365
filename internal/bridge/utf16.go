// Package bridge holds what the JavaScript boundary needs beside the engine: options and string
// lists read from JSON, and results whose offsets count UTF-16 code units.
package bridge

import (
	"errors"
	"unicode/utf8"

	"github.com/attest-news/attest/annotate"
	"github.com/attest-news/attest/internal/tinyjson"
)

// UTF16 returns a copy of r whose offsets count UTF-16 code units instead of bytes, as
// JavaScript's String.prototype.slice expects. Only the JS boundary needs it.
func UTF16(r *annotate.Result) *annotate.Result {
	out := *r
	conv := utf16Offsets(r.Text)
	at := func(i int) int {
		if i < 0 {
			return i
		}
		return conv(i)
	}
	out.Quotes = make([]annotate.Quote, len(r.Quotes))
	for i, q := range r.Quotes {
		q.Start, q.End, q.SpeakerStart, q.SpeakerEnd = at(q.Start), at(q.End), at(q.SpeakerStart), at(q.SpeakerEnd)
		out.Quotes[i] = q
	}
	out.Removed = make([]annotate.Removed, len(r.Removed))
	for i, rm := range r.Removed {
		rm.At = at(rm.At)
		out.Removed[i] = rm
	}
	out.Entities = make([]annotate.Entity, len(r.Entities))
	for i, e := range r.Entities {
		e.Start, e.End = at(e.Start), at(e.End)
		out.Entities[i] = e
	}
	return &out
}

// utf16Offsets returns a byte-offset → UTF-16-offset function for s. Offsets must be
// non-decreasing across calls only for speed; any order gives the right answer.
func utf16Offsets(s string) func(int) int {
	// prefix table at rune starts, built lazily once
	table := make([]int32, len(s)+1)
	u := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		for k := 0; k < size; k++ {
			table[i+k] = int32(u)
		}
		if r >= 0x10000 {
			u += 2
		} else {
			u++
		}
		i += size
	}
	table[len(s)] = int32(u)
	return func(i int) int {
		if i > len(s) {
			i = len(s)
		}
		return int(table[i])
	}
}

// ParseOptions reads options written as JSON, {"in": "auto", "url": "…"}: the page's call.
func ParseOptions(s string) (annotate.Options, error) {
	v, err := tinyjson.Parse(s)
	m, ok := v.(map[string]any)
	if err != nil || !ok {
		return annotate.Options{}, errors.New(`expected a JSON object like {"in": "auto"}`)
	}
	in, _ := m["in"].(string)
	url, _ := m["url"].(string)
	return annotate.Options{In: in, URL: url}, nil
}

// ParseStrings reads a JSON array of strings.
func ParseStrings(s string) ([]string, error) {
	v, err := tinyjson.Parse(s)
	list, ok := v.([]any)
	if err != nil || !ok {
		return nil, errors.New("expected a JSON array of strings")
	}
	out := make([]string, len(list))
	for i, x := range list {
		if out[i], ok = x.(string); !ok {
			return nil, errors.New("expected a JSON array of strings")
		}
	}
	return out, nil
}

// Package tinyjson reads and writes JSON without reflection. The browser engine uses it instead
// of encoding/json, which with the reflection tables it keeps was 0.17 MB of the gzipped
// WebAssembly. Parse gives the same values encoding/json's Unmarshal into an any gives (a
// differential fuzz test holds it to that); Writer writes what the engine's results need.
package tinyjson

import (
	"errors"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth is how deeply arrays and objects may nest, as encoding/json allows.
const MaxDepth = 10000

// ErrSyntax is returned for input that is not one JSON value.
var ErrSyntax = errors.New("tinyjson: invalid JSON")

// Parse reads one JSON value: map[string]any, []any, string, float64, bool or nil.
func Parse(s string) (any, error) {
	p := parser{s: s}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.s) {
		return nil, ErrSyntax
	}
	return v, nil
}

type parser struct {
	s string
	i int
}

func (p *parser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) value(depth int) (any, error) {
	if p.i >= len(p.s) {
		return nil, ErrSyntax
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		return p.str()
	case c == 't':
		return p.word("true", true)
	case c == 'f':
		return p.word("false", false)
	case c == 'n':
		return p.word("null", nil)
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	return nil, ErrSyntax
}

func (p *parser) word(w string, v any) (any, error) {
	if len(p.s)-p.i < len(w) || p.s[p.i:p.i+len(w)] != w {
		return nil, ErrSyntax
	}
	p.i += len(w)
	return v, nil
}

func (p *parser) object(depth int) (any, error) {
	if depth > MaxDepth {
		return nil, ErrSyntax
	}
	p.i++ // {
	m := map[string]any{}
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return m, nil
	}
	for {
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, ErrSyntax
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, ErrSyntax
		}
		p.i++
		p.space()
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		m[k.(string)] = v
		if done, err := p.after('}'); done || err != nil {
			return m, err
		}
	}
}

func (p *parser) array(depth int) (any, error) {
	if depth > MaxDepth {
		return nil, ErrSyntax
	}
	p.i++ // [
	a := []any{}
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return a, nil
	}
	for {
		p.space()
		v, err := p.value(depth)
		if err != nil {
			return nil, err
		}
		a = append(a, v)
		if done, err := p.after(']'); done || err != nil {
			return a, err
		}
	}
}

// after reads what follows a member of an object or array: a comma (another member comes) or
// the closing byte (done).
func (p *parser) after(close byte) (done bool, err error) {
	p.space()
	if p.i >= len(p.s) {
		return false, ErrSyntax
	}
	switch p.s[p.i] {
	case ',':
		p.i++
		return false, nil
	case close:
		p.i++
		return true, nil
	}
	return false, ErrSyntax
}

// number follows JSON's grammar exactly: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *parser) number() (any, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
	}
	digits := func() int {
		n := 0
		for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.i < len(p.s) && p.s[p.i] == '0' {
		p.i++
	} else if digits() == 0 {
		return nil, ErrSyntax
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return nil, ErrSyntax
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, ErrSyntax
		}
	}
	f, err := strconv.ParseFloat(p.s[start:p.i], 64)
	if err != nil {
		return nil, ErrSyntax // out of float64's range, as encoding/json refuses it
	}
	return f, nil
}

// str reads a string; invalid UTF-8 and lone surrogates become U+FFFD, as in encoding/json.
func (p *parser) str() (any, error) {
	p.i++ // "
	var b []byte
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			if b == nil {
				s := p.s[start:p.i]
				p.i++
				if utf8.ValidString(s) {
					return s, nil
				}
				return string([]rune(s)), nil // invalid bytes → U+FFFD
			}
			b = append(b, p.s[start:p.i]...)
			p.i++
			return string([]rune(string(b))), nil
		case c == '\\':
			b = append(b, p.s[start:p.i]...)
			p.i++
			if p.i >= len(p.s) {
				return nil, ErrSyntax
			}
			e := p.s[p.i]
			p.i++
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return nil, ErrSyntax
				}
				if utf16.IsSurrogate(r) {
					if r2, ok2 := p.lowSurrogate(); ok2 {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							r = dec
						} else {
							r = utf8.RuneError
							p.i -= 6 // not a pair: read the second escape on its own
						}
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				return nil, ErrSyntax
			}
			start = p.i
		case c < 0x20:
			return nil, ErrSyntax
		default:
			p.i++
		}
	}
	return nil, ErrSyntax
}

func (p *parser) hex4() (rune, bool) {
	if len(p.s)-p.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(p.s[p.i : p.i+4]) {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	p.i += 4
	return r, true
}

// lowSurrogate reads a following \uXXXX escape, if there is one.
func (p *parser) lowSurrogate() (rune, bool) {
	if len(p.s)-p.i < 6 || p.s[p.i] != '\\' || p.s[p.i+1] != 'u' {
		return 0, false
	}
	save := p.i
	p.i += 2
	r, ok := p.hex4()
	if !ok {
		p.i = save
		return 0, false
	}
	return r, true
}

package tinyjson

import (
	"strconv"
	"unicode/utf8"
)

// Writer appends JSON to a byte slice: objects, arrays, strings, numbers and booleans, with
// the commas between members placed for the caller.
type Writer struct {
	B     []byte
	first []bool // per open object or array: no member written yet
}

func (w *Writer) sep() {
	if n := len(w.first); n > 0 {
		if !w.first[n-1] {
			w.B = append(w.B, ',')
		}
		w.first[n-1] = false
	}
}

// Object opens an object; End closes the innermost object or array.
func (w *Writer) Object() { w.sep(); w.B = append(w.B, '{'); w.first = append(w.first, true) }

// Array opens an array.
func (w *Writer) Array() { w.sep(); w.B = append(w.B, '['); w.first = append(w.first, true) }

// End closes what Object or Array opened last.
func (w *Writer) End(close byte) { w.first = w.first[:len(w.first)-1]; w.B = append(w.B, close) }

// EndObject closes an object.
func (w *Writer) EndObject() { w.End('}') }

// EndArray closes an array.
func (w *Writer) EndArray() { w.End(']') }

// Key writes an object member's name; the value follows.
func (w *Writer) Key(k string) {
	w.sep()
	w.B = appendString(w.B, k)
	w.B = append(w.B, ':')
	w.first[len(w.first)-1] = true // the value takes no comma
}

// String writes a string value.
func (w *Writer) String(s string) { w.sep(); w.B = appendString(w.B, s) }

// OptString writes a string, or null for nil.
func (w *Writer) OptString(s *string) {
	if s == nil {
		w.Null()
		return
	}
	w.String(*s)
}

// Int writes an integer.
func (w *Writer) Int(n int) { w.sep(); w.B = strconv.AppendInt(w.B, int64(n), 10) }

// Bool writes true or false.
func (w *Writer) Bool(b bool) { w.sep(); w.B = strconv.AppendBool(w.B, b) }

// Null writes null.
func (w *Writer) Null() { w.sep(); w.B = append(w.B, "null"...) }

// Ints writes an array of integers.
func (w *Writer) Ints(ns []int) {
	w.Array()
	for _, n := range ns {
		w.Int(n)
	}
	w.EndArray()
}

// Strings writes an array of strings.
func (w *Writer) Strings(ss []string) {
	w.Array()
	for _, s := range ss {
		w.String(s)
	}
	w.EndArray()
}

const hex = "0123456789abcdef"

// appendString quotes s as encoding/json does: control characters, <, >, & and the JavaScript
// line separators escaped, invalid UTF-8 as U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			if r == utf8.RuneError {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

package textutil

import (
	"strings"
	"unicode/utf8"
)

// UTF-8 text read as Windows-1252 ("mojibake"): "NBCâ€™s" for "NBC’s", "espaÃ±ol" for
// "español", "Â " for a no-break space. Pages carry it in their bytes (text re-encoded twice
// on its way to the server) and no declared charset undoes it. FixMojibake maps such runs
// back, and only runs that are exactly the Windows-1252 view of a UTF-8 character: a lead of
// Â, Ã or Å followed by one continuation, or â followed by two (the quotes, dashes, €, ™).
// Real text does not write "Ã©" or "â€™".

// cp1252High are the characters Windows-1252 shows for the bytes 0x80–0x9F; the undefined
// bytes show as the C1 controls (as the Encoding Standard decodes them).
var cp1252High = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ',
}

// continuation gives the UTF-8 continuation byte (0x80–0xBF) Windows-1252 shows as r.
func continuation(r rune) (byte, bool) {
	if r >= 0xa0 && r <= 0xbf || r >= 0x80 && r < 0xa0 {
		return byte(r), true
	}
	for i, c := range cp1252High {
		if c == r {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}

// mojibakeLead gives how many continuations follow a lead FixMojibake repairs, or 0.
func mojibakeLead(r rune) int {
	switch r {
	case 'Â', 'Ã', 'Å':
		return 1
	case 'â':
		return 2
	}
	return 0
}

// FixMojibake returns s with UTF-8 read as Windows-1252 decoded again; s itself when it holds none.
func FixMojibake(s string) string {
	if !strings.ContainsAny(s, "ÂÃÅâ") {
		return s
	}
	out := make([]byte, 0, len(s))
	changed := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if n := mojibakeLead(r); n > 0 {
			// the bytes Windows-1252 shows as the run are the character's UTF-8
			buf := [3]byte{byte(r)}
			j, k := i+size, 1
			for ; k <= n && j < len(s); k++ {
				c, csize := utf8.DecodeRuneInString(s[j:])
				b, ok := continuation(c)
				if !ok {
					break
				}
				buf[k] = b
				j += csize
			}
			if k == n+1 && utf8.Valid(buf[:k]) {
				out = append(out, buf[:k]...)
				i, changed = j, true
				continue
			}
		}
		out = append(out, s[i:i+size]...)
		i += size
	}
	if !changed {
		return s
	}
	return string(out)
}

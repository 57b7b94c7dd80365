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

// mojibakeLeads are the leads FixMojibake repairs, with how many continuations follow each.
var mojibakeLeads = map[rune]int{'Â': 1, 'Ã': 1, 'Å': 1, 'â': 2}

// FixMojibake returns s with UTF-8 read as Windows-1252 decoded again; s itself when it holds none.
func FixMojibake(s string) string {
	if !strings.ContainsAny(s, "ÂÃÅâ") {
		return s
	}
	var sb strings.Builder
	changed := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if n, ok := mojibakeLeads[r]; ok {
			buf := []byte{byte(r)}
			j := i + size
			for k := 0; k < n && j < len(s); k++ {
				c, csize := utf8.DecodeRuneInString(s[j:])
				b, ok := continuation(c)
				if !ok {
					break
				}
				buf = append(buf, b)
				j += csize
			}
			if len(buf) == n+1 {
				if fixed, fsize := utf8.DecodeRune(buf); fixed != utf8.RuneError && fsize == len(buf) {
					if !changed {
						sb.Grow(len(s))
						sb.WriteString(s[:i])
						changed = true
					}
					sb.WriteRune(fixed)
					i = j
					continue
				}
			}
		}
		if changed {
			sb.WriteString(s[i : i+size])
		}
		i += size
	}
	if !changed {
		return s
	}
	return sb.String()
}

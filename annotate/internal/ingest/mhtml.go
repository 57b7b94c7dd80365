package ingest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/quotedprintable"
	"strings"
)

// A part of a MIME message.
type mimePart struct {
	header  map[string]string // lower-case names, unfolded values
	body    []byte
	charset string
}

// looksMHTML reports whether b starts with MIME headers of a saved web page
// (Chrome's "Save as single file", Internet Explorer's .mht).
func looksMHTML(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 4096)]))
	end := strings.Index(head, "\n\n")
	if e := strings.Index(head, "\r\n\r\n"); e >= 0 && (end < 0 || e < end) {
		end = e
	}
	if end < 0 {
		return false
	}
	head = head[:end]
	return strings.Contains(head, "mime-version:") && strings.Contains(head, "multipart/related")
}

// readMHTML returns the page's main HTML part and its address.
func readMHTML(b []byte) (mimePart, string, error) {
	top := parsePart(b)
	_, params, err := mime.ParseMediaType(top.header["content-type"])
	boundary := params["boundary"]
	if err != nil || boundary == "" {
		return mimePart{}, "", fmt.Errorf("%w (an MHTML file without a MIME boundary)", ErrEncoding)
	}
	url := top.header["snapshot-content-location"]
	var first *mimePart
	for _, raw := range splitMultipart(top.body, boundary) {
		p := parsePart(raw)
		ct, cparams, _ := mime.ParseMediaType(p.header["content-type"])
		if ct != "text/html" {
			continue
		}
		if p.body, err = decodeTransfer(p.body, p.header["content-transfer-encoding"]); err != nil {
			return mimePart{}, "", err
		}
		p.charset = cparams["charset"]
		if first == nil {
			first = &p
			if url == "" {
				url = p.header["content-location"]
			}
		}
	}
	if first == nil {
		return mimePart{}, "", fmt.Errorf("%w (an MHTML file with no HTML page inside)", ErrEncoding)
	}
	return *first, url, nil
}

// parsePart splits a MIME entity into unfolded headers and body.
func parsePart(b []byte) mimePart {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	p := mimePart{header: map[string]string{}}
	head, body, found := bytes.Cut(b, []byte("\n\n"))
	if !found {
		head, body = b, nil
	}
	var name string
	for _, line := range strings.Split(string(head), "\n") {
		if line == "" {
			continue
		}
		if (line[0] == ' ' || line[0] == '\t') && name != "" {
			p.header[name] += " " + strings.TrimSpace(line)
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		name = strings.ToLower(strings.TrimSpace(k))
		p.header[name] = strings.TrimSpace(v)
	}
	p.body = body
	return p
}

// splitMultipart returns the raw parts between "--boundary" lines.
func splitMultipart(body []byte, boundary string) [][]byte {
	delim := []byte("--" + boundary)
	var parts [][]byte
	chunks := bytes.Split(body, delim)
	for i, c := range chunks {
		if i == 0 {
			continue // preamble
		}
		if bytes.HasPrefix(c, []byte("--")) {
			break // closing delimiter
		}
		c = bytes.TrimPrefix(bytes.TrimLeft(c, " \t"), []byte("\r"))
		c = bytes.TrimPrefix(c, []byte("\n"))
		parts = append(parts, c)
	}
	return parts
}

func decodeTransfer(b []byte, enc string) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(enc)) {
	case "quoted-printable":
		out, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(b)))
		if err != nil {
			return nil, fmt.Errorf("%w (broken quoted-printable in MHTML: %v)", ErrEncoding, err)
		}
		return out, nil
	case "base64":
		clean := bytes.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == ' ' || r == '\t' {
				return -1
			}
			return r
		}, b)
		out, err := base64.StdEncoding.DecodeString(string(clean))
		if err != nil {
			return nil, fmt.Errorf("%w (broken base64 in MHTML: %v)", ErrEncoding, err)
		}
		return out, nil
	}
	return b, nil
}

package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestHandler(t *testing.T) {
	site := fstest.MapFS{
		"index.html":    {Data: []byte("<!doctype html><title>Attest</title>")},
		"annotate.wasm": {Data: []byte("\x00asm")},
	}
	h := Handler(Config{Static: http.FS(site), MaxBytes: 1000})
	article := "Mayor Maria Lopez said on Friday that the bridge would open.\n\n“It is ready,” she said."
	tests := []struct {
		name, method, target, ctype, body string
		wantStatus                        int
		wantType                          string
		wantBody                          string
	}{
		{"annotate json", "POST", "/api/annotate", "text/plain", article, 200, "application/json", `"speaker":"Maria Lopez"`},
		{"annotate html", "POST", "/api/annotate?format=html", "text/plain", article, 200, "text/html", `data-label="QUOTE"`},
		{"html body", "POST", "/api/annotate", "text/html", "<article><p>" + article + "</p></article>", 200, "application/json", `"quotes"`},
		{"empty body", "POST", "/api/annotate", "text/plain", "", 400, "application/json", `"error"`},
		{"binary body", "POST", "/api/annotate", "application/octet-stream", "%PDF-1.4\x00\x00", 400, "application/json", `not text`},
		{"too large", "POST", "/api/annotate", "text/plain", strings.Repeat("a", 1001), 413, "application/json", `"error"`},
		{"bad format", "POST", "/api/annotate?format=xml", "text/plain", article, 400, "application/json", `format`},
		{"wrong method", "GET", "/api/annotate", "", "", 405, "application/json", `"error"`},
		{"preflight", "OPTIONS", "/api/annotate", "", "", 204, "", ""},
		{"site", "GET", "/", "", "", 200, "text/html", "<title>Attest</title>"},
		{"wasm type", "GET", "/annotate.wasm", "", "", 200, "application/wasm", ""},
		{"post to site", "POST", "/", "text/plain", "x", 405, "application/json", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.target, strings.NewReader(tc.body))
			if tc.ctype != "" {
				req.Header.Set("Content-Type", tc.ctype)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.wantStatus {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.wantStatus, rec.Body.String())
			}
			if !strings.HasPrefix(rec.Header().Get("Content-Type"), tc.wantType) {
				t.Errorf("content type %q, want %q", rec.Header().Get("Content-Type"), tc.wantType)
			}
			if !strings.Contains(rec.Body.String(), tc.wantBody) {
				t.Errorf("body lacks %q: %.300s", tc.wantBody, rec.Body.String())
			}
			if strings.HasPrefix(tc.target, "/api/") && rec.Header().Get("Access-Control-Allow-Origin") != "*" {
				t.Errorf("no CORS header")
			}
			if tc.wantType == "application/json" && rec.Code >= 400 {
				var e map[string]string
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e["error"] == "" {
					t.Errorf("error body %q is not {\"error\": …}", rec.Body.String())
				}
			}
			if tc.target == "/" && tc.method == "GET" && rec.Header().Get("Content-Security-Policy") != CSP {
				t.Errorf("site served without the CSP")
			}
		})
	}
}

// TestPrecompressed: a file with a compressed copy beside it is served as that copy when the
// client accepts the encoding (brotli before gzip), as itself otherwise.
func TestPrecompressed(t *testing.T) {
	site := fstest.MapFS{
		"annotate.wasm":    {Data: []byte("\x00asm raw")},
		"annotate.wasm.gz": {Data: []byte("gzip bytes")},
		"annotate.wasm.br": {Data: []byte("brotli bytes")},
		"app.js":           {Data: []byte("'use strict';")},
		"app.js.gz":        {Data: []byte("gzip js")},
		"old.css":          {Data: []byte("new css"), ModTime: time.Unix(2000, 0)},
		"old.css.gz":       {Data: []byte("stale gzip"), ModTime: time.Unix(1000, 0)},
	}
	h := Handler(Config{Static: http.FS(site)})
	tests := []struct {
		target, accept    string
		wantEnc, wantType string
		wantBody          string
	}{
		{"/annotate.wasm", "", "", "application/wasm", "\x00asm raw"},
		{"/annotate.wasm", "gzip, deflate", "gzip", "application/wasm", "gzip bytes"},
		{"/annotate.wasm", "gzip, deflate, br", "br", "application/wasm", "brotli bytes"},
		{"/annotate.wasm", "br;q=0, gzip", "gzip", "application/wasm", "gzip bytes"},
		{"/annotate.wasm", "br; q=0.000, gzip;q=0.5", "gzip", "application/wasm", "gzip bytes"},
		{"/annotate.wasm", "identity", "", "application/wasm", "\x00asm raw"},
		{"/app.js", "br, gzip", "gzip", "text/javascript", "gzip js"},
		{"/annotate.wasm.gz", "gzip", "", "", "gzip bytes"}, // the copy itself, asked for by name
		{"/old.css", "gzip", "", "text/css", "new css"},     // a copy older than its file is not used
	}
	for _, tc := range tests {
		req := httptest.NewRequest("GET", tc.target, nil)
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Fatalf("%s (%q): status %d", tc.target, tc.accept, rec.Code)
		}
		if got := rec.Header().Get("Content-Encoding"); got != tc.wantEnc {
			t.Errorf("%s (%q): Content-Encoding %q, want %q", tc.target, tc.accept, got, tc.wantEnc)
		}
		if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, tc.wantType) {
			t.Errorf("%s (%q): Content-Type %q, want %q", tc.target, tc.accept, got, tc.wantType)
		}
		if tc.wantEnc != "" && rec.Header().Get("Vary") != "Accept-Encoding" {
			t.Errorf("%s (%q): no Vary: Accept-Encoding", tc.target, tc.accept)
		}
		if rec.Body.String() != tc.wantBody {
			t.Errorf("%s (%q): body %q, want %q", tc.target, tc.accept, rec.Body.String(), tc.wantBody)
		}
	}
}

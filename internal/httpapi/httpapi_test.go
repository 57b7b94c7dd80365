package httpapi

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
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

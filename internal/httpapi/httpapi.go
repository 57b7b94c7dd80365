// Package httpapi serves the engine over HTTP: POST /api/annotate and the site's static files,
// with the security headers the page needs. The local server and the Cloudflare Worker share it.
package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/attest-news/attest/annotate"
	"github.com/attest-news/attest/annotate/charsets"
)

// CSP is the site's Content-Security-Policy: scripts from the site itself, WebAssembly allowed,
// nothing from anywhere else.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' https: http: data:; connect-src 'self'; worker-src 'self'; object-src 'none'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Config sets up a Handler.
type Config struct {
	Static   http.FileSystem // the built site; nil serves the API only
	MaxBytes int             // request body limit; 0 means annotate.DefaultMaxBytes
}

// Handler returns the HTTP handler.
func Handler(cfg Config) http.Handler {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = annotate.DefaultMaxBytes
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/api/annotate", func(w http.ResponseWriter, r *http.Request) { annotateHandler(w, r, cfg) })
	if cfg.Static != nil {
		files := http.FileServer(cfg.Static)
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				writeError(w, http.StatusMethodNotAllowed, "use GET for the site")
				return
			}
			securityHeaders(w.Header())
			if path.Ext(r.URL.Path) == ".wasm" {
				w.Header().Set("Content-Type", "application/wasm")
			}
			w.Header().Set("Cache-Control", "no-cache")
			if servePrecompressed(w, r, cfg.Static) {
				return
			}
			files.ServeHTTP(w, r)
		})
	}
	return mux
}

// precompressed are the encodings build.sh writes beside large files (name.br, name.gz), best
// first.
var precompressed = []struct{ encoding, ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// servePrecompressed answers with a compressed copy of the requested file when the client
// accepts its encoding and the copy exists: the engine is 6 MB raw and 1.3 MB as brotli, which
// even on loopback Chromium fetches several times faster.
func servePrecompressed(w http.ResponseWriter, r *http.Request, fs http.FileSystem) bool {
	name := r.URL.Path
	if strings.HasSuffix(name, "/") {
		return false
	}
	for _, pc := range precompressed {
		if !acceptsEncoding(r.Header.Get("Accept-Encoding"), pc.encoding) {
			continue
		}
		f, err := fs.Open(name + pc.ext)
		if err != nil {
			continue
		}
		st, err := f.Stat()
		if err != nil || st.IsDir() || stale(fs, name, st) {
			f.Close()
			continue
		}
		defer f.Close()
		h := w.Header()
		if h.Get("Content-Type") == "" {
			ct := mime.TypeByExtension(path.Ext(name))
			if ct == "" {
				ct = "application/octet-stream"
			}
			h.Set("Content-Type", ct)
		}
		h.Set("Content-Encoding", pc.encoding)
		h.Add("Vary", "Accept-Encoding")
		http.ServeContent(w, r, name, st.ModTime(), f)
		return true
	}
	return false
}

// stale reports a compressed copy older than the file it copies (the file was rebuilt without
// it): the file itself is served then.
func stale(fs http.FileSystem, name string, copyInfo os.FileInfo) bool {
	f, err := fs.Open(name)
	if err != nil {
		return true
	}
	defer f.Close()
	st, err := f.Stat()
	return err != nil || st.ModTime().After(copyInfo.ModTime())
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc (q=0 refuses it).
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		q, isQ := strings.CutPrefix(strings.ReplaceAll(strings.TrimSpace(params), " ", ""), "q=")
		weight, err := strconv.ParseFloat(q, 64)
		return !isQ || err != nil || weight > 0
	}
	return false
}

func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", CSP)
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
}

func annotateHandler(w http.ResponseWriter, r *http.Request, cfg Config) {
	defer func() {
		if p := recover(); p != nil { // one bad article must not take the Worker down
			writeError(w, http.StatusInternalServerError, fmt.Sprintf("the engine failed on this input (%v)", p))
		}
	}()
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Allow-Methods", "POST, OPTIONS")
	h.Set("Access-Control-Allow-Headers", "Content-Type")
	h.Set("X-Content-Type-Options", "nosniff")
	switch r.Method {
	case http.MethodOptions:
		w.WriteHeader(http.StatusNoContent)
		return
	case http.MethodPost:
	default:
		h.Set("Allow", "POST, OPTIONS")
		writeError(w, http.StatusMethodNotAllowed, "use POST with the article as the body")
		return
	}
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	if format != "json" && format != "html" {
		writeError(w, http.StatusBadRequest, "format must be json or html")
		return
	}
	if r.ContentLength > int64(cfg.MaxBytes) {
		// refuse before reading: a Worker should not stream megabytes it will not use
		writeError(w, http.StatusRequestEntityTooLarge, "the article is over the size limit")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, int64(cfg.MaxBytes)+1))
	if err != nil {
		writeError(w, http.StatusBadRequest, "could not read the body: "+err.Error())
		return
	}
	if len(body) > cfg.MaxBytes {
		writeError(w, http.StatusRequestEntityTooLarge, "the article is over the size limit")
		return
	}
	in := annotate.InputAuto
	switch ct := strings.ToLower(r.Header.Get("Content-Type")); {
	case strings.HasPrefix(ct, "text/html"):
		in = annotate.InputHTML
	case strings.HasPrefix(ct, "text/plain"):
		in = annotate.InputText
	}
	if q := r.URL.Query().Get("in"); q != "" {
		in = q
	}
	res, err := annotate.Annotate(body, annotate.Options{In: in, URL: r.URL.Query().Get("url"), MaxBytes: cfg.MaxBytes, Charsets: charsets.XText{}})
	if err != nil {
		status := http.StatusBadRequest
		if errors.Is(err, annotate.ErrTooLarge) {
			status = http.StatusRequestEntityTooLarge
		}
		writeError(w, status, err.Error())
		return
	}
	// write the whole body at once: streaming through a minifying writer truncated bodies in the Worker
	var buf bytes.Buffer
	if format == "html" {
		h.Set("Content-Type", "text/html; charset=utf-8")
		buf.WriteString(annotate.Page(res))
	} else {
		h.Set("Content-Type", "application/json; charset=utf-8")
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
	}
	w.Write(buf.Bytes())
}

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

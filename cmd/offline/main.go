// Command offline writes the single-file build of the page: one HTML file holding the page, its
// styles and script, wasm_exec.js and the engine (gzip-compressed, base64-embedded and
// decompressed in the browser with DecompressionStream), so that it works opened from disk with
// the network off. Browsers refuse fetch() of a .wasm file and ES modules from file://, so the
// file needs neither: the worker is started from a Blob and handed the engine's bytes.
//
//	go run ./cmd/offline -dist dist -o dist/attest.html
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	htmlpkg "html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	dist := flag.String("dist", "dist", "the built site")
	out := flag.String("o", "dist/attest.html", "the single file to write")
	flag.Parse()
	if err := run(*dist, *out); err != nil {
		fmt.Fprintln(os.Stderr, "offline:", err)
		os.Exit(1)
	}
}

func run(dist, out string) error {
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			return "", fmt.Errorf("read %s: %w (run ./build.sh first)", name, err)
		}
		return string(b), nil
	}
	files := map[string]string{}
	for _, name := range []string{"index.html", "style.css", "app.js", "worker.js", "wasm_exec.js", "sample.txt", "favicon.svg", "licences.html", "gum-sources.tsv"} {
		s, err := read(name)
		if err != nil {
			return err
		}
		files[name] = s
	}
	wasm, err := os.ReadFile(filepath.Join(dist, "annotate.wasm"))
	if err != nil {
		return fmt.Errorf("read annotate.wasm: %w", err)
	}
	gz, err := engineGzip(filepath.Join(dist, "annotate.wasm.gz"), wasm)
	if err != nil {
		return err
	}
	html, err := Bundle(files, gz)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, []byte(html), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes (engine %d bytes gzip)\n", out, len(html), len(gz))
	return nil
}

// engineGzip returns the engine gzip-compressed: the copy build.sh wrote beside it (zopfli's,
// smaller than Go's best) when that decompresses to the engine byte for byte, else Go's.
func engineGzip(path string, wasm []byte) ([]byte, error) {
	if b, err := os.ReadFile(path); err == nil {
		if zr, err := gzip.NewReader(bytes.NewReader(b)); err == nil {
			if plain, err := io.ReadAll(zr); err == nil && bytes.Equal(plain, wasm) {
				return b, nil
			}
		}
		fmt.Fprintf(os.Stderr, "offline: %s is not the engine's gzip copy: compressing again\n", path)
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(wasm); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return gz.Bytes(), nil
}

var (
	linkTags  = regexp.MustCompile(`\s*<link rel="(?:stylesheet|icon)"[^>]*>`)
	scriptTag = regexp.MustCompile(`\s*<script src="app.js"></script>`)
)

// Bundle assembles the single file from the site's files and the gzip-compressed engine.
func Bundle(files map[string]string, wasmGzip []byte) (string, error) {
	page := files["index.html"]
	if !strings.Contains(page, `<script src="app.js"></script>`) || !strings.Contains(page, "</head>") {
		return "", fmt.Errorf("index.html lacks the app.js script tag or </head>")
	}
	workerSource := "self.attestOffline = true;\n" + files["wasm_exec.js"] + "\n" + files["worker.js"]
	ws, _ := json.Marshal(workerSource)
	sample, _ := json.Marshal(files["sample.txt"])
	boot := `(function () {
  'use strict';
  var payload = document.getElementById('attest-engine').textContent.trim();
  function bytesOf(b64) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
    var bin = atob(b64), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  var engine = new Response(new Blob([bytesOf(payload)]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  window.attestConfig = {
    sample: ` + string(sample) + `,
    createWorker: function () {
      var url = URL.createObjectURL(new Blob([` + string(ws) + `], { type: 'text/javascript' }));
      var worker = new Worker(url);
      engine.then(function (buf) { worker.postMessage({ type: 'init', wasm: buf }, [buf]); },
        function (err) { worker.dispatchEvent(new ErrorEvent('error', { message: 'could not unpack the engine: ' + err })); });
      return worker;
    }
  };
})();
` + files["app.js"]
	boot = strings.ReplaceAll(boot, "</script", `<\/script`)
	css := files["style.css"]
	csp := "default-src 'none'; script-src " + hash(boot) + " 'wasm-unsafe-eval'; worker-src blob:; style-src " + hash(css) +
		"; img-src https: data: blob:; connect-src blob: data:; base-uri 'none'; form-action 'none'"
	icon := "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(files["favicon.svg"]))

	head := `<meta http-equiv="Content-Security-Policy" content="` + csp + `">` + "\n" +
		`<link rel="icon" href="` + icon + `">` + "\n<style>" + css + "</style>\n"
	page = linkTags.ReplaceAllString(page, "")
	// the licences travel inside the file: the served page links licences.html instead
	page, err := inlineLicences(page, files["licences.html"], files["gum-sources.tsv"])
	if err != nil {
		return "", err
	}
	page = strings.Replace(page, "</head>", head+"</head>", 1)
	body := "\n<script id=\"attest-engine\" type=\"application/octet-stream\">" +
		base64.StdEncoding.EncodeToString(wasmGzip) + "</script>\n<script>" + boot + "</script>"
	page = scriptTag.ReplaceAllLiteralString(page, body)
	return page, nil
}

// hash is a CSP source for an inline script or style.
func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

const licencesLink = `<a href="licences.html" id="licences-link">Licences and sources</a>`

// inlineLicences replaces the footer's link to licences.html with the page's content and the GUM
// sources table, folded in a details element.
func inlineLicences(page, licences, sources string) (string, error) {
	if !strings.Contains(page, licencesLink) {
		return "", fmt.Errorf("index.html lacks the link to licences.html")
	}
	i, j := strings.Index(licences, `<main class="licences">`), strings.Index(licences, "</main>")
	if i < 0 || j < i {
		return "", fmt.Errorf("licences.html lacks its main element")
	}
	body := licences[i+len(`<main class="licences">`) : j]
	body = strings.Replace(body, `<p><a href="./">Back to Attest</a></p>`, "", 1)
	body = strings.ReplaceAll(body, `<a href="gum-sources.tsv">gum-sources.tsv</a>`, "the table below")
	inline := `<details class="licences"><summary>Licences and sources</summary>` + body +
		"<pre>" + htmlpkg.EscapeString(sources) + "</pre></details>"
	return strings.Replace(page, licencesLink, inline, 1), nil
}

//go:build js && wasm

// Command worker serves the engine's HTTP API on Cloudflare Workers. The site's files are
// Workers static assets (dist/, with dist/_headers); this handler answers /api/annotate.
package main

import (
	"github.com/syumai/workers"

	"github.com/attest-news/attest/internal/httpapi"
)

// maxBody keeps a request well inside a Worker's 128 MB of memory.
const maxBody = 10 << 20

func main() {
	workers.Serve(httpapi.Handler(httpapi.Config{MaxBytes: maxBody}))
}

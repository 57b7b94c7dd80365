package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/attest-news/attest/internal/httpapi"
)

// serveSite serves the built site and the HTTP API until the process is stopped.
func serveSite(addr, dir string, maxBytes int, stderr io.Writer) int {
	if _, err := os.Stat(dir); err != nil {
		fmt.Fprintf(stderr, "annotate: -serve: %v (run ./build.sh first)\n", err)
		return 1
	}
	srv := &http.Server{
		Addr:              addr,
		Handler:           httpapi.Handler(httpapi.Config{Static: http.Dir(dir), MaxBytes: maxBytes}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Fprintf(stderr, "annotate: serving %s on http://%s/\n", dir, addr)
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintf(stderr, "annotate: %v\n", err)
		return 1
	}
	return 0
}

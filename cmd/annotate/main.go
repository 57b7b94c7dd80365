// Command annotate cleans and annotates a news article: attest's engine on the command line.
//
//	annotate [-format json|html|text|md] [-in auto|html|text] [-url URL] [-o FILE] [FILE ...]
//	annotate -compare [-format json|md] FILE FILE [FILE ...]
//	annotate -serve 127.0.0.1:8080 [-dir dist]
//	annotate -in conllu -format conllu < gold.conllu   # tag and parse gold-tokenized CoNLL-U
//
// With no FILE, or "-", it reads standard input. Exit status: 0 success, 1 unusable input,
// 2 bad flags.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/attest-news/attest/annotate"
	"github.com/attest-news/attest/annotate/charsets"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if p := recover(); p != nil { // one line, never a trace
			fmt.Fprintf(stderr, "annotate: internal error on this input (%v); please report it\n", p)
			code = 1
		}
	}()
	fs := flag.NewFlagSet("annotate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output: json, html, text or md (conllu with -in conllu)")
	in := fs.String("in", "auto", "input kind: auto, html, text or conllu")
	out := fs.String("o", "", "write to this file instead of standard output")
	url := fs.String("url", "", "the page's address, for absolute links")
	maxMB := fs.Int("max-mb", annotate.DefaultMaxBytes>>20, "input size limit in MB")
	serve := fs.String("serve", "", "serve the site and the HTTP API on this address (e.g. 127.0.0.1:8080)")
	dir := fs.String("dir", "dist", "with -serve: the built site to serve")
	disable := fs.String("disable", "", "switch rules off by ID, comma-separated (for measuring them; see annotate.Rules)")
	compare := fs.Bool("compare", false, "compare several versions of one story (two or more FILEs): -format json or md")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: annotate [-format json|html|text|md] [-in auto|html|text] [-url URL] [-o FILE] [FILE ...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if (*in == "conllu") != (*format == "conllu") {
		fmt.Fprintln(stderr, "annotate: -in conllu and -format conllu go together (tag and parse gold-tokenized CoNLL-U)")
		return 2
	}
	if *in == "conllu" {
		return conllu(fs.Args(), stdin, stdout, stderr)
	}
	switch *format {
	case "json", "html", "text", "md":
	default:
		fmt.Fprintf(stderr, "annotate: unknown -format %q (want json, html, text or md)\n", *format)
		return 2
	}
	switch *in {
	case "auto", "html", "text":
	default:
		fmt.Fprintf(stderr, "annotate: unknown -in %q (want auto, html or text)\n", *in)
		return 2
	}
	if *serve != "" {
		return serveSite(*serve, *dir, *maxMB<<20, stderr)
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	if *compare && (len(files) < 2 || (*format != "json" && *format != "md")) {
		fmt.Fprintln(stderr, "annotate: -compare needs two or more files and -format json or md")
		return 2
	}
	var buf bytes.Buffer
	var names []string
	var results []*annotate.Result
	for _, name := range files {
		input, err := readInput(name, stdin, *maxMB<<20)
		if err != nil {
			fmt.Fprintf(stderr, "annotate: %v\n", err)
			return 1
		}
		kind := *in
		if kind == "auto" && (strings.HasSuffix(name, ".txt") || strings.HasSuffix(name, ".md")) {
			kind = "text"
		}
		var off []string
		if *disable != "" {
			off = strings.Split(*disable, ",")
		}
		res, err := annotate.Annotate(input, annotate.Options{In: kind, URL: *url, MaxBytes: *maxMB << 20, Charsets: charsets.XText{}, Disable: off})
		if err != nil {
			if name != "-" {
				err = fmt.Errorf("%s: %w", filepath.Base(name), err)
			}
			fmt.Fprintf(stderr, "annotate: %v\n", err)
			return 1
		}
		if *compare {
			names, results = append(names, filepath.Base(name)), append(results, res)
			continue
		}
		if err := write(&buf, res, *format); err != nil {
			fmt.Fprintf(stderr, "annotate: %v\n", err)
			return 1
		}
	}
	if *compare {
		c := annotate.Compare(names, results)
		if *format == "md" {
			buf.WriteString(annotate.CompareMarkdown(c))
		} else {
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			enc.Encode(c)
		}
	}
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			fmt.Fprintf(stderr, "annotate: write %s: %v\n", *out, err)
			return 1
		}
		return 0
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		return 1
	}
	return 0
}

// conllu tags and parses gold-tokenized CoNLL-U from the files (or stdin) to stdout.
func conllu(files []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		r := stdin
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintf(stderr, "annotate: read %s: %v\n", name, errors.Unwrap(err))
				return 1
			}
			defer f.Close()
			r = f
		}
		if err := annotate.AnalyzeCoNLLU(r, stdout); err != nil {
			fmt.Fprintf(stderr, "annotate: %v\n", err)
			return 1
		}
	}
	return 0
}

// readInput reads a file or stdin, refusing more than limit bytes without reading them all.
func readInput(name string, stdin io.Reader, limit int) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, errors.Unwrap(err))
		}
		defer f.Close()
		r = f
	}
	if f, ok := r.(*os.File); ok && name != "-" {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > int64(limit) {
			return nil, fmt.Errorf("%s: %w: %.1f MB is over the %d MB limit; save just the article or raise -max-mb",
				filepath.Base(name), annotate.ErrTooLarge, float64(st.Size())/(1<<20), limit>>20)
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%w: more than the %d MB limit; save just the article or raise -max-mb", annotate.ErrTooLarge, limit>>20)
	}
	return data, nil
}

// blankRuns are two or more blank lines in a row.
var blankRuns = regexp.MustCompile(`\n(?:[ \t]*\n){2,}`)

func write(w *bytes.Buffer, res *annotate.Result, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	case "html":
		w.WriteString(annotate.Page(res))
	case "text":
		// the result's text keeps a place for each picture (an empty paragraph): printed as
		// text, one blank line between paragraphs is enough
		w.WriteString(blankRuns.ReplaceAllString(res.Text, "\n\n"))
		w.WriteByte('\n')
	case "md":
		w.WriteString(annotate.Markdown(res))
	}
	return nil
}

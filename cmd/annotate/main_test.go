package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const article = "Council approves bridge\n\nMayor Maria Lopez said on Friday that the bridge would open in May 2027.\n\n“It is ready,” she said."

func TestRun(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "a.txt")
	os.WriteFile(txt, []byte(article), 0o644)
	txt2 := filepath.Join(dir, "b.txt")
	os.WriteFile(txt2, []byte(strings.Replace(article, "It is ready", "It is finally ready", 1)), 0o644)
	pic := filepath.Join(dir, "pic.html")
	os.WriteFile(pic, []byte(`<html><body><article><p>Mayor Maria Lopez said on Friday that the bridge would open in May 2027, after two years of work.</p><figure><img src="https://example.com/b.jpg" alt=""></figure><p>The council voted for the plan by seven votes to two, and the work starts next week.</p></article></body></html>`), 0o644)
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("word "), 300_000), 0o644)
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantOut    string
		wantStderr string
	}{
		{"json from stdin", []string{}, article, 0, `"speaker": "Maria Lopez"`, ""},
		{"text from file", []string{"-format", "text", txt}, "", 0, "Mayor Maria Lopez said", ""},
		{"text keeps one blank line where a picture stood", []string{"-format", "text", pic}, "", 0, "work.\n\nThe council voted", ""},
		{"markdown", []string{"-format", "md", txt}, "", 0, "> — Maria Lopez", ""},
		{"html page", []string{"-format", "html", "-in", "text", "-"}, article, 0, `<mark data-label="QUOTE"`, ""},
		{"empty input", []string{}, "  \n", 1, "", "annotate: the input is empty"},
		{"binary input", []string{}, "%PDF-1.4 \x00\x01", 1, "", "annotate: the input is not text"},
		{"too large", []string{"-max-mb", "1", big}, "", 1, "", "too large"},
		{"missing file", []string{filepath.Join(dir, "nope.html")}, "", 1, "", "annotate: read"},
		{"bad format", []string{"-format", "pdf"}, article, 2, "", "unknown -format"},
		{"bad input kind", []string{"-in", "xml"}, article, 2, "", "unknown -in"},
		{"unknown flag", []string{"-nope"}, article, 2, "", "flag provided but not defined"},
		{"compare needs two files", []string{"-compare", txt}, "", 2, "", "two or more files"},
		{"compare", []string{"-compare", txt, txt2}, "", 0, `"status": "altered"`, ""},
		{"compare markdown", []string{"-compare", "-format", "md", txt, txt2}, "", 0, "| Maria Lopez | It is finally ready, | ≈ | ✓ |", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.stdin), &out, &errb)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tc.wantCode, errb.String())
			}
			if !strings.Contains(out.String(), tc.wantOut) {
				t.Errorf("stdout lacks %q:\n%.500s", tc.wantOut, out.String())
			}
			if !strings.Contains(errb.String(), tc.wantStderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.wantStderr)
			}
			if tc.wantCode == 1 && strings.Count(strings.TrimSpace(errb.String()), "\n") > 0 {
				t.Errorf("error must be one line: %q", errb.String())
			}
			if strings.Contains(errb.String(), "goroutine") {
				t.Errorf("panic trace on stderr")
			}
		})
	}
}

func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-o", out}, strings.NewReader(article), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var res map[string]any
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout not empty with -o")
	}
}

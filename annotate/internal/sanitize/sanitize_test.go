package sanitize

import (
	"strings"
	"testing"
)

// TestXSS: hostile markup loses every executable construct (in the spirit of bluemonday's TestXSS).
func TestXSS(t *testing.T) {
	bad := []string{"<script", "javascript:", "vbscript:", "onerror", "onload", "onclick", "<iframe", "<svg", "<math",
		"<style", "expression(", "<object", "<embed", "srcdoc", "formaction", "<meta", "<base", "data:text/html", "<form", "style="}
	inputs := []string{
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="jav&#x09;ascript:alert(1)">x</a>`,
		`<a href="  JaVaScRiPt:alert(1)">x</a>`,
		`<a href="vbscript:msgbox(1)">x</a>`,
		`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
		`<svg><script>alert(1)</script></svg>`,
		`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
		`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
		`<template><script>alert(1)</script></template>`,
		`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
		`<form><button formaction="javascript:alert(1)">x</button></form>`,
		`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
		`<p style="background:url(javascript:alert(1))">x</p>`,
		`<div style="width: expression(alert(1))">x</div>`,
		`<base href="javascript:/">`,
		`<object data="x.swf"></object><embed src="x.swf">`,
		`<p <img src=x onerror=alert(1)>>`,
		"<scr\x00ipt>alert(1)</script>",
		`<mark data-label="QUOTE" onmouseover="alert(1)">x</mark>`,
		`<mark data-label="<script>">x</mark>`,
	}
	for _, in := range inputs {
		out := HTML(in)
		for _, b := range bad {
			if strings.Contains(strings.ToLower(out), b) {
				t.Errorf("HTML(%q) = %q keeps %q", in, out, b)
			}
		}
		if again := HTML(out); again != out {
			t.Errorf("not idempotent: %q → %q", out, again)
		}
	}
}

func TestKeepsArticleMarkup(t *testing.T) {
	for _, in := range []string{
		`<p>a <a href="https://x.test/a" rel="nofollow noopener noreferrer">b</a></p>`,
		`<figure><img src="https://x.test/i.jpg" alt="i"><figcaption>c</figcaption></figure>`,
		`<mark data-label="QUOTE" data-kind="full" data-q="0" data-speaker="Anna Kelly" title="Quote: Anna Kelly">q</mark>`,
		`<table><tbody><tr><th>a</th><td>b</td></tr></tbody></table>`,
		`<h2>h</h2><ul><li>x</li></ul><blockquote><p>y</p></blockquote><pre>z</pre>`,
	} {
		if out := HTML(in); out != in {
			t.Errorf("HTML(%q) = %q, want it unchanged", in, out)
		}
	}
}

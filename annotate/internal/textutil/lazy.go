package textutil

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled on first use. Compiling every pattern at start-up
// was most of the engine's initialisation in the browser (the extractor's alone took 200 ms of
// a Web Worker's start); a page meets only some of them. CompileAll lets tests check them all.
type Regexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

var lazies []*Regexp

// Lazy returns a regular expression that compiles src the first time it is used.
func Lazy(src string) *Regexp {
	r := &Regexp{src: src}
	lazies = append(lazies, r)
	return r
}

func (r *Regexp) compiled() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.src) })
	return r.re
}

// CompileAll compiles every pattern made with Lazy and returns how many there are and the first
// error, so a bad pattern fails the tests instead of a reader's page.
func CompileAll() (int, error) {
	for _, r := range lazies {
		if _, err := regexp.Compile(r.src); err != nil {
			return len(lazies), err
		}
	}
	return len(lazies), nil
}

// String is the pattern's source text.
func (r *Regexp) String() string { return r.src }

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.compiled().MatchString(s) }

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int { return r.compiled().FindStringIndex(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.compiled().FindStringSubmatch(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	return r.compiled().FindStringSubmatchIndex(s)
}

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	return r.compiled().FindAllStringIndex(s, n)
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.compiled().FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	return r.compiled().ReplaceAllString(src, repl)
}

// Split is regexp.Regexp.Split.
func (r *Regexp) Split(s string, n int) []string { return r.compiled().Split(s, n) }

// Match is regexp.Regexp.Match.
func (r *Regexp) Match(b []byte) bool { return r.compiled().Match(b) }

package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// module builds a WebAssembly module: a memory section, an optional data count section, a
// placeholder code-less custom section, and the data section holding segs.
func module(segs []segment, dataCount bool) []byte {
	b := []byte("\x00asm\x01\x00\x00\x00")
	b = appendSection(b, 5, []byte{1, 0, 1}) // one memory, min 1 page
	if dataCount {
		b = appendSection(b, sectionDataCount, appendU32(nil, uint32(len(segs))))
	}
	b = appendSection(b, sectionData, writeSegments(segs))
	b = appendSection(b, 0, []byte("\x04name\x00"))
	return b
}

// memory replays a module's data segments onto zeroed memory, as instantiation does, up to the
// last non-zero byte.
func memory(t *testing.T, m []byte) []byte {
	t.Helper()
	segs, err := dataSegments(m)
	if err != nil {
		t.Fatal(err)
	}
	var mem []byte
	for _, s := range segs {
		end := int(s.offset) + len(s.data)
		if end > len(mem) {
			mem = append(mem, make([]byte, end-len(mem))...)
		}
		copy(mem[s.offset:], s.data)
	}
	return bytes.TrimRight(mem, "\x00") // memory past the last byte written is zero either way
}

// dataSegments reads the segments of a module's data section.
func dataSegments(module []byte) ([]segment, error) {
	sections, err := readSections(module)
	if err != nil {
		return nil, err
	}
	for _, sec := range sections {
		if sec.id == sectionData {
			return readSegments(sec.body)
		}
	}
	return nil, nil
}

func seg(off uint32, data string) segment { return segment{offset: off, data: []byte(data)} }

func TestPack(t *testing.T) {
	tests := []struct {
		name  string
		segs  []segment
		gap   int
		after int
	}{
		{"no segments", nil, 64, 0},
		{"one", []segment{seg(16, "abc")}, 64, 1},
		{"small gaps join", []segment{seg(16, "abc"), seg(40, "de"), seg(60, "f")}, 64, 1},
		{"touching segments join", []segment{seg(16, "abc"), seg(19, "de")}, 0, 1},
		{"a gap over the limit stays", []segment{seg(16, "abc"), seg(200, "de"), seg(210, "x")}, 64, 2},
		{"gap exactly the limit joins", []segment{seg(0, "a"), seg(65, "b")}, 64, 1},
		{"an overlap keeps its order, and no zeros cover it", []segment{seg(16, "abcdef"), seg(18, "XY"), seg(30, "z")}, 64, 3},
		{"disjoint segments join in address order", []segment{seg(100, "late"), seg(10, "early"), seg(40, "mid")}, 64, 1},
		{"an earlier segment after a later one it overlaps stays apart", []segment{seg(100, "late"), seg(10, "early"), seg(101, "X")}, 64, 3},
		{"offsets over two bytes of LEB", []segment{seg(1<<20, "p"), seg(1<<20+50, "q"), seg(1<<27, "r")}, 64, 2},
		{"an offset whose LEB sets the sign bit", []segment{seg(64, "s"), seg(8192, "t")}, 64, 2},
	}
	for _, tc := range tests {
		for _, count := range []bool{false, true} {
			in := module(tc.segs, count)
			out, st, err := Pack(in, Options{MaxGap: tc.gap})
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if st.Before != len(tc.segs) || st.After != tc.after {
				t.Errorf("%s: segments %d → %d, want %d → %d", tc.name, st.Before, st.After, len(tc.segs), tc.after)
			}
			if got, want := memory(t, out), memory(t, in); !bytes.Equal(got, want) {
				t.Errorf("%s: initial memory changed:\n got %q\nwant %q", tc.name, got, want)
			}
			if count {
				sections, err := readSections(out)
				if err != nil {
					t.Fatal(err)
				}
				for _, sec := range sections {
					if sec.id == sectionDataCount {
						if n, _ := (&reader{b: sec.body}).u32(); int(n) != tc.after {
							t.Errorf("%s: data count %d, want %d", tc.name, n, tc.after)
						}
					}
				}
			}
			// Packing twice changes nothing more.
			again, _, err := Pack(out, Options{MaxGap: tc.gap})
			if err != nil || !bytes.Equal(again, out) {
				t.Errorf("%s: a second pack changed the module (err %v)", tc.name, err)
			}
		}
	}
}

func TestPackRefuses(t *testing.T) {
	good := module([]segment{seg(16, "abc")}, false)
	passive := append([]byte(nil), good[:len(good)-len("\x00\x07\x04name\x00")]...)
	passive = appendSection(passive[:8], 11, []byte{1, 1, 3, 'a', 'b', 'c'})
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, errNotWasm},
		{"not wasm", []byte("<!doctype html>"), errNotWasm},
		{"version 2", []byte("\x00asm\x02\x00\x00\x00"), errNotWasm},
		{"truncated section", good[:len(good)-3], errTrunc},
		{"passive segment", passive, errSegment},
		{"huge segment count", appendSection([]byte("\x00asm\x01\x00\x00\x00"), 11, []byte{0xff, 0xff, 0xff, 0xff, 0x0f}), errTrunc},
	}
	for _, tc := range tests {
		if _, _, err := Pack(tc.in, Options{MaxGap: 64}); !errors.Is(err, tc.want) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		}
	}
}

func FuzzPack(f *testing.F) {
	f.Add(module([]segment{seg(16, "abc"), seg(40, "de"), seg(300, "f")}, true), 64)
	f.Add(module([]segment{seg(64, "x"), seg(8, "y")}, false), 0)
	f.Add([]byte("\x00asm\x01\x00\x00\x00\x0b\x01\x00"), 8)
	f.Fuzz(func(t *testing.T, in []byte, gap int) {
		if gap < 0 || gap > 1<<16 {
			return
		}
		if _, _, err := Pack(in, Options{MaxGap: gap, StripLines: true}); err != nil {
			return
		}
		out, _, err := Pack(in, Options{MaxGap: gap})
		if err != nil {
			t.Fatalf("packs with line tables dropped but not without: %v", err)
		}
		if _, err := dataSegments(out); err != nil {
			t.Fatalf("packed module does not read back: %v", err)
		}
		if got, want := memory(t, out), memory(t, in); !bytes.Equal(got, want) {
			t.Fatalf("initial memory changed")
		}
	})
}

// TestPackedGoProgram builds a small Go program for GOOS=js, packs it with and without its line
// tables and function names, and runs each under Node: the output must match, except that a
// module without line tables no longer knows its source positions; an unrecovered panic still
// prints its message and a traceback.
func TestPackedGoProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a WebAssembly program")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed: ./build.sh test installs what it needs")
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	runner := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "go_js_wasm_exec")
	dir := t.TempDir()
	plain := filepath.Join(dir, "prog.wasm")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", plain, "./testdata/prog")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	in, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	run := func(path string, args ...string) (string, int) {
		cmd := exec.Command(runner, append([]string{path}, args...)...)
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}
	want, code := run(plain)
	if code != 0 || !strings.Contains(want, "caller true true") {
		t.Fatalf("the unpacked program: status %d\n%s", code, want)
	}
	for _, o := range []Options{{MaxGap: 64}, {MaxGap: 64, StripLines: true}, {MaxGap: 64, StripLines: true, StripNames: true}, {MaxGap: 64, StripNames: true}} {
		out, st, err := Pack(in, o)
		if err != nil {
			t.Fatal(err)
		}
		if o.StripLines && (st.LineBytes == 0 || st.LinesKept != "") {
			t.Fatalf("line tables not dropped: %+v", st)
		}
		if o.StripNames && (st.NameBytes == 0 || st.NamesKept != "") {
			t.Fatalf("names not dropped: %+v", st)
		}
		if st.After >= st.Before {
			t.Errorf("segments %d → %d: nothing joined", st.Before, st.After)
		}
		packed := filepath.Join(dir, fmt.Sprintf("packed-%v-%v.wasm", o.StripLines, o.StripNames))
		if err := os.WriteFile(packed, out, 0o644); err != nil {
			t.Fatal(err)
		}
		got, code := run(packed)
		w := want
		if o.StripLines {
			w = strings.Replace(want, "caller true true", "caller false false", 1)
		}
		if code != 0 || got != w {
			t.Errorf("%+v: status %d\n got %q\nwant %q", o, code, got, w)
		}
		// an unrecovered panic still prints its message and a traceback (with names unless
		// they were dropped) and exits with status 2
		got, code = run(packed, "panic")
		if code != 2 || !strings.Contains(got, "panic: boom") || !strings.Contains(got, "goroutine 1") ||
			strings.Contains(got, "main.main()") == o.StripNames {
			t.Errorf("%+v: an unrecovered panic gave status %d:\n%s", o, code, got)
		}
	}
}

func TestStripLinesRefuses(t *testing.T) {
	header := func(offsets ...uint64) []byte {
		b := append([]byte(nil), pcHeaderMagic...)
		b = binary.LittleEndian.AppendUint64(b, 1) // nfunc
		b = binary.LittleEndian.AppendUint64(b, 1) // nfiles
		b = binary.LittleEndian.AppendUint64(b, 0)
		for _, o := range offsets {
			b = binary.LittleEndian.AppendUint64(b, o)
		}
		return append(b, make([]byte, 64)...)
	}
	tests := []struct {
		name string
		img  []byte
	}{
		{"no header", []byte("just some data, no tables")},
		{"truncated header", pcHeaderMagic},
		{"two headers", append(header(72, 72, 72, 72, 80), header(72, 72, 72, 72, 80)...)},
		{"offsets out of order", header(72, 100, 80, 90, 120)},
		{"functab past the end", header(72, 72, 72, 72, 130)},
		{"function outside the image", append(header(72, 72, 72, 72, 80), make([]byte, 16)...)},
	}
	for _, tc := range tests {
		before := bytes.Clone(tc.img)
		if n, err := stripLines(tc.img); err == nil || n != 0 {
			t.Errorf("%s: stripped %d bytes, err %v", tc.name, n, err)
		}
		if !bytes.Equal(before, tc.img) {
			t.Errorf("%s: the image changed", tc.name)
		}
	}
}

// TestKnownGo fails loudly on a Go release whose pc-table layout nobody has checked: stripLines
// reads the runtime's internal _func and pcHeader, which a release may change. Read
// runtime/symtab.go and runtime/runtime2.go of the new release (see lines.go), compare with the
// offsets there, and add the release to knownGo (docs/browser-build.md says why).
func TestKnownGo(t *testing.T) {
	v := runtime.Version()
	for _, k := range knownGo {
		if v == k || strings.HasPrefix(v, k+".") || strings.HasPrefix(v, k+"rc") {
			return
		}
	}
	t.Fatalf("wasmpack's line-table stripping was checked against %v, not %s: check the layout in lines.go before building with it", knownGo, v)
}

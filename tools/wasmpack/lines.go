package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// Go's runtime keeps, beside each function's code, tables that map a program counter to the
// stack frame size (pcsp), to safe points, stack maps and inlined calls (pcdata), and to the
// source file and line (pcfile, pcln). The first two are read by the garbage collector and the
// stack copier; file and line are read by one function, runtime.funcline1, which prints
// tracebacks and fills runtime.Caller, and which answers "?", 0 for a function whose table
// offset is 0. In the browser engine those two tables are two thirds of the pc tables and about
// 0.1 MB of the gzipped module, for positions nobody reads: the engine recovers its panics into
// error messages without a stack. stripLines sets every function's pcfile and pcln offsets to 0
// and zeroes the bytes only those tables used.
//
// The layout is Go 1.20's and later (runtime/symtab.go: pcHeader and runtime/runtime2.go:
// _func, for 64-bit pointers and one-byte instructions, as GOARCH=wasm builds them). Anything
// that does not read back as that layout is left untouched with an error saying why.

// knownGo lists the Go releases whose runtime/symtab.go and runtime/runtime2.go were read for
// this layout. TestKnownGo fails on any other: read the new release's files, then add it.
var knownGo = []string{"go1.26"}

var pcHeaderMagic = []byte{0xf1, 0xff, 0xff, 0xff, 0, 0, 1, 8} // Go 1.20+ magic, pads, minLC 1, ptrSize 8

const (
	funcHeaderBytes = 44 // _func up to its pcdata offsets
	offPcsp         = 16
	offPcfile       = 20
	offPcln         = 24
	offNpcdata      = 28
	maxPCData       = 64 // the runtime has four kinds; a count beyond this is not a _func
)

// stripLines drops the file and line tables from the pclntab in img and returns how many bytes
// it zeroed.
func stripLines(img []byte) (int, error) {
	h, t, err := readPCHeader(img)
	if err != nil {
		return 0, err
	}
	nfunc, pctab, pcln := t.nfunc, t.pctab, t.pcln
	pct := img[h+int(pctab) : h+int(pcln)]
	ftab := h + int(pcln) // the functab, and the base the _func offsets count from
	if nfunc == 0 || nfunc > uint64(len(img)) || (nfunc+1)*8 > uint64(len(img)-ftab) {
		return 0, fmt.Errorf("pclntab says %d functions", nfunc)
	}
	keep := make([]bool, len(pct)) // bytes a kept table reads
	drop := make([]bool, len(pct)) // bytes a file or line table reads
	type patch struct{ at int }
	var patches []patch
	prevEntry := uint32(0)
	for k := range int(nfunc) {
		entry := binary.LittleEndian.Uint32(img[ftab+8*k:])
		fo := binary.LittleEndian.Uint32(img[ftab+8*k+4:])
		if entry < prevEntry {
			return 0, errors.New("functab not in order")
		}
		prevEntry = entry
		f := ftab + int(fo)
		if fo == 0 || f+funcHeaderBytes > len(img) || f < ftab {
			return 0, fmt.Errorf("function %d outside the image", k)
		}
		if binary.LittleEndian.Uint32(img[f:]) != entry {
			return 0, fmt.Errorf("function %d: its entry does not match the functab", k)
		}
		npcdata := binary.LittleEndian.Uint32(img[f+offNpcdata:])
		if npcdata > maxPCData || f+funcHeaderBytes+4*int(npcdata) > len(img) {
			return 0, fmt.Errorf("function %d: %d pcdata tables", k, npcdata)
		}
		mark := func(off uint32, set []bool) error {
			if off == 0 {
				return nil
			}
			end, err := tableEnd(pct, int(off))
			if err != nil {
				return fmt.Errorf("function %d: %w", k, err)
			}
			for i := int(off); i < end; i++ {
				set[i] = true
			}
			return nil
		}
		if err := mark(binary.LittleEndian.Uint32(img[f+offPcsp:]), keep); err != nil {
			return 0, err
		}
		for i := range int(npcdata) {
			if err := mark(binary.LittleEndian.Uint32(img[f+funcHeaderBytes+4*i:]), keep); err != nil {
				return 0, err
			}
		}
		for _, at := range []int{f + offPcfile, f + offPcln} {
			if err := mark(binary.LittleEndian.Uint32(img[at:]), drop); err != nil {
				return 0, err
			}
			patches = append(patches, patch{at})
		}
	}
	// Everything read back as the layout says: only now change anything.
	for _, p := range patches {
		binary.LittleEndian.PutUint32(img[p.at:], 0)
	}
	zeroed := 0
	for i := range pct {
		if drop[i] && !keep[i] && pct[i] != 0 {
			pct[i] = 0
			zeroed++
		}
	}
	return zeroed, nil
}

// pcTables are the pclntab header's function count and table offsets (from the header).
type pcTables struct {
	nfunc, funcname, cu, filetab, pctab, pcln uint64
}

// readPCHeader finds the one pclntab header in img and reads its offsets, checking their order.
func readPCHeader(img []byte) (int, pcTables, error) {
	h := bytes.Index(img, pcHeaderMagic)
	if h < 0 {
		return 0, pcTables{}, errors.New("no Go 1.20+ pclntab (wasm) header found")
	}
	if bytes.Contains(img[h+1:], pcHeaderMagic) {
		return 0, pcTables{}, errors.New("more than one pclntab header candidate")
	}
	if len(img)-h < 72 {
		return 0, pcTables{}, errors.New("pclntab header truncated")
	}
	u64 := func(at int) uint64 { return binary.LittleEndian.Uint64(img[at:]) }
	t := pcTables{u64(h + 8), u64(h + 32), u64(h + 40), u64(h + 48), u64(h + 56), u64(h + 64)}
	if !(72 <= t.funcname && t.funcname <= t.cu && t.cu <= t.filetab && t.filetab <= t.pctab && t.pctab <= t.pcln &&
		t.pcln < uint64(len(img)-h)) {
		return 0, pcTables{}, errors.New("pclntab header offsets out of order")
	}
	return h, t, nil
}

// stripNames zeroes the function name table and returns how many bytes it zeroed; with
// linesGone (stripLines has set every function's pcfile to 0) also the compilation-unit and file
// tables, which only pcfile leads to. Every function's name then reads "". Names are read by
// tracebacks, runtime.FuncForPC and runtime.panicwrap (a value method called through a nil
// pointer then ends the program instead of panicking); the engine reads none of them, and they
// are about 33 KB of the gzipped engine.
func stripNames(img []byte, linesGone bool) (int, error) {
	h, t, err := readPCHeader(img)
	if err != nil {
		return 0, err
	}
	end := t.cu
	if linesGone {
		end = t.pctab
	}
	n := 0
	for i := h + int(t.funcname); i < h+int(end); i++ {
		if img[i] != 0 {
			img[i] = 0
			n++
		}
	}
	return n, nil
}

// tableEnd returns where the pc-value table at off ends (after its terminating zero), reading it
// as runtime.step does: pairs of a zig-zag value delta and a pc delta, both varints, ending at a
// value delta of 0 that is not the first.
func tableEnd(pct []byte, off int) (int, error) {
	i := off
	varint := func() (uint32, error) {
		var v uint32
		for shift := 0; shift < 35; shift += 7 {
			if i >= len(pct) {
				return 0, errors.New("pc table runs past the pctab")
			}
			c := pct[i]
			i++
			v |= uint32(c&0x7f) << shift
			if c < 0x80 {
				return v, nil
			}
		}
		return 0, errors.New("pc table varint too long")
	}
	for first := true; ; first = false {
		v, err := varint()
		if err != nil {
			return 0, err
		}
		if v == 0 && !first {
			return i, nil
		}
		if _, err := varint(); err != nil {
			return 0, err
		}
	}
}

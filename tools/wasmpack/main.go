// Command wasmpack packs a WebAssembly module that Go's linker wrote, so that it compresses
// smaller, in two steps.
//
// Data segments joined. Go's linker splits the program's initial memory (type descriptors,
// function tables, strings, embedded files) into one active data segment per non-zero stretch,
// breaking at every run of zero bytes longer than a segment header: the browser engine has about
// 55,000 segments, most of them 18 zero bytes apart. That is the smallest raw module, but each
// segment's header carries a different memory offset, which gzip and brotli cannot predict: the
// headers cost about 0.1 MB of the gzipped engine. Zero bytes in a run compress to almost
// nothing, so this tool rebuilds the initial memory as one image and cuts it again only at runs
// of more than -gap zeros. Memory starts zeroed, so the module's initial memory is byte for byte
// what it was; only the data section changes (and the data count section, if there is one).
//
// File and line tables dropped (lines.go; -keep-lines keeps them): about 0.12 MB of the gzipped
// engine that only tracebacks read. Function names zeroed (-keep-names keeps them): 36 KB more,
// read by tracebacks and runtime.FuncForPC.
//
// The raw module grows by about 0.4 MB; gzip and brotli shrink by 13 %.
//
//	go run ./internal/wasmpack [-gap 64] [-keep-lines] [-keep-names] IN.wasm OUT.wasm
//
// Modules it does not understand (passive segments, other memories, offsets that are not a
// constant, two data sections) are refused with an error rather than rewritten; line tables it
// cannot read as Go 1.20+ lays them out are kept, with a message saying why.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
)

func main() {
	var o Options
	flag.IntVar(&o.MaxGap, "gap", 64, "join data separated by at most this many zero bytes")
	keepLines := flag.Bool("keep-lines", false, "keep Go's file and line tables (tracebacks with positions)")
	keepNames := flag.Bool("keep-names", false, "keep Go's function names (tracebacks with names)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: wasmpack [-gap N] [-keep-lines] [-keep-names] IN.wasm OUT.wasm")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	in, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fatal(err)
	}
	o.StripLines = !*keepLines
	o.StripNames = !*keepNames
	out, st, err := Pack(in, o)
	if err != nil {
		fatal(fmt.Errorf("%s: %w", flag.Arg(0), err))
	}
	if err := os.WriteFile(flag.Arg(1), out, 0o644); err != nil {
		fatal(err)
	}
	fmt.Fprintf(os.Stderr, "wasmpack: %d data segments → %d; %d bytes of line tables and %d of names dropped; %d → %d bytes raw\n",
		st.Before, st.After, st.LineBytes, st.NameBytes, len(in), len(out))
	if st.LinesKept != "" {
		fmt.Fprintln(os.Stderr, "wasmpack: line tables kept:", st.LinesKept)
	}
	if st.NamesKept != "" {
		fmt.Fprintln(os.Stderr, "wasmpack: function names kept:", st.NamesKept)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "wasmpack:", err)
	os.Exit(1)
}

// Options say how to pack.
type Options struct {
	MaxGap int // join data separated by at most this many zero bytes
	// StripLines drops Go's file and line tables (see lines.go): tracebacks then print "?:0"
	// for positions, and the module is about 0.1 MB gzip smaller.
	StripLines bool
	// StripNames zeroes the function names (and, with StripLines, the file tables; see
	// stripNames): tracebacks print no names, and the module is about 36 KB gzip smaller.
	StripNames bool
}

// Stats says what packing did.
type Stats struct {
	Before, After int    // data segments
	LineBytes     int    // bytes of line tables zeroed
	LinesKept     string // why the line tables were kept, when StripLines asked to drop them
	NameBytes     int    // bytes of name and file tables zeroed
	NamesKept     string // why the names were kept, when StripNames asked to drop them
}

const (
	sectionData      = 11
	sectionDataCount = 12
	opI32Const       = 0x41
	opEnd            = 0x0b
	maxSegmentBytes  = 1 << 30 // no module holds a data segment this large; a header that says so is damaged
	maxImageBytes    = 1 << 28 // the most initial memory rebuilt as one image; beyond it, segments join in place
)

var (
	errNotWasm  = errors.New("not a WebAssembly module (no \\0asm header, version 1)")
	errTrunc    = errors.New("truncated module")
	errSegment  = errors.New("a data segment this tool does not rewrite (passive, another memory, or a non-constant offset)")
	errTooLarge = errors.New("a data segment larger than 1 GB")
	errOver32   = errors.New("an integer over 32 bits")
)

// segment is one active data segment of memory 0.
type segment struct {
	offset uint32
	data   []byte
}

type section struct {
	id   byte
	body []byte
}

// Pack returns the module with its data segments packed. Every other section is copied
// unchanged, in its place.
func Pack(module []byte, o Options) ([]byte, Stats, error) {
	if len(module) < 8 || string(module[:8]) != "\x00asm\x01\x00\x00\x00" {
		return nil, Stats{}, errNotWasm
	}
	sections, err := readSections(module)
	if err != nil {
		return nil, Stats{}, err
	}
	var segs []segment
	for _, sec := range sections {
		if sec.id != sectionData {
			continue
		}
		if segs != nil {
			return nil, Stats{}, errors.New("two data sections")
		}
		if segs, err = readSegments(sec.body); err != nil {
			return nil, Stats{}, err
		}
	}
	packed, st := pack(segs, o)
	out := make([]byte, 0, len(module)+len(module)/8)
	out = append(out, module[:8]...)
	for _, sec := range sections {
		switch sec.id {
		case sectionData:
			out = appendSection(out, sec.id, writeSegments(packed))
		case sectionDataCount:
			out = appendSection(out, sec.id, appendU32(nil, uint32(len(packed))))
		default:
			out = appendSection(out, sec.id, sec.body)
		}
	}
	return out, st, nil
}

// readSections splits a module after its header into its sections.
func readSections(module []byte) ([]section, error) {
	var sections []section
	for r := (reader{b: module, i: 8}); r.i < len(module); {
		id, err := r.byte()
		if err != nil {
			return nil, err
		}
		size, err := r.u32()
		if err != nil {
			return nil, err
		}
		body, err := r.bytes(int(size))
		if err != nil {
			return nil, err
		}
		sections = append(sections, section{id, body})
	}
	return sections, nil
}

// pack rebuilds the initial memory as one image where no two segments write the same byte (Go's
// linker writes each byte once, so their order does not matter), drops the line tables from it
// if asked, and cuts it into segments again at every run of more than maxGap zero bytes.
// Segments that overlap keep their order, so later writes still win, and join in place.
func pack(segs []segment, o Options) ([]segment, Stats) {
	st := Stats{Before: len(segs)}
	img, base, ok := flatten(segs)
	if !ok {
		out := join(segs, o.MaxGap)
		st.After = len(out)
		if o.StripLines {
			st.LinesKept = "the data segments overlap"
		}
		if o.StripNames {
			st.NamesKept = "the data segments overlap"
		}
		return out, st
	}
	if o.StripLines {
		n, err := stripLines(img)
		if err != nil {
			st.LinesKept = err.Error()
		}
		st.LineBytes = n
	}
	if o.StripNames {
		n, err := stripNames(img, o.StripLines && st.LinesKept == "")
		if err != nil {
			st.NamesKept = err.Error()
		}
		st.NameBytes = n
	}
	out := split(img, base, o.MaxGap)
	st.After = len(out)
	return out, st
}

// flatten lays disjoint segments out as one image starting at the lowest offset.
func flatten(segs []segment) (img []byte, base uint32, ok bool) {
	if len(segs) == 0 {
		return nil, 0, false
	}
	sorted := slices.Clone(segs)
	slices.SortStableFunc(sorted, func(a, b segment) int { return cmp.Compare(a.offset, b.offset) })
	for i := 1; i < len(sorted); i++ {
		if uint64(sorted[i-1].offset)+uint64(len(sorted[i-1].data)) > uint64(sorted[i].offset) {
			return nil, 0, false
		}
	}
	last := sorted[len(sorted)-1]
	base = sorted[0].offset
	size := uint64(last.offset) + uint64(len(last.data)) - uint64(base)
	if size > maxImageBytes {
		return nil, 0, false
	}
	img = make([]byte, size)
	for _, s := range sorted {
		copy(img[s.offset-base:], s.data)
	}
	return img, base, true
}

// split cuts an image into segments at every run of more than maxGap zero bytes; zeros at either
// end of a segment are left out, as memory starts zeroed.
func split(img []byte, base uint32, maxGap int) []segment {
	var out []segment
	i := 0
	for {
		for i < len(img) && img[i] == 0 {
			i++
		}
		if i == len(img) {
			return out
		}
		start, end := i, i // end: one past the last non-zero byte taken
		for i < len(img) {
			if img[i] != 0 {
				i++
				end = i
				continue
			}
			if i-end >= maxGap {
				break
			}
			i++
		}
		out = append(out, segment{offset: base + uint32(start), data: img[start:end]})
		i = end
	}
}

// join merges each segment into the one before it when it starts at most maxGap bytes after that
// one ends and the zeros written between them cover no byte an earlier segment wrote.
func join(segs []segment, maxGap int) []segment {
	var out []segment
	var high uint64 // the end of the furthest byte any segment so far writes
	for _, s := range segs {
		start, end := uint64(s.offset), uint64(s.offset)+uint64(len(s.data))
		if len(out) > 0 {
			last := &out[len(out)-1]
			lastEnd := uint64(last.offset) + uint64(len(last.data))
			if lastEnd == high && start >= lastEnd && start-lastEnd <= uint64(maxGap) {
				merged := make([]byte, 0, int(start-uint64(last.offset))+len(s.data))
				merged = append(merged, last.data...)
				merged = append(merged, make([]byte, start-lastEnd)...)
				last.data = append(merged, s.data...)
				high = end
				continue
			}
		}
		out = append(out, segment{offset: s.offset, data: s.data})
		high = max(high, end)
	}
	return out
}

func readSegments(body []byte) ([]segment, error) {
	r := reader{b: body}
	n, err := r.u32()
	if err != nil {
		return nil, err
	}
	// Each segment takes at least 5 bytes: a count larger than that allows is damage, and must not
	// size an allocation.
	if int(n) > len(body)/5 {
		return nil, errTrunc
	}
	segs := make([]segment, 0, n) // not nil, even when empty: Pack counts data sections by it
	for range n {
		flags, err := r.u32()
		if err != nil {
			return nil, err
		}
		op, err := r.byte()
		if err != nil {
			return nil, err
		}
		if flags != 0 || op != opI32Const {
			return nil, errSegment
		}
		off, err := r.s32()
		if err != nil {
			return nil, err
		}
		end, err := r.byte()
		if err != nil {
			return nil, err
		}
		if end != opEnd || off < 0 {
			return nil, errSegment
		}
		size, err := r.u32()
		if err != nil {
			return nil, err
		}
		if size > maxSegmentBytes {
			return nil, errTooLarge
		}
		data, err := r.bytes(int(size))
		if err != nil {
			return nil, err
		}
		segs = append(segs, segment{offset: uint32(off), data: data})
	}
	if r.i != len(body) {
		return nil, errors.New("bytes after the last data segment")
	}
	return segs, nil
}

func writeSegments(segs []segment) []byte {
	n := 5
	for _, s := range segs {
		n += 16 + len(s.data)
	}
	b := appendU32(make([]byte, 0, n), uint32(len(segs)))
	for _, s := range segs {
		b = append(b, 0, opI32Const)
		b = appendS32(b, int32(s.offset))
		b = append(b, opEnd)
		b = appendU32(b, uint32(len(s.data)))
		b = append(b, s.data...)
	}
	return b
}

func appendSection(out []byte, id byte, body []byte) []byte {
	out = append(out, id)
	out = appendU32(out, uint32(len(body)))
	return append(out, body...)
}

// reader reads the LEB128 integers and byte runs of a module, reporting truncation as an error.
type reader struct {
	b []byte
	i int
}

func (r *reader) byte() (byte, error) {
	if r.i >= len(r.b) {
		return 0, errTrunc
	}
	r.i++
	return r.b[r.i-1], nil
}

func (r *reader) bytes(n int) ([]byte, error) {
	if n < 0 || n > len(r.b)-r.i {
		return nil, errTrunc
	}
	r.i += n
	return r.b[r.i-n : r.i], nil
}

// leb reads an LEB128 integer of at most 35 bits (five bytes) and says how many bits it took.
func (r *reader) leb() (v uint64, bits int, err error) {
	for shift := 0; shift < 35; shift += 7 {
		c, err := r.byte()
		if err != nil {
			return 0, 0, err
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, shift + 7, nil
		}
	}
	return 0, 0, errOver32
}

func (r *reader) u32() (uint32, error) {
	v, _, err := r.leb()
	if err != nil {
		return 0, err
	}
	if v > 1<<32-1 {
		return 0, errOver32
	}
	return uint32(v), nil
}

func (r *reader) s32() (int32, error) {
	u, bits, err := r.leb()
	if err != nil {
		return 0, err
	}
	v := int64(u)
	if bits < 35 && u&(1<<(bits-1)) != 0 {
		v |= -1 << bits // sign-extend from the last byte's sign bit
	}
	if v < -1<<31 || v > 1<<31-1 {
		return 0, errOver32
	}
	return int32(v), nil
}

func appendU32(b []byte, v uint32) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func appendS32(b []byte, v int32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

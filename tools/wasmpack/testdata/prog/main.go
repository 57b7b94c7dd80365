// A program that exercises what the packed module must keep: the garbage collector and stack
// growth (which read the kept pc tables), panics recovered into values, maps, strings and
// interfaces. It prints what runtime.Caller says of its own position last, on its own line.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
)

type node struct {
	next *node
	val  []byte
}

func deep(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return deep(n-1) + int(pad[n%64])
}

func risky(i int) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered: ", r)
		}
	}()
	var m map[string]int
	if i%2 == 0 {
		m["x"] = i // a nil map write panics
	}
	return "fine"
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "panic" {
		panic("boom") // unrecovered: the runtime prints a traceback and exits with status 2
	}
	var head *node
	words := map[string]int{}
	for i := range 200000 {
		head = &node{next: head, val: make([]byte, 64+i%512)}
		if i%1000 == 0 {
			head.next = nil // garbage for the collector
			words[fmt.Sprintf("w%d", i%7919)]++
		}
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	fmt.Println("deep", deep(20000))
	fmt.Println(risky(1), "|", risky(2))
	fmt.Println("keys", len(keys), strings.Join(keys[:3], ","), "gc", ms.NumGC > 0)
	_, file, line, _ := runtime.Caller(0)
	fmt.Println("caller", file != "" && file != "?", line > 0)
}

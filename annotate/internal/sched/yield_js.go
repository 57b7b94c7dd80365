//go:build js

package sched

import "runtime"

// Yield lets other goroutines, the collector's mark worker among them, run.
func Yield() { runtime.Gosched() }

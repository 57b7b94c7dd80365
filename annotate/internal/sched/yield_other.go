//go:build !js

package sched

// Yield does nothing where the runtime preempts goroutines itself.
func Yield() {}

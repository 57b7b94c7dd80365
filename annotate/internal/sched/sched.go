// Package sched lets long computations give Go's collector a turn where the runtime cannot take
// one itself.
//
// In WebAssembly Go runs on one thread with no preemption: while an article is being annotated,
// the collector's background marking never runs, only the allocating code's assists, and a
// collection that starts mid-stage lets the heap overshoot its goal several times over (a 1 MB
// article peaked anywhere from 75 to 250 MB of WebAssembly memory, which a page never gets
// back). Yield, called between stages and every few hundred blocks, lets the marking finish.
// Natively it does nothing: the scheduler preempts on its own.
package sched

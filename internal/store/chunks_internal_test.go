package store

import "testing"

// TestChunks: values read into chunks come out in order, by index and as
// one slice, across the growing chunks and the full ones after them.
func TestChunks(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 65, 4031, 4032, 4033, 8128, 8129, 20000} {
		var c chunks[int]
		for i := range n {
			*c.next() = i
		}
		if c.n != n {
			t.Fatalf("%d values: n = %d", n, c.n)
		}
		for i := range n {
			if v := *c.at(i); v != i {
				t.Fatalf("%d values: at(%d) = %d", n, i, v)
			}
		}
		s := c.slice()
		if len(s) != n {
			t.Fatalf("%d values: slice of %d", n, len(s))
		}
		for i, v := range s {
			if v != i {
				t.Fatalf("%d values: slice[%d] = %d", n, i, v)
			}
		}
		if n > 0 && cap(c.parts[0]) != firstChunk {
			t.Errorf("the first chunk holds %d, want %d", cap(c.parts[0]), firstChunk)
		}
	}
}

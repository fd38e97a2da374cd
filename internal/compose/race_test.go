//go:build race

package compose_test

// slowdown is how many times slower the race detector makes the code: the
// time bounds of the tests are that much longer under it.
const slowdown = 10

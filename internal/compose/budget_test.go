package compose

import (
	"errors"
	"testing"
	"time"
)

// A run's step fails once the run has passed its time or its steps.
func TestRunStep(t *testing.T) {
	r := &run{deadline: time.Now().Add(time.Hour)}
	for i := range maxSteps {
		if _, err := r.step(); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	if _, err := r.step(); !errors.Is(err, errTooManySteps) {
		t.Errorf("step %d: %v, want errTooManySteps", maxSteps+1, err)
	}
	late := &run{deadline: time.Now().Add(-time.Second)}
	if _, err := late.step(); !errors.Is(err, errTooLong) {
		t.Errorf("a step past the deadline: %v, want errTooLong", err)
	}
}

"""Time an LSTM's forward and backward passes as the sequence grows, input gradient included.

Run from the repository root (not collected by pytest)::

    python tests/benchmarks/bench_rnn_backward.py

Backward should grow like forward, linearly in the number of time steps: doubling
``T`` roughly doubles both. (Before `kerasedu.layers.time_steps.TimeSteps`, each
step's slice of the input gave back a gradient of the whole sequence's size, and
backward grew as ``T**2``.) ``tests/layers/test_time_steps.py`` checks the same
without a clock, by counting the numbers backward hands back.
"""

import time

import numpy as np

from kerasedu.autograd import Tensor
from kerasedu.layers import LSTM


def best_of(repeats, fn):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(batch=32, features=64, units=32, lengths=(100, 200, 400, 800)):
    layer = LSTM(units, return_sequences=True)
    print(f"LSTM({units}), batch {batch}, {features} features; best of 3, seconds")
    print(f"{'T':>6} {'forward':>9} {'backward':>9} {'backward / T (ms)':>18}")
    for steps in lengths:
        data = np.random.rand(batch, steps, features).astype("float32")

        def forward():
            return layer(Tensor(data, requires_grad=True))

        def backward():
            forward().sum().backward()

        t_forward = best_of(3, forward)
        t_backward = best_of(3, backward) - t_forward
        print(f"{steps:>6} {t_forward:>9.3f} {t_backward:>9.3f} {1000 * t_backward / steps:>18.3f}")


if __name__ == "__main__":
    main()

"""Count the kerasedu functions that one batch of ``fit`` passes through.

Traces the SECOND ``fit`` call (one batch, so the first call's one-off work,
building and compiling, is not counted) of ``Sequential([Input, Dense, Dense])``
with RMSprop, categorical crossentropy and accuracy, the teaching diagnostics on,
using ``sys.setprofile``. Prints the number of distinct kerasedu functions
(counted by file and name, so the ``backward`` methods of one op file count
once), the files they live in, and the switches between files: calls whose
function lives in another file than the previous call's.

Run:  python3 tools/trace_fit.py [--list]
"""

import os
import sys

import numpy as np

import kerasedu
from kerasedu import layers

PACKAGE_DIR = os.path.dirname(kerasedu.__file__)


def build_model():
    np.random.seed(0)
    model = kerasedu.Sequential(
        [
            layers.Input((8,)),
            layers.Dense(16, activation="relu"),
            layers.Dense(3, activation="softmax"),
        ]
    )
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


def trace_one_batch(model, x, y):
    """Run one batch of fit under a profiler; return the (file, function) events in order."""
    events = []

    def profiler(frame, event, arg):
        if event == "call":
            filename = frame.f_code.co_filename
            if filename.startswith(PACKAGE_DIR):
                events.append(
                    (
                        event,
                        os.path.relpath(filename, PACKAGE_DIR),
                        frame.f_code.co_name,
                        frame.f_code.co_firstlineno,
                    )
                )

    sys.setprofile(profiler)
    try:
        model.fit(x, y, batch_size=len(x), epochs=1, verbose=0)
    finally:
        sys.setprofile(None)
    return events


def summarize(events):
    functions = {(f, name) for _, f, name, _ in events}
    files = {f for f, _ in functions}
    switches = 0
    previous = None
    for _, filename, _, _ in events:
        if previous is not None and filename != previous:
            switches += 1
        previous = filename
    return functions, files, switches


def main():
    x = np.random.rand(32, 8).astype("float32")
    y = np.eye(3, dtype="float32")[np.random.randint(0, 3, 32)]
    model = build_model()
    model.fit(x, y, batch_size=32, epochs=1, verbose=0)  # first call: builds everything
    functions, files, switches = summarize(trace_one_batch(model, x, y))
    print(f"distinct kerasedu functions: {len(functions)}")
    print(f"files: {len(files)}")
    print(f"switches between files: {switches}")
    if "--list" in sys.argv:
        for filename in sorted(files):
            names = sorted(name for f, name in functions if f == filename)
            print(f"  {filename}: {', '.join(names)}")


if __name__ == "__main__":
    main()

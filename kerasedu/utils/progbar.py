"""`Progbar`: the progress line ``fit`` prints, in Keras 3's format.

``verbose=1`` redraws one line in place (``\\r``) while an epoch runs::

    1875/1875 ━━━━━━━━━━━━━━━━━━━━ 3s 2ms/step - accuracy: 0.9123 - loss: 0.2950

``verbose=2`` prints only the finished line: ``1875/1875 - 3s - 2ms/step - loss: ...``.
In a terminal the line is redrawn at most every 0.05 s; in a Jupyter notebook
at most every 0.5 s (each redraw is a message to the browser); when the
output goes to a file or a pipe only the final line of each epoch is written.

Example:
    >>> bar = Progbar(target=2, verbose=2)
    >>> bar.update(1, [("loss", 0.5)])
    >>> bar.update(2, [("loss", 0.25)])  # doctest: +ELLIPSIS
    2/2 - 0s - ...s/step - loss: 0.2500
"""

import sys
import time


def _is_notebook():
    """True inside a Jupyter kernel (importing ipykernel is not enough: pytest plugins do)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ == "ZMQInteractiveShell"


def _format_value(value):
    if abs(value) > 1e-3:
        return f"{value:.4f}"
    return f"{value:.4e}"  # small numbers keep their digits: 1.2345e-05


def _format_step_time(seconds, unit_name):
    if seconds >= 1 or seconds == 0:
        return f"{seconds:.0f}s/{unit_name}"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.0f}ms/{unit_name}"
    return f"{seconds * 1e6:.0f}us/{unit_name}"


def _format_eta(seconds):
    if seconds > 3600:
        return f"{int(seconds) // 3600}:{(int(seconds) % 3600) // 60:02d}:{int(seconds) % 60:02d}"
    if seconds > 60:
        return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"
    return f"{seconds:.0f}s"


class Progbar:
    """A progress line with a bar, timing and the latest metric values.

    Args:
        target: Total number of steps, or ``None`` when unknown (a generator).
        width: Characters of the bar. Defaults to ``20``.
        verbose: ``1`` live bar, ``2`` one line at the end, ``0`` silent. Defaults to ``1``.
        interval: Minimum seconds between two redraws. Defaults to ``0.05``
            (``0.5`` in a notebook).
        unit_name: Shown as ``ms/<unit_name>``. Defaults to ``"step"``.

    Example:
        >>> Progbar(target=10, verbose=0).update(5)
    """

    def __init__(self, target, width=20, verbose=1, interval=0.05, unit_name="step"):
        self.target = target
        self.width = width
        self.verbose = verbose
        self.unit_name = unit_name
        self.interval = max(interval, 0.5) if _is_notebook() else interval
        stream_isatty = getattr(sys.stdout, "isatty", lambda: False)()
        self.live = stream_isatty or _is_notebook()  # can a line be redrawn in place?
        self.values = {}
        self.start = time.time()
        self.last_draw = 0.0
        self.drawn_width = 0
        self.current = 0

    def update(self, current, values=None, finalize=None):
        """Record that ``current`` steps are done, with the latest ``(name, value)`` pairs.

        Args:
            current: Steps completed so far.
            values: List of ``(name, value)`` pairs (or a dict) to show; the
                latest value of each name is shown.
            finalize: Whether this is the last update; defaults to
                ``current >= target``.
        """
        self.current = current
        for name, value in dict(values or {}).items():
            self.values[name] = float(value)
        if finalize is None:
            finalize = self.target is not None and current >= self.target
        now = time.time()
        if self.verbose == 0 or (not finalize and (self.verbose != 1 or not self.live)):
            return
        if not finalize and now - self.last_draw < self.interval:
            return  # redrawing thousands of times per epoch costs more than the step
        self.last_draw = now
        line = self._line(now, finalize)
        if self.live and self.verbose == 1:
            padding = " " * max(self.drawn_width - len(line), 0)  # erase a longer old line
            self.drawn_width = len(line)
            line = "\r" + line + padding
        sys.stdout.write(line + ("\n" if finalize else ""))
        sys.stdout.flush()

    def add(self, steps, values=None):
        """Advance by ``steps`` steps (see `update`)."""
        self.update(self.current + steps, values)

    def _line(self, now, finalize):
        elapsed = now - self.start
        per_step = elapsed / self.current if self.current else 0.0
        metrics = "".join(f" - {name}: {_format_value(v)}" for name, v in self.values.items())
        step_time = _format_step_time(per_step, self.unit_name)
        if self.verbose == 2:
            return f"{self._counter()} - {elapsed:.0f}s - {step_time}{metrics}"
        if finalize or self.target is None:
            timing = f"{elapsed:.0f}s {step_time}"
        else:
            timing = f"{_format_eta(per_step * (self.target - self.current))} {step_time}"
        return f"{self._counter()} {self._bar()}{timing}{metrics}"

    def _counter(self):
        if self.target is None:
            return f"{self.current}/Unknown"
        digits = len(str(self.target))
        return f"{self.current:>{digits}}/{self.target}"

    def _bar(self):
        if self.target is None:
            return ""
        done = int(self.width * min(self.current / self.target, 1.0)) if self.target else self.width
        return "━" * done + "─" * (self.width - done) + " "

"""`CSVLogger`: write each epoch's results as a row of a CSV file.

Example:
    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "log.csv")
    >>> logger = CSVLogger(path)
    >>> logger.on_train_begin()
    >>> logger.on_epoch_end(0, {"loss": 0.5})
    >>> logger.on_train_end()
    >>> open(path).read().split()
    ['epoch,loss', '0,0.5']
"""

import csv

from kerasedu.callbacks.callback import Callback


class CSVLogger(Callback):
    """Stream epoch results to ``filename``: a header ``epoch,<names>``, then one row per epoch.

    Args:
        filename: Path of the CSV file.
        separator: Column separator. Defaults to ``","``.
        append: Add to an existing file instead of overwriting it (to continue
            a run). Defaults to ``False``.
    """

    def __init__(self, filename, separator=",", append=False):
        super().__init__()
        self.filename = str(filename)
        self.separator = separator
        self.append = append
        self.file = None
        self.writer = None
        self.keys = None

    def on_train_begin(self, logs=None):
        has_header = False
        if self.append:
            try:
                with open(self.filename) as existing:
                    has_header = bool(existing.readline())
            except FileNotFoundError:
                pass
        self.file = open(self.filename, "a" if self.append else "w", newline="")
        self.keys = None
        self.writer = None
        self.has_header = has_header

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        if self.keys is None:
            self.keys = sorted(logs)
            self.writer = csv.DictWriter(
                self.file, fieldnames=["epoch"] + self.keys, delimiter=self.separator
            )
            if not self.has_header:
                self.writer.writeheader()
        row = {"epoch": epoch}
        row.update({key: logs.get(key, "NA") for key in self.keys})
        self.writer.writerow(row)
        self.file.flush()

    def on_train_end(self, logs=None):
        if self.file is not None:
            self.file.close()
            self.file = None

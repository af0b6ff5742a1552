"""`Sequence`: a dataset that hands out whole batches by index (Keras's ``PyDataset``).

Subclass it when the data does not fit in memory, or when each batch needs
work (loading files, augmenting): ``fit`` asks for ``seq[0]``, ``seq[1]``, ...
``seq[len(seq) - 1]`` each epoch, then calls ``on_epoch_end``.

Example:
    >>> import numpy as np
    >>> class Squares(Sequence):
    ...     def __len__(self):
    ...         return 2
    ...     def __getitem__(self, index):
    ...         x = np.full((4, 1), index, dtype="float32")
    ...         return x, x ** 2
    >>> x, y = Squares()[1]
    >>> x.shape, float(y[0, 0])
    ((4, 1), 1.0)
"""


class Sequence:
    """Base class of batch-by-index datasets.

    Subclasses implement ``__len__`` (the number of batches per epoch) and
    ``__getitem__(index)`` returning one batch ``(x, y)`` or ``(x, y,
    sample_weight)``; ``on_epoch_end`` may reshuffle. ``fit`` does not shuffle a
    Sequence (as in Keras 3): its ``on_epoch_end`` decides the order.

    Args:
        **kwargs: Accepted and ignored (Keras's ``workers``, ``use_multiprocessing``,
            ``max_queue_size``: kerasedu loads batches in the main process).
    """

    def __init__(self, **kwargs):
        pass

    def __len__(self):
        raise NotImplementedError("A Sequence subclass must define __len__ (batches per epoch).")

    def __getitem__(self, index):
        raise NotImplementedError("A Sequence subclass must define __getitem__(index) -> batch.")

    def on_epoch_end(self):
        """Called after every epoch; override it to reshuffle. Does nothing by default."""


PyDataset = Sequence  # the Keras 3 name

"""`TerminateOnNaN`: stop training as soon as the loss becomes NaN or infinite.

Example:
    >>> class FakeModel:
    ...     stop_training = False
    >>> callback = TerminateOnNaN()
    >>> callback.set_model(FakeModel())
    >>> callback.on_train_batch_end(4, {"loss": float("nan")})
    Batch 4: Invalid loss, terminating training
    >>> callback.model.stop_training
    True
"""

import math

from kerasedu.callbacks.callback import Callback


class TerminateOnNaN(Callback):
    """Set ``model.stop_training`` after the first batch whose loss is NaN or infinite.

    A NaN loss usually means a learning rate that is too large, or a ``log(0)``.
    """

    def on_train_batch_end(self, batch, logs=None):
        loss = (logs or {}).get("loss")
        if loss is not None and (math.isnan(loss) or math.isinf(loss)):
            print(f"Batch {batch}: Invalid loss, terminating training")
            self.model.stop_training = True

"""`Lambda`: wrap a Python function as a layer, for small computations without weights.

Saving a model stores only the function's NAME, never its code: loading code
from a file would let the file run anything on your machine (Keras 3 refuses
such files too unless told ``safe_mode=False``). To load a model that contains
a `Lambda`, pass the function again: ``custom_objects={"my_fn": my_fn}``.

Example:
    >>> def double(x):
    ...     return x * 2
    >>> Lambda(double)(np.ones((1, 2), dtype="float32")).numpy().tolist()
    [[2.0, 2.0]]
"""

from kerasedu.layers.layer import Layer


class Lambda(Layer):
    """Apply ``function(inputs, **arguments)`` to the inputs.

    Args:
        function: Callable on Tensors, e.g. ``lambda x: x[:, 0]`` or a ``def``
            function (preferable: its name makes the saved model loadable).
        output_shape: Output shape of one sample (a tuple without the batch
            axis), or a callable ``f(input_shape) -> output_shape`` (with the batch
            axis). Defaults to ``None``: found by running the function on zeros.
        mask: Accepted for compatibility; masking is not implemented. Defaults to ``None``.
        arguments: Extra keyword arguments for ``function`` (JSON values, so the
            config can be saved). Defaults to ``None``.
        **kwargs: Base layer arguments (``name``...).

    Shapes:
        whatever ``function`` returns.

    Example:
        >>> Lambda(lambda x: x[:, :1], output_shape=(1,)).compute_output_shape((None, 4))
        (None, 1)
    """

    def __init__(self, function, output_shape=None, mask=None, arguments=None, **kwargs):
        super().__init__(**kwargs)
        if not callable(function):
            raise TypeError(f"Lambda needs a callable. Received: function={function!r}")
        if mask is not None:
            raise ValueError("kerasedu's Lambda does not support masks. Received: mask={mask!r}")
        self.function = function
        self.arguments = dict(arguments or {})
        self._given_output_shape = output_shape

    def call(self, inputs):
        return self.function(inputs, **self.arguments)

    def compute_output_shape(self, input_shape):
        """From ``output_shape`` if it was given, else by running the function on zeros."""
        if self._given_output_shape is None:
            return super().compute_output_shape(input_shape)
        if callable(self._given_output_shape):
            return tuple(self._given_output_shape(input_shape))
        batch = input_shape[0][0] if isinstance(input_shape, list) else input_shape[0]
        return (batch, *tuple(self._given_output_shape))

    def get_config(self):
        """The function is stored by name only (``"<lambda>"`` for a lambda expression)."""
        output_shape = self._given_output_shape
        if callable(output_shape):
            output_shape = None  # a function again: recomputed from the function on load
        return {
            **super().get_config(),
            "function": self.function.__name__,
            "output_shape": None if output_shape is None else list(output_shape),
            "arguments": self.arguments,
        }

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Rebuild the layer, taking the function from ``custom_objects`` by its name.

        Raises:
            ValueError: If the function is not in ``custom_objects`` (the
                message says how to pass it), or if the config holds code.
        """
        config = dict(config)
        for key in ("function_type", "module", "output_shape_type", "output_shape_module"):
            config.pop(key, None)  # Keras 2's descriptions of the function
        function = config.pop("function")
        name = function if isinstance(function, str) else None
        if name is None or name not in (custom_objects or {}):
            raise ValueError(_missing_function_message(config.get("name", "lambda"), name))
        return cls(custom_objects[name], **config)


def _missing_function_message(layer_name, function_name):
    if function_name is None:
        return (
            f"The Lambda layer '{layer_name}' was saved with the function's Python code "
            "(Keras format). kerasedu never runs code read from a file, because a file could "
            "contain anything. Pass the function yourself: "
            "custom_objects={'<function name>': my_function}."
        )
    return (
        f"The Lambda layer '{layer_name}' wraps the Python function '{function_name}', and "
        "models store only its name, never its code (running code from a file is unsafe). "
        f"Pass the function when loading: custom_objects={{'{function_name}': {function_name}}}"
        + (
            " (a `lambda` expression is saved as '<lambda>'; a `def` function with its own "
            "name is clearer)."
            if function_name == "<lambda>"
            else "."
        )
    )

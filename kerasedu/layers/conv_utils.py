"""Argument checks and output-size arithmetic shared by convolution and pooling layers.

Sizes given as an int or a tuple are checked by `kerasedu.autograd.windows.normalize_tuple`,
the one helper the ops use too.

Example:
    >>> normalize_padding("Same")
    'same'
    >>> conv_output_length(28, 3, "same", stride=2), conv_output_length(28, 3, "valid")
    (14, 26)
"""


def normalize_padding(padding, allowed=("valid", "same")):
    """Return ``padding`` in lower case, checking it is one of ``allowed``.

    Example:
        >>> normalize_padding("SAME")
        'same'
    """
    value = padding.lower() if isinstance(padding, str) else padding
    if value not in allowed:
        raise ValueError(f"`padding` must be one of {list(allowed)}. Received: padding={padding!r}")
    return value


def check_data_format(data_format):
    """Accept only channels-last data (``None`` or ``"channels_last"``).

    Example:
        >>> check_data_format(None)
        'channels_last'
    """
    if data_format in (None, "channels_last"):
        return "channels_last"
    raise ValueError(
        "kerasedu implements only channels-last data (N, H, W, C). Received: "
        f"data_format={data_format!r}. Transpose your arrays, e.g. np.transpose(x, (0, 2, 3, 1))."
    )


def conv_output_length(length, kernel_size, padding, stride=1, dilation=1):
    """Length of a convolution's (or pooling's) output along one axis; ``None`` stays ``None``.

    ``"valid"``: windows that fit entirely; ``"same"`` and ``"causal"``:
    ``ceil(length / stride)``.

    Example:
        >>> conv_output_length(10, 3, "valid", stride=2, dilation=2)
        3
    """
    if length is None:
        return None
    span = (kernel_size - 1) * dilation + 1  # the kernel's reach, dilation gaps included
    if padding == "valid":
        return (length - span) // stride + 1
    return (length + stride - 1) // stride

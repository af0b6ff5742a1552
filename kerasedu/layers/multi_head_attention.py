"""`MultiHeadAttention`: the attention block of Transformers (Vaswani et al., 2017).

Each of ``num_heads`` heads projects the query, key and value with its own
matrices, scores ``q @ k^T / sqrt(key_dim)``, and mixes the values with the
softmax weights; the heads' outputs are concatenated and projected back:

    head_h = softmax(Q W_q^h (K W_k^h)^T / sqrt(key_dim)) V W_v^h
    output = concat(head_1 .. head_H) W_o

The projections are Keras's ``EinsumDense`` weights, kept in Keras's shapes
(``query/kernel (D, H, key_dim)``...) and applied as one matmul each.

Example:
    >>> mha = MultiHeadAttention(num_heads=2, key_dim=4)
    >>> x = np.ones((3, 5, 8), dtype="float32")
    >>> mha(x, x).shape
    (3, 5, 8)
    >>> [w.shape for w in mha.get_weights()][:2], mha.count_params()
    ([(8, 2, 4), (2, 4)], 288)
"""

import math

import numpy as np

from kerasedu import random
from kerasedu.autograd.ops_shape import reshape
from kerasedu.autograd.tensor import as_tensor
from kerasedu.device import to_numpy
from kerasedu.layers.attention import combine_masks, masked_softmax
from kerasedu.layers.dense import (
    add_activity_penalty,
    add_weight_from_options,
    options_config,
    set_weight_options,
)
from kerasedu.layers.layer import Layer


def _mask_of(x, given):
    """The mask given by hand, else the padding mask ``x`` carries (``x._keras_mask``), or None."""
    if given is not None:
        return given
    return getattr(x, "_keras_mask", None)


class MultiHeadAttention(Layer):
    """Multi-head scaled dot-product attention.

    Args:
        num_heads: Number of heads ``H``.
        key_dim: Size of each head's query and key projections.
        value_dim: Size of each head's value projection. Defaults to ``key_dim``.
        dropout: Fraction of attention weights dropped in training. Defaults to ``0.0``.
        use_bias: Whether the projections have biases. Defaults to ``True``.
        output_shape: Last axis of the output. Defaults to ``None`` (the query's).
        attention_axes: Only ``None`` (attend over all axes between batch and
            features, as Keras's default) is supported.
        kernel_initializer, bias_initializer, kernel_regularizer, bias_regularizer,
        activity_regularizer, kernel_constraint, bias_constraint: As `Dense`'s.
        seed: Optional int seed of the dropout. Defaults to ``None``.

    Call arguments:
        query: ``(N, T, D_q)``; value: ``(N, S, D_v)``; key: ``(N, S, D_k)``,
        defaults to ``value``. attention_mask: optional booleans ``(N, T, S)``,
        False where a query step may not look. return_attention_scores: also
        return the weights ``(N, H, T, S)``. use_causal_mask: step ``t`` attends
        to steps ``<= t`` only. training: dropout only in training.
        query_mask, value_mask, key_mask: optional padding masks ``(N, T)`` and
        ``(N, S)``; by default the masks the inputs carry (``Embedding(mask_zero=True)``).

    Shapes:
        output ``(N, T, output_shape or D_q)``.

    Example:
        >>> mha = MultiHeadAttention(num_heads=2, key_dim=3)
        >>> out, w = mha(np.ones((1, 4, 6)), np.ones((1, 5, 6)), return_attention_scores=True)
        >>> out.shape, w.shape
        ((1, 4, 6), (1, 2, 4, 5))
    """

    def __init__(
        self,
        num_heads,
        key_dim,
        value_dim=None,
        dropout=0.0,
        use_bias=True,
        output_shape=None,
        attention_axes=None,
        flash_attention=None,
        kernel_initializer="glorot_uniform",
        bias_initializer="zeros",
        kernel_regularizer=None,
        bias_regularizer=None,
        activity_regularizer=None,
        kernel_constraint=None,
        bias_constraint=None,
        use_gate=False,
        sliding_window=None,
        seed=None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if attention_axes is not None or use_gate or sliding_window is not None:
            raise ValueError(
                "MultiHeadAttention: kerasedu implements attention_axes=None, use_gate=False "
                f"and sliding_window=None. Received: attention_axes={attention_axes}, "
                f"use_gate={use_gate}, sliding_window={sliding_window}"
            )
        self.num_heads, self.key_dim = num_heads, key_dim
        self.value_dim = value_dim or key_dim
        self.dropout, self.use_bias, self.seed = dropout, use_bias, seed
        self.output_shape_arg = output_shape
        set_weight_options(self, locals())  # kernel_*, bias_*, activity_regularizer (as Dense)
        self._generator = None if seed is None else random.SeedGenerator(seed)
        self._projections_built = False
        self.supports_masking = True  # the query's mask passes on to the output

    def _projection(self, name, kernel_shape, bias_shape):
        """Add ``name/kernel`` and (with ``use_bias``) ``name/bias``; return both."""
        kernel = add_weight_from_options(self, "kernel", kernel_shape, name=f"{name}/kernel")
        bias = None
        if self.use_bias:
            bias = add_weight_from_options(self, "bias", bias_shape, name=f"{name}/bias")
        return kernel, bias

    def build_projections(self, query_dim, value_dim, key_dim):
        """Create the four projections once the three inputs' feature sizes are known."""
        h = self.num_heads
        self.query_weights = self._projection(
            "query", (query_dim, h, self.key_dim), (h, self.key_dim)
        )
        self.key_weights = self._projection("key", (key_dim, h, self.key_dim), (h, self.key_dim))
        self.value_weights = self._projection(
            "value", (value_dim, h, self.value_dim), (h, self.value_dim)
        )
        out_dim = self._output_dim(query_dim)
        self.output_weights = self._projection(
            "attention_output", (h, self.value_dim, out_dim), (out_dim,)
        )
        self._projections_built = True

    def _output_dim(self, query_dim):
        shape = self.output_shape_arg
        if shape is None:
            return query_dim
        return shape if isinstance(shape, int) else shape[-1]

    def _split_heads(self, x, weights):
        """``(N, T, D) -> (N, H, T, d)``: project with a kernel ``(D, H, d)``, split the heads."""
        kernel, bias = weights
        d_in, heads, d = kernel.shape
        y = x @ reshape(kernel, (d_in, heads * d))  # all heads in one matmul
        if bias is not None:
            y = y + reshape(bias, (heads * d,))
        n, t = x.shape[0], x.shape[1]
        return reshape(y, (n, t, heads, d)).transpose(0, 2, 1, 3)

    def call(
        self,
        query,
        value,
        key=None,
        attention_mask=None,
        return_attention_scores=False,
        training=None,
        use_causal_mask=False,
        query_mask=None,
        value_mask=None,
        key_mask=None,
    ):
        # padding masks come with the tensors (Embedding(mask_zero=True)) unless given
        query_mask = _mask_of(query, query_mask)
        value_mask = _mask_of(value, value_mask)
        key_mask = value_mask if key is None else _mask_of(key, key_mask)
        value = as_tensor(value)
        key = value if key is None else as_tensor(key)
        if not self._projections_built:
            self.build_projections(query.shape[-1], value.shape[-1], key.shape[-1])
        n, *q_positions, _ = query.shape
        flat = [reshape(x, (x.shape[0], -1, x.shape[-1])) for x in (query, value, key)]
        q, v, k = (
            self._split_heads(x, w)
            for x, w in zip(flat, (self.query_weights, self.value_weights, self.key_weights))
        )
        scores = (q * (1.0 / math.sqrt(self.key_dim))) @ k.transpose(0, 1, 3, 2)  # (N, H, T, S)
        mask = combine_masks(key_mask, use_causal_mask, q.shape[2], k.shape[2], query_mask)
        if value_mask is not None and value_mask is not key_mask:
            mask = mask & combine_masks(value_mask, False, q.shape[2], k.shape[2])
        if attention_mask is not None:
            attention_mask = np.asarray(to_numpy(attention_mask), dtype=bool)  # (N, T, S)
            mask = attention_mask if mask is None else mask & attention_mask
        weights = masked_softmax(scores, None if mask is None else mask[:, None])  # same per head
        if training and self.dropout > 0:
            weights = random.dropout(weights, self.dropout, seed=self._generator)
        heads = (weights @ v).transpose(0, 2, 1, 3)  # (N, T, H, d_v)
        kernel, bias = self.output_weights
        h, d_v, d_out = kernel.shape
        output = reshape(heads, (n, -1, h * d_v)) @ reshape(kernel, (h * d_v, d_out))
        if bias is not None:
            output = output + bias
        output = reshape(output, (n, *q_positions, d_out))
        if self.activity_regularizer is not None:  # a penalty on the outputs, as Dense's
            add_activity_penalty(self, output)
        return (output, weights) if return_attention_scores else output

    def compute_output_shape(self, query_shape, value_shape=None, key_shape=None):
        return (*query_shape[:-1], self._output_dim(query_shape[-1]))

    def get_config(self):
        return {
            **super().get_config(),
            "num_heads": self.num_heads,
            "key_dim": self.key_dim,
            "value_dim": self.value_dim,
            "dropout": self.dropout,
            "use_bias": self.use_bias,
            "output_shape": self.output_shape_arg,
            "attention_axes": None,
            **options_config(self, "kernel", "bias", "activity"),
            "use_gate": False,
            "sliding_window": None,
            "seed": self.seed,
        }

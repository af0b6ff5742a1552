"""Attention over sequences: `Attention` (Luong, dot product), `AdditiveAttention` (Bahdanau).

Each query step ``t`` scores every value step ``s`` (``scores[t, s]``), turns
the scores into weights with a softmax over ``s``, and returns the weighted sum
of the values: ``output[t] = sum_s softmax(scores[t])[s] * value[s]``. The two
layers differ only in the score. `MultiHeadAttention` (its own module) runs the
dot-product score on several learned projections at once.

Example:
    >>> q, v = np.ones((2, 3, 4)), np.ones((2, 5, 4))
    >>> Attention()([q, v]).shape
    (2, 3, 4)
"""

import numpy as np

from kerasedu import random
from kerasedu.autograd.ops_nn import tanh
from kerasedu.autograd.ops_shape import expand_dims
from kerasedu.autograd.ops_softmax import softmax
from kerasedu.autograd.tensor import Tensor, as_tensor
from kerasedu.device import to_device, to_numpy
from kerasedu.layers.layer import Layer

MASKED_SCORE = 1e9  # subtracted from masked scores: their softmax weight becomes 0


def causal_mask(query_steps, value_steps):
    """``mask[t, s] = s <= t``: step ``t`` may look at itself and the past only.

    Example:
        >>> causal_mask(3, 3).astype(int).tolist()
        [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
    """
    return np.tril(np.ones((query_steps, value_steps), dtype=bool))


def masked_softmax(scores, mask=None):
    """``softmax(scores)`` over the last axis, with weight 0 where ``mask`` is False.

    Args:
        scores: Tensor ``(..., T, S)``.
        mask: Optional boolean array broadcastable to ``scores``. Defaults to ``None``.
    """
    if mask is not None:
        penalty = MASKED_SCORE * (1.0 - np.asarray(to_numpy(mask), dtype=scores.dtype))
        scores = scores - Tensor(to_device(penalty, dtype=scores.dtype))
    return softmax(scores, axis=-1)


def combine_masks(value_mask, use_causal_mask, query_steps, value_steps, query_mask=None):
    """The ``(N or 1, T, S)`` mask from padding masks and/or causality, or ``None``.

    Args:
        value_mask: Optional ``(N, S)`` booleans, False at padded value steps.
        use_causal_mask: Whether step ``t`` may only see steps ``<= t``.
        query_steps, value_steps: ``T`` and ``S``.
        query_mask: Optional ``(N, T)`` booleans (`MultiHeadAttention` masks
            padded query rows too, as Keras). Defaults to ``None``.
    """
    mask = None
    if value_mask is not None:
        mask = np.asarray(to_numpy(value_mask), dtype=bool)[:, None, :]  # (N, 1, S)
    if query_mask is not None:
        rows = np.asarray(to_numpy(query_mask), dtype=bool)[:, :, None]  # (N, T, 1)
        mask = rows if mask is None else mask & rows
    if use_causal_mask:
        causal = causal_mask(query_steps, value_steps)[None]
        mask = causal if mask is None else mask & causal
    return mask


class BaseAttention(Layer):
    """Shared call of `Attention` and `AdditiveAttention`; subclasses define ``scores``.

    Args:
        dropout: Fraction of attention weights dropped in training. Defaults to ``0.0``.
        seed: Optional int seed of that dropout. Defaults to ``None``.
    """

    def __init__(self, dropout=0.0, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.dropout, self.seed = dropout, seed
        self._generator = None if seed is None else random.SeedGenerator(seed)

    def call(
        self,
        inputs,
        mask=None,
        training=False,
        return_attention_scores=False,
        use_causal_mask=False,
    ):
        if not isinstance(inputs, list) or len(inputs) not in (2, 3):
            raise ValueError(
                f"Layer '{self.name}' takes a list [query, value] or [query, value, key]. "
                f"Received: {type(inputs).__name__}"
            )
        query, value = inputs[0], inputs[1]
        key = inputs[2] if len(inputs) == 3 else value
        query_mask = value_mask = None
        if mask is not None:  # one mask per input; a key's mask is not used (as Keras)
            query_mask, value_mask = mask[0], mask[1]
        scores_mask = combine_masks(value_mask, use_causal_mask, query.shape[1], key.shape[1])
        weights = masked_softmax(self.scores(query, key), scores_mask)  # (N, T, S)
        if training and self.dropout > 0:
            weights = random.dropout(weights, self.dropout, seed=self._generator)
        output = weights @ value  # (N, T, S) @ (N, S, D) -> (N, T, D)
        if query_mask is not None:  # padded query steps give zeros
            keep = np.asarray(to_numpy(query_mask), dtype=output.dtype)[..., None]  # (N, T, 1)
            output = output * as_tensor(keep)
        return (output, weights) if return_attention_scores else output

    def compute_mask(self, inputs, mask=None):
        """The query's mask passes on to the output (Keras's rule)."""
        return None if mask is None else mask[0]

    def compute_output_shape(self, input_shape):
        return (*input_shape[0][:-1], input_shape[1][-1])

    def get_config(self):
        return {**super().get_config(), "dropout": self.dropout, "seed": self.seed}


class Attention(BaseAttention):
    """Dot-product attention (Luong): ``scores = query @ key^T`` (times a learned ``scale``).

    Args:
        use_scale: Learn a scalar ``scale`` for the scores. Defaults to ``False``.
        score_mode: ``"dot"``, or ``"concat"``: ``scores[t, s] = w * sum(tanh(q_t + k_s))``
            with a learned scalar ``w``. Defaults to ``"dot"``.
        dropout, seed: See `BaseAttention`.

    Call arguments:
        inputs: ``[query (N, T, D), value (N, S, D)]``, and optionally ``key (N, S, D)``.
        mask: Optional ``[query_mask (N, T), value_mask (N, S)]`` booleans.
        return_attention_scores: Also return the weights ``(N, T, S)``. Defaults to ``False``.
        use_causal_mask: Step ``t`` attends to steps ``<= t`` only. Defaults to ``False``.

    Shapes:
        output ``(N, T, D)``.

    Example:
        >>> out, w = Attention()([np.ones((1, 2, 3)), np.ones((1, 4, 3))],
        ...                      return_attention_scores=True)
        >>> out.shape, w.numpy()[0, 0].tolist()
        ((1, 2, 3), [0.25, 0.25, 0.25, 0.25])
    """

    def __init__(self, use_scale=False, score_mode="dot", dropout=0.0, seed=None, **kwargs):
        super().__init__(dropout, seed, **kwargs)
        if score_mode not in ("dot", "concat"):
            raise ValueError(f"`score_mode` must be 'dot' or 'concat'. Received: {score_mode!r}")
        self.use_scale, self.score_mode = use_scale, score_mode

    def build(self, input_shape):
        self.scale = None
        if self.use_scale:
            self.scale = self.add_weight(shape=(), initializer="ones", name="scale")
        self.concat_score_weight = None
        if self.score_mode == "concat":
            self.concat_score_weight = self.add_weight(
                shape=(), initializer="ones", name="concat_score_weight"
            )

    def scores(self, query, key):
        """``(N, T, D), (N, S, D) -> (N, T, S)``."""
        if self.score_mode == "dot":
            scores = query @ key.transpose(0, 2, 1)
            return scores * self.scale if self.scale is not None else scores
        pairs = expand_dims(query, -2) + expand_dims(key, -3)  # (N, T, S, D): q_t + k_s
        if self.scale is not None:
            pairs = pairs * self.scale
        return tanh(pairs).sum(axis=-1) * self.concat_score_weight

    def get_config(self):
        return {**super().get_config(), "use_scale": self.use_scale, "score_mode": self.score_mode}


class AdditiveAttention(BaseAttention):
    """Additive attention (Bahdanau): ``scores[t, s] = sum(scale * tanh(q_t + k_s))``.

    Args:
        use_scale: Learn the vector ``scale`` (size ``D``); else it is all ones.
            Defaults to ``True``.
        dropout, seed: See `BaseAttention`.

    Call arguments: as `Attention`'s.

    Shapes:
        inputs ``query (N, T, D)``, ``value (N, S, D)`` -> output ``(N, T, D)``.

    Example:
        >>> AdditiveAttention()([np.ones((2, 3, 4)), np.ones((2, 5, 4))]).shape
        (2, 3, 4)
    """

    def __init__(self, use_scale=True, dropout=0.0, seed=None, **kwargs):
        super().__init__(dropout, seed, **kwargs)
        self.use_scale = use_scale

    def build(self, input_shape):
        self.scale = None
        if self.use_scale:
            self.scale = self.add_weight(
                shape=(input_shape[0][-1],), initializer="glorot_uniform", name="scale"
            )

    def scores(self, query, key):
        """``(N, T, D), (N, S, D) -> (N, T, S)``."""
        pairs = tanh(expand_dims(query, -2) + expand_dims(key, -3))  # (N, T, S, D)
        if self.scale is not None:
            pairs = pairs * self.scale
        return pairs.sum(axis=-1)

    def get_config(self):
        return {**super().get_config(), "use_scale": self.use_scale}

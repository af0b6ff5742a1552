"""NumPy references of Keras 3's loss formulas and test data suited to each loss."""

import numpy as np

EPS = 1e-7
RNG = np.random.default_rng(0)


def probs(n, c):
    e = np.exp(RNG.standard_normal((n, c)))
    return (e / e.sum(-1, keepdims=True)).astype("float32")


def one_hot(labels, c):
    return np.eye(c, dtype="float32")[labels]


# --- NumPy references (Keras 3 formulas) ---------------------------------------------
def ref_bce(t, p, from_logits=False, ls=0.0):
    t = t * (1 - ls) + 0.5 * ls
    if from_logits:
        x = p.astype("float64")
        return (np.maximum(x, 0) - x * t + np.log1p(np.exp(-np.abs(x)))).mean(-1)
    p = np.clip(p, EPS, 1 - EPS)
    return -(t * np.log(p) + (1 - t) * np.log(1 - p)).mean(-1)


def ref_cce(t, p, from_logits=False, ls=0.0):
    t = t * (1 - ls) + ls / p.shape[-1]
    if from_logits:
        x = p.astype("float64")
        z = x - x.max(-1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(-1, keepdims=True))
    else:
        log_p = np.log(np.clip(p / p.sum(-1, keepdims=True), EPS, 1 - EPS))
    return -(t * log_p).sum(-1)


def ref_signed(t):
    return 2 * t - 1 if np.all((t == 0) | (t == 1)) else t


REFERENCES = {
    "mean_squared_error": lambda t, p: ((p - t) ** 2).mean(-1),
    "mean_absolute_error": lambda t, p: np.abs(p - t).mean(-1),
    "mean_absolute_percentage_error": lambda t, p: (
        100 * np.abs((t - p) / np.maximum(np.abs(t), EPS)).mean(-1)
    ),
    "mean_squared_logarithmic_error": lambda t, p: (
        (np.log(np.maximum(p, EPS) + 1) - np.log(np.maximum(t, EPS) + 1)) ** 2
    ).mean(-1),
    "huber": lambda t, p: np.where(
        np.abs(p - t) <= 1, 0.5 * (p - t) ** 2, np.abs(p - t) - 0.5
    ).mean(-1),
    "log_cosh": lambda t, p: np.log(np.cosh(p - t)).mean(-1),
    "cosine_similarity": lambda t, p: (
        -(
            t
            / np.linalg.norm(t, axis=-1, keepdims=True)
            * p
            / np.linalg.norm(p, axis=-1, keepdims=True)
        ).sum(-1)
    ),
    "hinge": lambda t, p: np.maximum(1 - ref_signed(t) * p, 0).mean(-1),
    "squared_hinge": lambda t, p: (np.maximum(1 - ref_signed(t) * p, 0) ** 2).mean(-1),
    "categorical_hinge": lambda t, p: np.maximum(((1 - t) * p).max(-1) - (t * p).sum(-1) + 1, 0),
    "kl_divergence": lambda t, p: (
        np.clip(t, EPS, 1) * np.log(np.clip(t, EPS, 1) / np.clip(p, EPS, 1))
    ).sum(-1),
    "poisson": lambda t, p: (p - t * np.log(p + EPS)).mean(-1),
    "binary_crossentropy": ref_bce,
    "categorical_crossentropy": ref_cce,
}


def inputs(name):
    """Positive-valued or label-valued test data suited to each loss."""
    if name in ("categorical_crossentropy", "categorical_hinge", "kl_divergence"):
        return one_hot(RNG.integers(0, 4, 5), 4), probs(5, 4)
    if name in ("binary_crossentropy", "hinge", "squared_hinge"):
        return RNG.integers(0, 2, (5, 3)).astype("float32"), probs(5, 3)
    t = RNG.uniform(0.5, 2.0, (5, 3)).astype("float32")
    p = RNG.uniform(0.1, 3.0, (5, 3)).astype("float32")
    return t, p

"""`kerasedu.random`: Keras 3's ``keras.random`` (``normal``, ``randint``, ``categorical``...).

Each function takes a ``seed``: ``None`` draws from the array module's global
generator (so ``kerasedu.utils.set_random_seed`` makes a run reproducible), an
int gives the same numbers on every call with that int, and a `SeedGenerator`
gives a new but reproducible draw on each call, as the Keras 3 guides use it
inside a layer (``self.seed_generator = keras.random.SeedGenerator(1337)``).

Example:
    >>> from kerasedu import random
    >>> a = random.normal((2, 3), seed=7)
    >>> a.shape, bool((a.numpy() == random.normal((2, 3), seed=7).numpy()).all())
    ((2, 3), True)
"""

from kerasedu.autograd.ops_elementwise import mul
from kerasedu.autograd.tensor import Tensor
from kerasedu.config import floatx
from kerasedu.device import get_array_module, xp
from kerasedu.initializers.random import truncated_standard_normal


class SeedGenerator:
    """A seeded generator whose draws differ from call to call, reproducibly.

    Args:
        seed: Initial integer seed. Defaults to ``None`` (a random one).

    Example:
        >>> g = SeedGenerator(1)
        >>> bool(normal((3,), seed=g).numpy()[0] != normal((3,), seed=g).numpy()[0])
        True
    """

    def __init__(self, seed=None):
        self.seed = seed
        self._states = {}  # one RandomState per array module (NumPy, CuPy)

    def state(self, module):
        """Return this generator's ``RandomState`` for ``module``, made on first use."""
        if module not in self._states:
            self._states[module] = module.random.RandomState(self.seed)
        return self._states[module]


def _generator(seed, module):
    """The object to draw from: the module's global generator, a fresh or a kept RandomState."""
    if seed is None:
        return module.random  # the global generator: np.random.seed controls it
    if isinstance(seed, SeedGenerator):
        return seed.state(module)
    if isinstance(seed, int) and not isinstance(seed, bool):
        return module.random.RandomState(seed)
    raise ValueError(f"`seed` must be None, an int or a SeedGenerator. Received: seed={seed!r}")


def normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """Draw from the normal distribution ``N(mean, stddev**2)``.

    Args:
        shape: Shape of the result, a tuple of ints.
        mean: The mean. Defaults to ``0.0``.
        stddev: The standard deviation. Defaults to ``1.0``.
        dtype: Defaults to ``floatx()`` (float32).
        seed: ``None``, an int or a `SeedGenerator` (see the module docstring).

    Returns:
        Tensor of shape ``shape``.

    Example:
        >>> float(normal((1000,), mean=5.0, stddev=0.1, seed=0).numpy().mean().round(1))
        5.0
    """
    module = xp()
    draws = _generator(seed, module).normal(mean, stddev, size=tuple(shape))
    return Tensor(draws.astype(dtype or floatx()))


def uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    """Draw from the uniform distribution on ``[minval, maxval)``.

    Args:
        shape: Shape of the result, a tuple of ints.
        minval: Lower bound (included). Defaults to ``0.0``.
        maxval: Upper bound (excluded). Defaults to ``1.0``.
        dtype: Defaults to ``floatx()`` (float32).
        seed: ``None``, an int or a `SeedGenerator`.

    Returns:
        Tensor of shape ``shape``.

    Example:
        >>> x = uniform((100,), minval=2.0, maxval=3.0, seed=0).numpy()
        >>> bool(x.min() >= 2.0 and x.max() < 3.0)
        True
    """
    module = xp()
    draws = _generator(seed, module).uniform(minval, maxval, size=tuple(shape))
    return Tensor(draws.astype(dtype or floatx()))


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """Draw from ``N(mean, stddev**2)``, redrawing any value more than 2 stddev from the mean.

    Example:
        >>> x = truncated_normal((1000,), stddev=0.5, seed=0).numpy()
        >>> bool(abs(x).max() <= 1.0)
        True
    """
    draws = truncated_standard_normal(_generator(seed, xp()), tuple(shape))
    return Tensor((mean + stddev * draws).astype(dtype or floatx()))


def randint(shape, minval, maxval, dtype="int32", seed=None):
    """Draw integers uniformly from ``[minval, maxval)``.

    Example:
        >>> x = randint((100,), 0, 3, seed=0).numpy()
        >>> sorted(set(x.tolist())), x.dtype.name
        ([0, 1, 2], 'int32')
    """
    draws = _generator(seed, xp()).randint(minval, maxval, size=tuple(shape))
    return Tensor(draws.astype(dtype))


def categorical(logits, num_samples, dtype="int32", seed=None):
    """Draw ``num_samples`` classes per row, class ``c`` with probability ``softmax(logits)[c]``.

    The Gumbel-max trick: ``argmax(logits + g)`` with ``g = -log(-log(u))`` for uniform
    ``u`` picks class ``c`` exactly with that probability, without computing the softmax.

    Shapes:
        ``logits (N, C)`` -> ``(N, num_samples)`` class indices.

    Example:
        >>> draws = categorical([[0.0, 50.0]], 5, seed=0).numpy()  # class 1 is all but certain
        >>> draws.tolist()
        [[1, 1, 1, 1, 1]]
    """
    logits = logits.data if isinstance(logits, Tensor) else xp().asarray(logits, dtype=floatx())
    module = get_array_module(logits)
    rows, classes = logits.shape
    u = _generator(seed, module).uniform(size=(rows, num_samples, classes))
    gumbel = -module.log(-module.log(module.clip(u, 1e-20, 1.0)))  # u = 0 would give log(0)
    return Tensor((logits[:, None, :] + gumbel).argmax(axis=-1).astype(dtype))


def dropout(inputs, rate, noise_shape=None, seed=None):
    """Zero each input with probability ``rate`` and scale the rest by ``1 / (1 - rate)``.

    Differentiable: the result is ``inputs * mask``, so the gradient is the mask.

    Args:
        inputs: Tensor or array.
        rate: Fraction dropped, in ``[0, 1)``.
        noise_shape: Shape of the mask, broadcast over ``inputs``; ``None`` entries
            take the input's size. Defaults to ``None`` (the input's shape).
        seed: ``None``, an int or a `SeedGenerator`.

    Shapes:
        output shape = input shape.

    Example:
        >>> y = dropout(Tensor([[1.0, 1.0, 1.0, 1.0]]), rate=0.5, seed=1).numpy()
        >>> sorted(set(y.ravel().tolist()))
        [0.0, 2.0]
    """
    if not 0 <= rate < 1:
        raise ValueError(f"`rate` must be in [0, 1). Received: rate={rate}")
    inputs = inputs if isinstance(inputs, Tensor) else Tensor(inputs)
    shape = inputs.shape if noise_shape is None else noise_shape
    shape = tuple(n if d is None else d for d, n in zip(shape, inputs.shape))
    module = get_array_module(inputs.data)
    keep = 1.0 - rate
    draws = _generator(seed, module).uniform(size=shape)
    mask = (draws < keep).astype(inputs.dtype) / inputs.dtype.type(keep)
    return mul(inputs, Tensor(mask))  # kept values scaled by 1 / keep, dropped ones 0


def shuffle(x, axis=0, seed=None):
    """Return ``x`` with its entries shuffled along ``axis`` (not differentiable).

    Example:
        >>> sorted(shuffle(Tensor([1, 2, 3]), seed=0).numpy().tolist())
        [1, 2, 3]
    """
    data = x.data if isinstance(x, Tensor) else xp().asarray(x)
    module = get_array_module(data)
    order = _generator(seed, module).permutation(data.shape[axis])
    return Tensor(module.take(data, order, axis=axis))

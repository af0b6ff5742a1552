"""Affine warps of a whole batch of images at once (rotate, shift, shear, zoom, flip).

Each image gets a 3x3 matrix ``M`` in homogeneous pixel coordinates
``(row, col, 1)``. Output pixel ``p`` takes its value from the input at ``M @ p``
(an "inverse map", as ``scipy.ndimage.affine_transform``): where that point
falls between pixels, bilinear interpolation mixes the four neighbours; where it
falls outside the image, ``fill_mode`` decides. The whole batch is warped with
one gather per neighbour: no Python loop over images or pixels.

Example:
    >>> x = np.arange(9, dtype="float32").reshape(1, 3, 3, 1)
    >>> flip = flip_matrix(np.array([True]), np.array([False]), 3, 3)
    >>> warp_batch(x, flip)[0, :, :, 0].tolist()
    [[2.0, 1.0, 0.0], [5.0, 4.0, 3.0], [8.0, 7.0, 6.0]]
"""

import numpy as np

FILL_MODES = ("nearest", "constant", "reflect", "wrap")


def affine_matrices(theta, tx, ty, shear, zx, zy, height, width):
    """Compose Keras's rotation @ shift @ shear @ zoom per image, about the image centre.

    The parameters are built in ``(x, y) = (col, row)`` coordinates, as Keras
    does, and the result is returned in ``(row, col)`` coordinates.

    Args:
        theta: Rotation angles in degrees, shape ``(N,)``.
        tx: Shifts in pixels along the rows (height), shape ``(N,)``.
        ty: Shifts in pixels along the columns (width), shape ``(N,)``.
        shear: Shear angles in degrees, shape ``(N,)``.
        zx: Zoom factors along the columns, shape ``(N,)``.
        zy: Zoom factors along the rows, shape ``(N,)``.
        height: Image height ``H``.
        width: Image width ``W``.

    Returns:
        Matrices of shape ``(N, 3, 3)`` mapping output ``(row, col, 1)`` to input.

    Example:
        >>> m = affine_matrices(*[np.zeros(1)] * 4, np.ones(1), np.ones(1), 4, 4)
        >>> np.allclose(m[0], np.eye(3))
        True
    """
    theta, shear = np.deg2rad(theta), np.deg2rad(shear)
    n = len(theta)
    rotation = _stack(np.cos(theta), -np.sin(theta), 0, np.sin(theta), np.cos(theta), 0, n)
    shift = _stack(1, 0, ty, 0, 1, tx, n)  # x moves by the width shift, y by the height shift
    shearing = _stack(1, -np.sin(shear), 0, 0, np.cos(shear), 0, n)
    zoom = _stack(zx, 0, 0, 0, zy, 0, n)
    m_xy = rotation @ shift @ shearing @ zoom
    centre = np.array([(width - 1) / 2, (height - 1) / 2])
    to_centre = _translation(-centre)  # rotate and zoom about the middle, not a corner
    back = _translation(centre)
    m_xy = back @ m_xy @ to_centre
    swap = np.array([[0.0, 1, 0], [1, 0, 0], [0, 0, 1]])  # (x, y) <-> (row, col)
    return swap @ m_xy @ swap


def flip_matrix(horizontal, vertical, height, width):
    """Return per-image matrices that mirror the output left-right and/or up-down.

    Args:
        horizontal: Booleans ``(N,)``: flip columns.
        vertical: Booleans ``(N,)``: flip rows.
        height: Image height ``H``.
        width: Image width ``W``.

    Returns:
        Matrices ``(N, 3, 3)`` in ``(row, col, 1)`` coordinates.

    Example:
        >>> flip_matrix(np.array([True]), np.array([False]), 2, 5)[0, 1].tolist()
        [0.0, -1.0, 4.0]
    """
    row_sign = np.where(vertical, -1.0, 1.0)
    col_sign = np.where(horizontal, -1.0, 1.0)
    row_offset = np.where(vertical, height - 1.0, 0.0)  # r -> H - 1 - r
    col_offset = np.where(horizontal, width - 1.0, 0.0)  # c -> W - 1 - c
    return _stack(row_sign, 0, row_offset, 0, col_sign, col_offset, len(row_sign))


def warp_batch(x, matrices, fill_mode="nearest", cval=0.0, order=1):
    """Warp every image ``x[i]`` by ``matrices[i]`` (inverse map, see the module docstring).

    Args:
        x: Images ``(N, H, W, C)``.
        matrices: ``(N, 3, 3)``, mapping output ``(row, col, 1)`` to input positions.
        fill_mode: ``"nearest"`` (repeat the edge, default), ``"constant"``
            (``cval``), ``"reflect"`` (mirror: ``d c b a | a b c d``) or ``"wrap"``
            (tile: ``a b c d | a b c d``).
        cval: Value outside the image for ``"constant"``. Defaults to ``0.0``.
        order: 1 for bilinear (default) or 0 for nearest-neighbour interpolation.

    Returns:
        The warped images, same shape and dtype as ``x``.

    Shapes:
        ``(N, H, W, C)`` -> ``(N, H, W, C)``.

    Example:
        >>> x = np.ones((2, 4, 4, 1), dtype="float32")
        >>> warp_batch(x, np.stack([np.eye(3)] * 2)).shape
        (2, 4, 4, 1)
    """
    if fill_mode not in FILL_MODES:
        raise ValueError(
            f"fill_mode must be one of {FILL_MODES}. Received: fill_mode={fill_mode!r}"
        )
    if order not in (0, 1):
        raise ValueError(f"order must be 0 (nearest) or 1 (bilinear). Received: order={order!r}")
    n, height, width, _ = x.shape
    rows, cols = np.meshgrid(np.arange(height), np.arange(width), indexing="ij")
    grid = np.stack([rows.ravel(), cols.ravel(), np.ones(height * width)])  # (3, H*W)
    source = matrices @ grid  # (N, 3, H*W): where each output pixel reads from
    src_r, src_c = source[:, 0], source[:, 1]
    if order == 0:
        out = _sample(x, np.floor(src_r + 0.5), np.floor(src_c + 0.5), fill_mode, cval)
    else:
        out = _bilinear(x, src_r, src_c, fill_mode, cval)
    if fill_mode == "constant":
        # scipy's "constant": points beyond the outermost pixel centres get cval
        inside = (src_r >= -1e-6) & (src_r <= height - 1 + 1e-6)
        inside &= (src_c >= -1e-6) & (src_c <= width - 1 + 1e-6)
        out = np.where(inside[..., None], out, cval)
    return out.reshape(x.shape).astype(x.dtype, copy=False)


def _bilinear(x, src_r, src_c, fill_mode, cval):
    """Mix the four pixels around each source point, weighted by closeness."""
    r0, c0 = np.floor(src_r), np.floor(src_c)
    fr, fc = (src_r - r0)[..., None], (src_c - c0)[..., None]  # fractional parts
    top = (
        _sample(x, r0, c0, fill_mode, cval) * (1 - fc)
        + _sample(x, r0, c0 + 1, fill_mode, cval) * fc
    )
    bottom = (
        _sample(x, r0 + 1, c0, fill_mode, cval) * (1 - fc)
        + _sample(x, r0 + 1, c0 + 1, fill_mode, cval) * fc
    )
    return top * (1 - fr) + bottom * fr


def _sample(x, r, c, fill_mode, cval):
    """Gather ``x[n, r, c]`` for integer positions, mapping outside ones by ``fill_mode``."""
    n, height, width, _ = x.shape
    rows = _fold_index(r.astype(np.int64), height, fill_mode)
    cols = _fold_index(c.astype(np.int64), width, fill_mode)
    return x[np.arange(n)[:, None], rows, cols]  # (N, H*W, C)


def _fold_index(i, size, fill_mode):
    """Map any integer index into ``[0, size)``, following the fill mode."""
    if fill_mode == "wrap":
        return i % size
    if fill_mode == "reflect":
        j = i % (2 * size)  # one period: the image then its mirror
        return np.where(j < size, j, 2 * size - 1 - j)
    return np.clip(i, 0, size - 1)  # "nearest"; "constant" masks these afterwards


def _stack(a, b, c, d, e, f, n):
    """Build ``(n, 3, 3)`` matrices ``[[a, b, c], [d, e, f], [0, 0, 1]]``.

    Each entry is a scalar or an ``(n,)`` array.
    """
    rows = [np.broadcast_to(np.asarray(v, dtype=np.float64), (n,)) for v in (a, b, c, d, e, f)]
    zeros, ones = np.zeros(n), np.ones(n)
    return np.stack(
        [np.stack(rows[:3], -1), np.stack(rows[3:], -1), np.stack([zeros, zeros, ones], -1)], 1
    )


def _translation(offset):
    """The 3x3 matrix adding ``offset`` (a 2-vector)."""
    m = np.eye(3)
    m[:2, 2] = offset
    return m


def random_shift(shift_range, n, size, rng):
    """Random shifts in pixels for ``n`` images along an axis of ``size`` pixels."""
    if not np.any(shift_range):
        return np.zeros(n)
    if isinstance(shift_range, (int, np.integer)) or not np.isscalar(shift_range):
        choices = np.arange(shift_range) if np.isscalar(shift_range) else np.asarray(shift_range)
        shifts = rng.choice(choices, n) * rng.choice([-1, 1], n)  # Keras: a value, either sign
    else:
        shifts = rng.uniform(-shift_range, shift_range, n)
    if np.max(shift_range) < 1:
        shifts = shifts * size  # a fraction of the image size
    return shifts.astype(np.float64)


def channel_shift(x, intensity):
    """Add one random value to every pixel of each image, clipped to that image's range."""
    low = x.min(axis=(1, 2, 3), keepdims=True)
    high = x.max(axis=(1, 2, 3), keepdims=True)
    return np.clip(x + intensity[:, None, None, None].astype(x.dtype), low, high)


def zoom_bounds(zoom_range):
    """``zoom_range`` as ``[lower, upper]`` (a float ``z`` means ``[1 - z, 1 + z]``)."""
    if np.isscalar(zoom_range):
        return [1 - zoom_range, 1 + zoom_range]
    if len(zoom_range) == 2:
        return [float(zoom_range[0]), float(zoom_range[1])]
    raise ValueError(
        f"zoom_range must be a float or [lower, upper]. Received: zoom_range={zoom_range!r}"
    )

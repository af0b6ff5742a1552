import numpy as np
import pytest

from kerasedu import autograd as ag
from kerasedu.autograd import Tensor, gradcheck
from tests.autograd.helpers import close, rand


@pytest.mark.parametrize(
    "a_shape, b_shape",
    [
        ((3, 4), (4, 2)),
        ((2, 3, 4), (4, 5)),
        ((4,), (4, 2)),
        ((3, 4), (4,)),
        ((2, 3, 4), (1, 4, 2)),
    ],
)
def test_matmul_forward_and_gradcheck(xp, a_shape, b_shape):
    a, b = rand(xp, *a_shape, seed=1), rand(xp, *b_shape, seed=2)
    close(ag.matmul(a, b), Tensor(a).numpy() @ Tensor(b).numpy())
    assert gradcheck(ag.matmul, [a, b])


def test_matmul_shape_mismatch_names_shapes():
    with pytest.raises(ValueError, match=r"matmul.*\(2, 3\).*\(2, 3\)"):
        ag.matmul(np.ones((2, 3)), np.ones((2, 3)))


def test_matmul_skips_gradient_of_constant_input():
    x = Tensor(np.ones((2, 3), dtype="float32"))
    w = Tensor(np.ones((3, 4), dtype="float32"), requires_grad=True)
    (x @ w).sum().backward()
    assert x.grad is None and w.grad.dtype == np.float32


EINSUMS = [  # (subscripts, operand shapes): products, reductions, transposes, implicit forms
    ("ij,jk->ik", [(2, 3), (3, 4)]),
    ("ij,jk", [(2, 3), (3, 4)]),  # implicit: ->ik
    ("ba", [(2, 3)]),  # implicit: ->ab, a transpose
    ("ij->i", [(2, 3)]),  # j summed in one operand only: its gradient is broadcast back
    ("ij->", [(2, 3)]),
    ("bij,bjk->bik", [(2, 3, 4), (2, 4, 2)]),
    ("ij,jk,k->i", [(2, 3), (3, 4), (4,)]),
    ("i,j->ij", [(3,), (2,)]),
    ("ij,ij->j", [(2, 3), (2, 3)]),
    ("ijk,k->", [(2, 2, 3), (3,)]),
]


@pytest.mark.parametrize("subscripts, shapes", EINSUMS)
def test_einsum_forward_and_gradcheck(xp, subscripts, shapes):
    operands = [rand(xp, *shape, seed=i) for i, shape in enumerate(shapes)]
    expected = np.einsum(subscripts, *[Tensor(x).numpy() for x in operands])
    close(ag.einsum(subscripts, *operands), expected)
    assert gradcheck(lambda *ts: ag.einsum(subscripts, *ts), operands)


def test_einsum_gradient_is_the_matmul_gradient():
    a = Tensor(rand(np, 2, 3), requires_grad=True)
    b = Tensor(rand(np, 3, 4, seed=1), requires_grad=True)
    g = rand(np, 2, 4, seed=2)
    (ag.einsum("ij,jk->ik", a, b) * g).sum().backward()
    np.testing.assert_allclose(a.grad, g @ b.data.T)  # dA = G B^T
    np.testing.assert_allclose(b.grad, a.data.T @ g)  # dB = A^T G


def test_einsum_mixed_dtypes_promote_like_keras_and_grads_keep_input_dtype():
    ints = np.arange(3, dtype="int32")
    w = Tensor(np.ones(3, dtype="float32"), requires_grad=True)
    y = ag.einsum("i,i->", ints, w)
    assert y.dtype == np.float32  # NumPy alone would give float64
    y.backward()
    assert w.grad.dtype == np.float32 and w.grad.tolist() == [0.0, 1.0, 2.0]
    assert ag.einsum("i,i->", ints, ints).dtype == np.int32


@pytest.mark.parametrize(
    "subscripts, count, message",
    [
        ("i...->i", 1, "ellipsis"),
        ("ii->i", 1, "repeated in one operand"),
        ("ij,jk->ik", 1, "names 2 operands but 1"),
        ("ij->iq", 1, "letter no operand has"),
        ("i1->i", 1, "must be letters"),
    ],
)
def test_einsum_rejects_what_it_does_not_support(subscripts, count, message):
    with pytest.raises(ValueError, match=message):
        ag.einsum(subscripts, *[np.ones((2, 2))] * count)


def test_einsum_rejects_mismatched_sizes():
    with pytest.raises(ValueError, match="axis 'j' has sizes 3 and 4"):
        ag.einsum("ij,jk->ik", np.ones((2, 3)), np.ones((4, 2)))


@pytest.mark.parametrize(
    "a_shape, b_shape, axes",
    [
        ((2, 3, 4), (3, 4, 5), 2),
        ((2, 3), (3, 4), 1),
        ((2, 3), (4,), 0),
        ((3, 2), (4, 3), ([0], [1])),
    ],
)
def test_tensordot_matches_numpy_and_gradcheck(xp, a_shape, b_shape, axes):
    a, b = rand(xp, *a_shape, seed=1), rand(xp, *b_shape, seed=2)
    close(ag.tensordot(a, b, axes), np.tensordot(Tensor(a).numpy(), Tensor(b).numpy(), axes))
    assert gradcheck(lambda x, y: ag.tensordot(x, y, axes), [a, b])


NORMS = [  # (ord, axis, shape)
    (None, None, (4,)),
    (None, None, (2, 3, 2)),
    (None, 1, (3, 4)),
    (1, -1, (3, 4)),
    (2, 0, (3, 4)),
    (3, 1, (3, 4)),
    (np.inf, 1, (3, 4)),
    (-np.inf, 0, (3, 4)),
    ("fro", None, (3, 4)),
    (1, None, (3, 4)),
    (-1, (0, 1), (3, 4)),
    (np.inf, (1, 2), (2, 3, 4)),
    (-np.inf, None, (3, 4)),
]


@pytest.mark.parametrize("ord, axis, shape", NORMS)
@pytest.mark.parametrize("keepdims", [False, True])
def test_norm_matches_numpy_and_gradcheck(xp, ord, axis, shape, keepdims):
    x = rand(xp, *shape, seed=3)
    expected = np.linalg.norm(Tensor(x).numpy(), ord=ord, axis=axis, keepdims=keepdims)
    close(ag.norm(x, ord=ord, axis=axis, keepdims=keepdims), expected)
    assert gradcheck(lambda t: ag.norm(t, ord=ord, axis=axis, keepdims=keepdims), [x])


def test_norm_counts_nonzeros_for_ord_0_and_gives_float32_for_ints():
    x = np.array([[0.0, 2.0, -1.0], [0.0, 0.0, 3.0]], dtype="float32")
    assert ag.norm(x, ord=0, axis=1).numpy().tolist() == [2.0, 1.0]
    assert ag.norm(np.arange(4)).dtype == np.float32


def test_norm_rejects_unsupported_orders():
    with pytest.raises(ValueError, match="singular values"):
        ag.norm(np.ones((2, 2)), ord="nuc")
    with pytest.raises(ValueError, match="for matrices"):
        ag.norm(np.ones(3), ord="fro")
    with pytest.raises(ValueError, match="1 or 2 axes"):
        ag.norm(np.ones((2, 2, 2)), ord=1)


def test_result_dtype_is_keras_promotion():
    assert ag.ops_linalg.result_dtype("int32", "float32") == np.float32
    assert ag.ops_linalg.result_dtype("float16", "float32") == np.float32
    assert ag.ops_linalg.result_dtype("int32", "int64") == np.int64

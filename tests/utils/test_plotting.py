import subprocess
import sys
import types

import pytest

from kerasedu.layers import Concatenate, Dense, Input
from kerasedu.utils import plot_history, plot_model
from kerasedu.utils.plotting import layer_depths, layer_edges


def _branching_model():
    """A graph with two branches, wrapped in a minimal object with `.layers`."""
    inputs = Input(shape=(4,))
    a = Dense(3, name="branch_a")(inputs)
    b = Dense(2, name="branch_b")(inputs)
    merged = Concatenate(name="merge")([a, b])
    out = Dense(1, name="out")(merged)
    layers = [inputs._keras_history[0]] + [t._keras_history[0] for t in (a, b, merged, out)]
    return types.SimpleNamespace(layers=layers)


def test_layer_graph_edges_and_depths():
    model = _branching_model()
    names = [(p.name, c.name) for p, c in layer_edges(model)]
    assert ("branch_a", "merge") in names and ("branch_b", "merge") in names and len(names) == 5
    depth = layer_depths(model.layers, layer_edges(model))
    assert [depth[id(layer)] for layer in model.layers] == [0, 1, 1, 2, 3]


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_plot_model_writes_png_and_svg(tmp_path, suffix, magic):
    path = tmp_path / f"model{suffix}"
    plot_model(_branching_model(), to_file=str(path), show_shapes=True)
    assert path.read_bytes().startswith(magic)


def test_plot_model_svg_has_names_and_shapes(tmp_path):
    path = tmp_path / "m.svg"
    plot_model(_branching_model(), to_file=str(path), show_shapes=True, rankdir="LR")
    text = path.read_text()
    assert "branch_a" in text or "branch" in text  # matplotlib may embed text as paths


def test_plot_model_bad_rankdir():
    with pytest.raises(ValueError, match="rankdir"):
        plot_model(_branching_model(), to_file=None, rankdir="BT")


def test_plot_model_chain_without_graph(tmp_path):
    layers = [Dense(2, name="d1"), Dense(2, name="d2")]
    edges = layer_edges(types.SimpleNamespace(layers=layers))
    assert [(a.name, b.name) for a, b in edges] == [("d1", "d2")]
    plot_model(types.SimpleNamespace(layers=layers), to_file=str(tmp_path / "c.png"))


def test_plot_history_panels_and_file(tmp_path):
    logs = {"loss": [1.0, 0.5, 0.3], "val_loss": [1.2, 0.8, 0.7], "accuracy": [0.5, 0.7, 0.8]}
    fig = plot_history(types.SimpleNamespace(history=logs), to_file=str(tmp_path / "h.png"))
    assert [ax.get_title() for ax in fig.axes] == ["loss", "accuracy"]
    assert len(fig.axes[0].get_lines()) == 2 and len(fig.axes[1].get_lines()) == 1
    assert (tmp_path / "h.png").exists()
    with pytest.raises(ValueError, match="Unknown metric"):
        plot_history(logs, metrics=["mae"])


def test_import_kerasedu_does_not_import_matplotlib_or_h5py():
    code = (
        "import sys, kerasedu, kerasedu.utils; "
        "print('matplotlib' in sys.modules, 'h5py' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]

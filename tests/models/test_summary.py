import numpy as np
import pytest

from kerasedu.layers import Dense, Input, concatenate
from kerasedu.models import Model, Sequential


def capture(model, **kwargs):
    lines = []
    model.summary(print_fn=lines.append, **kwargs)
    return lines


def test_sequential_summary_text():
    model = Sequential(
        [Input(shape=(784,)), Dense(400, name="dense"), Dense(10, name="dense_1")], name="mlp"
    )
    lines = capture(model)
    assert lines[0] == 'Model: "mlp"'
    assert "Layer (type)" in lines[2] and "Output Shape" in lines[2] and "Param #" in lines[2]
    assert "Connected to" not in lines[2]
    row = next(line for line in lines if line.strip().startswith("dense (Dense)"))
    assert "(None, 400)" in row and row.rstrip().endswith("314,000")
    assert "Total params: 318,010 (1.21 MB)" in lines
    assert "Trainable params: 318,010 (1.21 MB)" in lines
    assert "Non-trainable params: 0 (0.00 B)" in lines
    assert not any("InputLayer" in line for line in lines)


def test_functional_graph_summary_has_connected_to():
    a, b = Input(shape=(3,), name="a"), Input(shape=(2,), name="b")
    model = Model([a, b], Dense(1, name="out")(concatenate([a, b], name="cat")))
    text = "\n".join(capture(model))
    assert "Connected to" in text
    assert "a (InputLayer)" in text
    assert "a[0][0]" in text and "b[0][0]" in text and "cat[0][0]" in text
    assert "Total params: 6 (24.00 B)" in text


def test_non_trainable_params_counted():
    model = Sequential([Input(shape=(4,)), Dense(3)])
    model.layers[0].trainable = False
    lines = capture(model)
    assert "Trainable params: 0 (0.00 B)" in lines
    assert "Non-trainable params: 15 (60.00 B)" in lines


def test_sequential_summary_accepts_positions():
    model = Sequential([Input(shape=(4,)), Dense(3, name="dense")], name="small")
    lines = capture(model, positions=[0.3, 0.6, 1.0])
    row = next(line for line in lines if line.strip().startswith("dense (Dense)"))
    assert row.index("(None, 3)") == 19  # the second column starts at int(0.3 * 65)
    absolute = capture(model, line_length=80, positions=[30, 60, 80])
    row = next(line for line in absolute if line.strip().startswith("dense (Dense)"))
    assert row.index("(None, 3)") == 30 and len(absolute[1]) == 80
    with pytest.raises(ValueError, match="one position per column"):
        capture(model, positions=[0.5, 1.0])


def test_subclassed_model_summary_lists_its_layers():
    class TwoLayers(Model):
        def __init__(self):
            super().__init__(name="two")
            self.hidden = Dense(4, name="hidden")
            self.out = Dense(1, name="out")

        def call(self, x):
            return self.out(self.hidden(x))

    model = TwoLayers()
    model(np.ones((2, 3), dtype="float32"))
    lines = capture(model, positions=[0.45, 0.85, 1.0])
    assert lines[0] == 'Model: "two"'
    hidden = next(line for line in lines if line.strip().startswith("hidden (Dense)"))
    assert "(None, 4)" in hidden and hidden.rstrip().endswith("16")
    assert "Total params: 21 (84.00 B)" in lines

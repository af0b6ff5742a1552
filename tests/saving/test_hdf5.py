"""hdf5's save/load functions: a misspelled keyword is an error, never silently ignored."""

import pytest

from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential, load_model, save_model
from kerasedu.saving import hdf5


def small_model():
    return Sequential([Input(shape=(2,)), Dense(1)])


def test_misspelled_keywords_raise_a_type_error_naming_them(tmp_path):
    model = small_model()
    path = str(tmp_path / "m.weights.h5")
    with pytest.raises(TypeError, match="overwrte"):
        model.save_weights(path, overwrte=False)
    model.save_weights(path)
    with pytest.raises(TypeError, match="by_nmae"):
        model.load_weights(path, by_nmae=True)
    with pytest.raises(TypeError, match="include_optimiser"):
        model.save(str(tmp_path / "m.h5"), include_optimiser=False)
    with pytest.raises(TypeError, match="overwite"):
        save_model(model, str(tmp_path / "m.h5"), overwite=True)
    with pytest.raises(TypeError, match="compiled"):
        load_model(path, compiled=False)


def test_nothing_is_written_when_a_keyword_is_wrong(tmp_path):
    path = tmp_path / "never.h5"
    with pytest.raises(TypeError):
        hdf5.save_weights(small_model(), str(path), overwrit=True)
    assert not path.exists()


def test_save_format_other_than_h5_is_refused(tmp_path):
    model = small_model()
    model.save(str(tmp_path / "ok.h5"), save_format="h5")
    with pytest.raises(ValueError, match="save_format='tf'"):
        model.save(str(tmp_path / "m"), save_format="tf")

"""The closed tables a config's class name is looked up in: every layer, and each family."""

from kerasedu import layers as L
from kerasedu import losses, optimizers
from kerasedu.layers import Layer
from kerasedu.models import Sequential
from kerasedu.saving.class_tables import FAMILIES, LAYERS


def test_table_lists_every_layer_and_model_class():
    exported = {v for v in vars(L).values() if isinstance(v, type) and issubclass(v, Layer)}
    missing = exported - {Layer} - set(LAYERS.values())
    assert not missing, (
        f"add these classes to class_tables.LAYERS: {sorted(c.__name__ for c in missing)}"
    )
    assert LAYERS["Sequential"] is Sequential and LAYERS["Model"] is LAYERS["Functional"]


def test_keras2_spellings_name_the_same_classes():
    assert LAYERS["MaxPool2D"] is L.MaxPooling2D
    assert LAYERS["GlobalAvgPool1D"] is L.GlobalAveragePooling1D


def test_families_map_keras3_module_names_to_tables():
    assert FAMILIES["keras.losses"] == ("loss", losses.LOSS_CLASSES)
    assert FAMILIES["keras.optimizers"] == ("optimizer", optimizers.OPTIMIZERS)
    assert all(module.startswith("keras.") for module in FAMILIES)


def test_tables_hold_only_classes():
    assert all(isinstance(cls, type) and issubclass(cls, Layer) for cls in LAYERS.values())

"""Hostile files are refused, and loading them runs no code (checked with a PEP 578 audit hook)."""

import base64
import json
import marshal
import subprocess
import sys
import textwrap

import h5py
import numpy as np
import pytest

import kerasedu
from kerasedu.layers import Dense, Input
from kerasedu.models import Sequential

# Loads every file given on the command line in a fresh interpreter, with an audit hook.
CHILD = textwrap.dedent("""
    import json, sys
    import kerasedu, kerasedu.models, kerasedu.metrics, kerasedu.losses, kerasedu.optimizers
    from kerasedu.saving import hdf5, serializer
    from kerasedu.saving.errors import KerasEduFileError
    import encodings.ascii, encodings.latin_1  # codecs HDF5 error messages load lazily
    serializer.LAYERS  # kerasedu imports nothing while loading: the table is built at import
    WATCH = ("exec", "compile", "pickle.find_class", "marshal.loads", "marshal.load", "os.system",
             "subprocess.Popen", "os.exec", "os.posix_spawn", "os.spawn", "ctypes.dlopen", "import")
    events = []
    def hook(event, args):
        if event in WATCH or event.startswith("os.exec"):
            events.append([event, repr(args)[:200]])
        elif event == "open" and args and isinstance(args[0], str) and "outside" in args[0]:
            events.append([event, args[0]])
    sys.addaudithook(hook)
    results = {}
    for path in sys.argv[1:]:
        try:
            hdf5.load_model(path)
            results[path] = "loaded"
        except KerasEduFileError as err:
            results[path] = "refused: " + str(err)
        except Exception as err:
            results[path] = "OTHER " + type(err).__name__ + ": " + str(err)
    sys.stdout.write(json.dumps({"results": results, "events": events}))
""")


def _base_model_file(path):
    kerasedu.backend.clear_session()
    Sequential([Input(shape=(3,)), Dense(2, name="dense")]).save(str(path))


def _with_config(path, config, attribute="model_config"):
    _base_model_file(path)
    with h5py.File(path, "a") as f:
        f.attrs[attribute] = json.dumps(config)
    return path


def _hostile_files(tmp_path, sentinel):
    payload = compile(f"open({str(sentinel)!r}, 'w').write('pwned')", "<payload>", "exec")
    code = base64.b64encode(marshal.dumps(payload)).decode("ascii")
    outside = tmp_path / "outside.h5"
    with h5py.File(outside, "w") as f:
        f["secret"] = np.arange(6, dtype="f4")
    files = {
        "os_system": _with_config(
            tmp_path / "os_system.h5",
            {"class_name": "os.system", "config": {"command": f"touch {sentinel}"}},
        ),
        "module_path": _with_config(
            tmp_path / "module_path.h5",
            {
                "module": "hostile_sentinel_module",
                "class_name": "Payload",
                "config": {},
                "registered_name": "hostile_sentinel_module>Payload",
            },
        ),
        "lambda_keras2_bytecode": _with_config(
            tmp_path / "lambda2.h5",
            {
                "class_name": "Sequential",
                "config": {
                    "name": "s",
                    "layers": [
                        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 3]}},
                        {
                            "class_name": "Lambda",
                            "config": {
                                "name": "evil",
                                "function": [code, None, None],
                                "function_type": "lambda",
                                "module": "hostile_sentinel_module",
                            },
                        },
                    ],
                },
            },
        ),
        "lambda_keras3_code": _with_config(
            tmp_path / "lambda3.h5",
            {
                "class_name": "Sequential",
                "config": {
                    "name": "s",
                    "layers": [
                        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 3]}},
                        {
                            "class_name": "Lambda",
                            "config": {
                                "name": "evil",
                                "function": {"class_name": "__lambda__", "config": {"code": code}},
                            },
                        },
                    ],
                },
            },
        ),
        "activation_eval": _with_config(
            tmp_path / "activation.h5",
            {
                "class_name": "Sequential",
                "config": {
                    "name": "s",
                    "layers": [
                        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 3]}},
                        {
                            "class_name": "Dense",
                            "config": {"name": "dense", "units": 2, "activation": "builtins.eval"},
                        },
                    ],
                },
            },
        ),
        "optimizer_os_system": _with_config(
            tmp_path / "optimizer.h5",
            {
                "loss": "mse",
                "metrics": [],
                "optimizer_config": {
                    "class_name": "os.system",
                    "config": {"command": f"touch {sentinel}"},
                },
            },
            attribute="training_config",
        ),
        "loss_module_path": _with_config(
            tmp_path / "loss.h5",
            {
                "loss": {"class_name": "hostile_sentinel_module.Loss", "config": {}},
                "optimizer_config": {"class_name": "SGD", "config": {}},
            },
            attribute="training_config",
        ),
    }
    external = tmp_path / "external_link.h5"
    _base_model_file(external)
    with h5py.File(external, "a") as f:
        f["model_weights"]["dense"]["leak"] = h5py.ExternalLink(str(outside), "/secret")
    files["external_link"] = external
    virtual = tmp_path / "virtual.h5"
    _base_model_file(virtual)
    with h5py.File(virtual, "a") as f:
        layout = h5py.VirtualLayout(shape=(2,), dtype="f4")
        layout[:] = h5py.VirtualSource(str(outside), "secret", shape=(6,))[:2]
        del f["model_weights/dense/dense/bias:0"]
        f["model_weights/dense/dense"].create_virtual_dataset("bias:0", layout)
    files["virtual_dataset"] = virtual
    pickle_file = tmp_path / "pickle.h5"
    pickle_file.write_bytes(
        b"\x80\x04\x95\x1a\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x8c\x06system\x93."
    )
    files["pickle"] = pickle_file
    return files


def test_hostile_files_are_refused_without_running_code(tmp_path):
    sentinel = tmp_path / "SENTINEL"
    files = _hostile_files(tmp_path, sentinel)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    for name, path in files.items():
        assert report["results"][str(path)].startswith("refused"), (
            name,
            report["results"][str(path)],
        )
    assert report["events"] == [], report["events"]
    assert not sentinel.exists()


def test_refusal_messages_explain(tmp_path):
    files = _hostile_files(tmp_path, tmp_path / "SENTINEL")
    from kerasedu.saving import hdf5
    from kerasedu.saving.errors import KerasEduFileError

    expectations = {
        "os_system": "os.system",
        "module_path": "custom_objects",
        "lambda_keras2_bytecode": "Lambda",
        "external_link": "external link",
        "virtual_dataset": "virtual dataset",
        "pickle": "not an HDF5",
    }
    for name, words in expectations.items():
        with pytest.raises(KerasEduFileError, match=words):
            hdf5.load_model(str(files[name]))

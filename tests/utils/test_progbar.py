import sys
import types

from kerasedu.utils.progbar import Progbar


def test_verbose_2_prints_one_line_at_the_end(capsys):
    bar = Progbar(target=3, verbose=2)
    bar.update(1, {"loss": 1.0})
    bar.update(3, {"loss": 0.5, "accuracy": 0.25}, finalize=True)
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith("3/3 - 0s - ") and out.rstrip().endswith(
        "loss: 0.5000 - accuracy: 0.2500"
    )


def test_verbose_1_live_redraws_in_place(capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    bar = Progbar(target=100, verbose=1, interval=0.0)
    for step in range(1, 101):
        bar.update(step, {"loss": 1.0 / step})
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.count("\r") == 100
    final = out.split("\r")[-1]
    assert final.startswith("100/100 ━━━━━━━━━━━━━━━━━━━━ 0s ")
    assert "/step - loss: 0.0100" in final


def test_notebook_throttles_redraws(capsys, monkeypatch):
    class ZMQInteractiveShell:  # what get_ipython() returns inside Jupyter
        pass

    fake_ipython = types.SimpleNamespace(get_ipython=ZMQInteractiveShell)
    monkeypatch.setitem(sys.modules, "IPython", fake_ipython)
    bar = Progbar(target=1000, verbose=1, interval=0.0)
    for step in range(1, 1001):
        bar.update(step, {"loss": 1.0})
    assert capsys.readouterr().out.count("\r") <= 3  # every 0.5 s at most, plus the last line


def test_not_a_terminal_prints_only_the_final_line(capsys):
    bar = Progbar(target=5, verbose=1, interval=0.0)
    for step in range(1, 6):
        bar.update(step, {"loss": 2e-5})
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "loss: 2.0000e-05" in out


def test_unknown_target():
    bar = Progbar(target=None, verbose=2)
    bar.update(4, finalize=True)
    assert bar._counter() == "4/Unknown"

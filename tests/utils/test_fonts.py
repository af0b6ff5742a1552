"""Tests for kerasedu/utils/fonts.py: Chinese plot text must really render."""

import os
import warnings

import pytest

pytest.importorskip("mplfonts")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402

from kerasedu.utils.fonts import chinese_font_path, use_chinese_font  # noqa: E402


@pytest.fixture
def restore_rc():
    with matplotlib.rc_context():
        yield


def test_font_file_is_shipped_by_pip_package():
    path = chinese_font_path()
    assert os.path.isfile(path)
    assert "mplfonts" in path


def test_findfont_resolves_to_the_shipped_file(restore_rc):
    name = use_chinese_font()
    assert name == "Noto Sans CJK SC"
    # fallback_to_default=False: raises instead of silently using DejaVu Sans.
    found = font_manager.findfont(
        font_manager.FontProperties(family=[name]), fallback_to_default=False
    )
    assert os.path.samefile(found, chinese_font_path())
    # The default sans-serif family now resolves to it too.
    found_default = font_manager.findfont(
        font_manager.FontProperties(family=["sans-serif"]), fallback_to_default=False
    )
    assert os.path.samefile(found_default, chinese_font_path())
    assert matplotlib.rcParams["axes.unicode_minus"] is False


def test_chinese_text_renders_without_missing_glyphs(restore_rc):
    use_chinese_font()
    fig, ax = plt.subplots()
    try:
        ax.plot([0, 1, 2], [-1, 0, 1], label="训练损失")
        ax.set_title("线性回归：拟合直线")
        ax.set_xlabel("输入 x")
        ax.set_ylabel("输出 y（预测值）")
        ax.legend()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig.canvas.draw()
    finally:
        plt.close(fig)
    missing = [str(w.message) for w in caught if "missing" in str(w.message).lower()]
    assert missing == []


def test_calling_twice_keeps_one_entry(restore_rc):
    use_chinese_font()
    use_chinese_font()
    families = matplotlib.rcParams["font.sans-serif"]
    assert families.count("Noto Sans CJK SC") == 1

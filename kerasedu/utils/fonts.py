"""A Chinese (CJK) font for matplotlib plots, shipped by a pip dependency.

Matplotlib's default font, DejaVu Sans, has no Chinese glyphs: a title such as
"损失曲线" comes out as empty boxes. Hard-coding a system font (``SimHei``,
``PingFang SC``) works on one operating system and breaks on the others, so the
lessons use a font file that the ``mplfonts`` package installs with pip on every
platform: Noto Sans CJK SC (the same design as Adobe's Source Han Sans).

``use_chinese_font()`` registers that file with matplotlib and puts it first in
``font.sans-serif``. Call it once, before plotting:

    from kerasedu.utils.fonts import use_chinese_font
    use_chinese_font()
"""

import importlib.util
import os

CHINESE_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def chinese_font_path():
    """Return the path of the Chinese font file shipped by ``mplfonts``.

    The package is located without being imported (importing it pulls in
    extra dependencies that only its command-line tool needs).

    Returns:
        str: Absolute path of ``NotoSansCJKsc-Regular.otf``.

    Raises:
        ImportError: If ``mplfonts`` is not installed, or ships no such file.

    Example:
        >>> chinese_font_path().endswith("NotoSansCJKsc-Regular.otf")
        True
    """
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(
            "Chinese plot labels need the `mplfonts` package, which ships a CJK "
            'font. Install it with: python -m pip install -e ".[docs]"'
        )
    package_dir = list(spec.submodule_search_locations)[0]
    path = os.path.join(package_dir, "fonts", CHINESE_FONT_FILE)
    if not os.path.isfile(path):
        raise ImportError(
            f"`mplfonts` is installed but has no {CHINESE_FONT_FILE}. "
            f"Received: mplfonts directory={package_dir}"
        )
    return path


def use_chinese_font():
    """Make matplotlib draw Chinese text with Noto Sans CJK SC.

    Registers the font file with matplotlib's font manager, puts it first in
    ``rcParams["font.sans-serif"]`` (the Latin fallbacks stay behind it) and
    turns off ``axes.unicode_minus``, whose minus sign (U+2212) CJK fonts often
    lack. Safe to call more than once.

    Returns:
        str: The font's family name, ``"Noto Sans CJK SC"``, usable as
        ``fontfamily=`` in matplotlib calls.

    Example:
        >>> use_chinese_font()
        'Noto Sans CJK SC'
    """
    # Imported here so that `import kerasedu` does not load matplotlib.
    import matplotlib
    from matplotlib import font_manager

    path = chinese_font_path()
    font_manager.fontManager.addfont(path)
    name = font_manager.FontProperties(fname=path).get_name()
    fallbacks = [f for f in matplotlib.rcParams["font.sans-serif"] if f != name]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [name] + fallbacks
    matplotlib.rcParams["axes.unicode_minus"] = False
    return name

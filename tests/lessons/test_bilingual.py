"""The zh and en lessons must share their code: same cells, same order, same tokens.

Only comments and string literals may differ (they are translated). Tokens are
compared with every comment removed and every string literal masked.
"""

import io
import json
import re
import tokenize
from pathlib import Path

import pytest

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
STRING_TOKENS = {tokenize.STRING} | {
    getattr(tokenize, n) for n in ("FSTRING_MIDDLE",) if hasattr(tokenize, n)
}
PATH_IN_OUTPUT = re.compile(r"(/home/|/root/|/tmp/|/work/|/Users/|[A-Z]:\\\\)")


def notebook_names(lang):
    return sorted(p.name for p in (LESSONS / lang).glob("*.ipynb"))


def code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [c for c in cells if c["cell_type"] == "code"]


def masked_tokens(source):
    """The cell's tokens with comments dropped and string contents replaced by a placeholder."""
    tokens = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type in (
            tokenize.COMMENT,
            tokenize.NL,
            tokenize.NEWLINE,
            tokenize.INDENT,
            tokenize.DEDENT,
            tokenize.ENDMARKER,
        ):
            continue
        tokens.append("<str>" if tok.type in STRING_TOKENS else tok.string)
    return tokens


def test_masking_ignores_only_comments_and_strings():
    assert masked_tokens('print("hi")  # note') == masked_tokens("print('你好')")
    assert masked_tokens("x = 1") != masked_tokens("x = 2")


def test_both_languages_have_the_same_notebooks():
    assert notebook_names("en"), "no lessons found in lessons/en"
    assert notebook_names("zh") == notebook_names("en")


@pytest.mark.parametrize("name", notebook_names("en"))
def test_code_cells_match_token_by_token(name):
    en, zh = code_cells(LESSONS / "en" / name), code_cells(LESSONS / "zh" / name)
    assert len(en) == len(zh), f"{name}: {len(en)} code cells in en, {len(zh)} in zh"
    for i, (cell_en, cell_zh) in enumerate(zip(en, zh)):
        tokens_en = masked_tokens("".join(cell_en["source"]))
        tokens_zh = masked_tokens("".join(cell_zh["source"]))
        assert tokens_en == tokens_zh, f"{name}: code cell {i} differs beyond comments and strings"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_notebooks_are_stored_executed_and_without_machine_paths(lang):
    for path in sorted((LESSONS / lang).glob("*.ipynb")):
        for i, cell in enumerate(code_cells(path)):
            assert cell.get("execution_count") is not None, (
                f"{path.name}: code cell {i} not executed"
            )
            for output in cell.get("outputs", []):
                text = "".join(output.get("text", "")) + json.dumps(
                    output.get("data", {}).get("text/plain", "")
                )
                assert not PATH_IN_OUTPUT.search(text), (
                    f"{path.name}: cell {i} output shows a path: {text[:200]}"
                )
                assert output.get("output_type") != "error", (
                    f"{path.name}: cell {i} raised an error"
                )

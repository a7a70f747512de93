"""Every file the project writes is written with '\n', whatever the platform: Python's text
mode would write os.linesep (CRLF on Windows) for each '\n'. Checked in the source, since this
machine's os.linesep is already '\n'."""

from __future__ import annotations

import ast
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _text_writes(tree: ast.AST) -> list[ast.Call]:
    calls = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr == "write_text":
            calls.append(node)
        elif node.func.attr == "open" or (isinstance(node.func, ast.Name)):
            mode = node.args[0] if node.args else next(
                (k.value for k in node.keywords if k.arg == "mode"), None)
            if isinstance(mode, ast.Constant) and isinstance(mode.value, str) and \
                    any(c in mode.value for c in "wax") and "b" not in mode.value:
                calls.append(node)
    return calls


def test_every_text_write_names_its_line_end() -> None:
    missing = []
    for path in sorted(SCRIPTS.rglob("*.py")):
        for call in _text_writes(ast.parse(path.read_text("utf-8"))):
            newline = next((k.value for k in call.keywords if k.arg == "newline"), None)
            if not (isinstance(newline, ast.Constant) and newline.value == "\n"):
                missing.append(f"{path.relative_to(SCRIPTS.parent)}:{call.lineno}")
    assert missing == [], "pass newline=\"\\n\" to: " + ", ".join(missing)


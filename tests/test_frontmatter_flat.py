"""The flat front matter reader gives what the YAML loader gives, or steps aside (None)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import corpus_files
from test_properties import PROFILE_EXAMPLES
from twinspan import frontmatter
from twinspan.source import decode


def _loaded(raw: str) -> Any:
    try:
        data = yaml.load(raw, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        return type(exc)
    return {} if data is None else ({str(k): v for k, v in data.items()} if isinstance(data, dict) else data)


def test_the_seed_shape() -> None:
    raw = 'title: تمكين مصادقة SMTP\nms.custom:\n- "3000003"\n- "5652"\nms.lasthandoff: 06/23/2021\nms.locfileid: "53077638"\n'
    assert frontmatter._flat_yaml(raw) == {
        "title": "تمكين مصادقة SMTP",
        "ms.custom": ["3000003", "5652"],
        "ms.lasthandoff": "06/23/2021",
        "ms.locfileid": "53077638",
    }


@pytest.mark.parametrize(
    "raw",
    [
        "ms.date: 2021-06-23\n",  # a date
        "count: 12\n",  # an int
        "flag: yes\n",  # YAML 1.1 boolean
        "empty: ~\n",
        "a: b: c\n",
        "a: b # comment\n",
        "a:b\n",
        "a: 'it''s'\n",
        'a: "esc\\n"\n',
        "a: x\n  b: y\n",
        "a:\n- \n",
        "a: [1, 2]\n",
        "a: &x 1\nb: *x\n",
        "a:\tb\n",
        "a: b\u200b\n",
        "- a\n",
    ],
)
def test_what_it_leaves_to_the_loader(raw: str) -> None:
    assert frontmatter._flat_yaml(raw) is None
    frontmatter.load_yaml(raw)  # and the loader reads it (or reports it)


_PIECE = st.sampled_from(
    [
        "a",
        "ms.date",
        "title",
        ": ",
        ":",
        "\n",
        "- ",
        "  - ",
        '"',
        "'",
        "#",
        " ",
        "yes",
        "1",
        "2021-06-23",
        "0x1F",
        ".5",
        "~",
        "null",
        "ب",
        "&",
        "*",
        "!",
        "-",
        "[",
        "{",
        "%",
        "@",
        "\t",
        "\r",
    ]
)


@settings(max_examples=PROFILE_EXAMPLES * 10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECE, max_size=30).map("".join))
@example("a:\n- x\nb:\n  - y\n  - z\n")
@example("a:\n  - y\n- z\n")
@example("a:\nb: c\n")
@example("a: x\na: y\n")
@example("True: x\n")
def test_random_front_matter_agrees_with_the_loader(raw: str) -> None:
    flat = frontmatter._flat_yaml(raw)
    if flat is not None:
        assert flat == _loaded(raw)


@pytest.mark.corpus
def test_every_corpus_front_matter_agrees_and_most_are_flat(corpus: Path) -> None:
    total = flat = 0
    for path in corpus_files(corpus):  # every locale and product
        fm = frontmatter.split(decode(path.read_bytes()).text)
        if fm.raw is None:
            continue
        total += 1
        data = frontmatter._flat_yaml(fm.raw)
        if data is not None:
            flat += 1
            assert data == _loaded(fm.raw), path
    assert total > 9000 and flat / total > 0.9

"""Which folder names count as a locale when an article's front matter names none."""

from __future__ import annotations

import pytest

from twinspan.parser import locale_from_path


@pytest.mark.parametrize(
    ("path", "locale"),
    [
        ("content/ar-SA/x.md", "ar-SA"),
        ("content/ar-sa/x.md", "ar-sa"),
        ("repo/zh-Hant-TW/x.md", "zh-Hant-TW"),
        ("repo/es-419/x.md", "es-419"),
        ("/work/wt-site/content/README.md", None),  # a checkout named like two words is no locale
        ("/work/my-docs/content/x.md", None),
        ("/work/wt-site/content/he-IL/x.md", "he-IL"),
        ("content/x.md", None),
    ],
)
def test_locale_from_the_nearest_locale_folder(path: str, locale: str | None) -> None:
    assert locale_from_path(path) == locale

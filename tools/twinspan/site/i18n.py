"""Interface strings of the site, per language (Material translates its own; these are ours).

A language without an entry falls back to English, key by key.
"""

from __future__ import annotations

#: Native names, for the language switch and the chooser at ``/``.
LANGUAGE_NAMES = {
    "ar": "العربية",
    "de": "Deutsch",
    "en": "English",
    "he": "עברית",
}

#: Right-to-left languages (the rest are left-to-right).
RTL = frozenset({"ar", "he", "fa", "ur"})

_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "home": "Home",
        "home.title": "Troubleshooting guide",
        "home.lead": "Search for an error code such as 5.7.57 or describe the symptom, or browse by topic.",
        "home.choose": "Choose another language",
        "codes": "Error codes",
        "codes.lead": "Every error code found in the knowledge base, with the articles that mention it.",
        "codes.count": "{n} codes",
        "codes.article": "Error codes in this article",
        "topics": "Topics",
        "topic.count": "{n} articles",
        "show_source": "Show English",
        "show_source.hint": "Show the English source under each sentence",
        "source_lang": "English source",
        "progress": "{done} of {total} steps done",
        "reset": "Reset checklist",
        "step_done": "Step {n} done",
        "switch": "Read in {name}",
        "breadcrumb": "Breadcrumb",
        "toolbar": "Article tools",
        "note.NOTE": "Note",
        "note.TIP": "Tip",
        "note.IMPORTANT": "Important",
        "note.WARNING": "Warning",
        "note.CAUTION": "Caution",
        "steps_json": "Download the steps (JSON)",
    },
    "ar": {
        "home": "الصفحة الرئيسية",
        "home.title": "دليل استكشاف الأخطاء وإصلاحها",
        "home.lead": "ابحث عن رمز خطأ مثل 5.7.57 أو صِف المشكلة، أو تصفح حسب الموضوع.",
        "home.choose": "اختر لغة أخرى",
        "codes": "رموز الأخطاء",
        "codes.lead": "كل رموز الأخطاء الواردة في قاعدة المعارف، مع المقالات التي تذكرها.",
        "codes.count": "عدد الرموز: {n}",
        "codes.article": "رموز الأخطاء في هذه المقالة",
        "topics": "الموضوعات",
        "topic.count": "عدد المقالات: {n}",
        "show_source": "إظهار النص الإنجليزي",
        "show_source.hint": "إظهار الجملة الإنجليزية الأصلية تحت كل جملة",
        "source_lang": "النص الإنجليزي الأصلي",
        "progress": "تم إنجاز {done} من {total} خطوات",
        "reset": "إعادة تعيين قائمة التحقق",
        "step_done": "تم إنجاز الخطوة {n}",
        "switch": "اقرأ باللغة {name}",
        "breadcrumb": "مسار التنقل",
        "toolbar": "أدوات المقالة",
        "note.NOTE": "ملاحظة",
        "note.TIP": "تلميح",
        "note.IMPORTANT": "هام",
        "note.WARNING": "تحذير",
        "note.CAUTION": "تنبيه",
        "steps_json": "تنزيل الخطوات (JSON)",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    """The string *key* in *lang* (English when missing), with ``{name}`` values filled in."""
    text = _STRINGS.get(lang, {}).get(key) or _STRINGS["en"][key]
    return text.format(**values) if values else text


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"


def language_name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang)

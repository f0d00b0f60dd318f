"""The bilingual troubleshooting site: a MkDocs plugin (entry point ``twinspan``) over Material.

Modules: :mod:`.plugin` (the MkDocs hooks, one build per language), :mod:`.langbuild` (the
child build of another language), :mod:`.kb` (content discovery, topics, error codes),
:mod:`.pages` (the generated pages), :mod:`.render` (an article from the model),
:mod:`.markup` and :mod:`.sanitize` (segment markup to safe HTML), :mod:`.slugs`, :mod:`.i18n`.
Templates, CSS and JS live in ``site_overrides/`` (Material's ``custom_dir``).
"""

"""The help site: a MkDocs plugin, theme overrides for Material for MkDocs, surveys, and the build.

``mkdocs build`` (through the ``kbgen`` plugin) and ``kbgen build`` give the same site.
"""

"""Draft articles: one Markdown file per topic, written so that curated work is never overwritten.

- ``plan``: what to do with each topic (a new draft, a refresh, evidence for a protected
  article, or merged into another topic's article), decided before anything is written;
- ``render``: a draft's Markdown and a protected article's evidence;
- ``escape``: ticket text as Markdown the site shows as typed, escaped only where it would form markup;
- ``markers``: what a draft holds for its writer to replace, which the site build refuses to publish;
- ``write``: ``write_drafts`` reads the content folder, plans, renders and writes;
- ``assignments``: the file that says which topic and article each ticket went to.
"""

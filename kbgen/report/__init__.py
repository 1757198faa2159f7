"""The improvement report: what customers' feedback and tickets say to improve first.

- ``records``: what is measured (per article, failed search, topic, standard, period, week);
- ``measures``, ``comments``, ``standards``: the measuring, as pure functions;
- ``rules``: the ranked items, one rule per kind with its weights (``RULES``);
- ``build``: ``build_report``, records in, a ``Report`` out;
- ``formats``: the Report as Markdown, CSV, JSON or HTML (``templates/report.html``).
"""

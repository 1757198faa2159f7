"""kbgen: resolved tickets to draft FAQ articles, a help site with feedback, and a ranked list of improvements."""

__version__ = "0.1.0"

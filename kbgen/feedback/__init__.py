"""What customers tell the help site, from the stored line to the records a report counts.

- ``line``: the line the collector stores for each submission (its one writer and reader);
- ``read``: collector files read into records, damage, repeats and robots left out;
- ``imports``: feedback collected by other services (GA4, Google Forms) as the same records.
"""

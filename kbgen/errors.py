"""The one error type users see."""


class KbgenError(Exception):
    """A user mistake or bad input, with a message that names the file, row or field.

    The command line prints ``Error: <message>`` and exits with status 2.
    """

"""The one error type users see: its message is the single line printed on stderr."""


class BilingualError(Exception):
    """A problem with the user's input or setup, not a bug: reported in one line, exit 1."""

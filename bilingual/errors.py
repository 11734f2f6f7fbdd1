"""The errors users see: each message is the single line printed on stderr, each class its exit code.

| exit | class | what went wrong |
|---|---|---|
| 0 | | nothing |
| 1 | BilingualError | the input: a file that cannot be read, decoded, or is not what it should be |
| 2 | UsageError | the command: a bad option value, an output that would overwrite an input |
| 3 | SetupError | the environment: no translation model, a broken model, the network for a download |
| 4 | OutputError | the output: a folder or file that cannot be written (permissions, disk full) |
| 5 | (check) | `check` / `glossary check` ran and found problems at --fail-on or worse |
| 130 | | interrupted (Ctrl-C) |

The table is in README.md too; tests/test_hostile.py holds one case per row.
"""

EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_SETUP = 3
EXIT_OUTPUT = 4
EXIT_FINDINGS = 5
EXIT_INTERRUPTED = 130


class BilingualError(Exception):
    """A problem with the user's input, not a bug: reported in one line, exit 1."""

    exit_code = EXIT_INPUT


class UsageError(BilingualError):
    """The command line asks for something impossible (checked before any work): exit 2."""

    exit_code = EXIT_USAGE


class SetupError(BilingualError):
    """The machine is not ready: translation model missing or broken, model folder, network: exit 3."""

    exit_code = EXIT_SETUP


class OutputError(BilingualError):
    """An output cannot be written (a file is named, with the reason): exit 4."""

    exit_code = EXIT_OUTPUT

"""``tradescreen-cli``: the headless command line (design.md, "Command line").

Exit status: 0 on success whatever was found, 2 for a usage error, 1 with a one-line message on
stderr for any other failure. A user mistake never shows a traceback.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Sequence
from typing import Any

from core import __version__
from core.cli import entity_cmd, lists_cmd, review_cmd, screen_cmd
from core.cli.common import CommandContext, fail, warn
from core.errors import Cancelled, UserFacingError
from core.paths import user_data_dir
from core.shutdown import Terminated, signals_unwind
from core.store.database import resolve_database_url


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, not the whole usage block: scripts read stderr.
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


class _VersionAction(argparse.Action):
    """Prints unwrapped, so the data folder path can be copied whole."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"tradescreen {__version__}\nuser data: {user_data_dir()}")
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tradescreen-cli",
        description="Screen supplier files against trade-restriction lists as of a date.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="show the version and the user data folder"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: TRADESCREEN_DATABASE_URL, else SQLite in the user data dir)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    screen_cmd.register(commands)
    lists_cmd.register(commands)
    entity_cmd.register(commands)
    review_cmd.register(commands)
    _accept_database_everywhere(commands)
    return parser


def _accept_database_everywhere(commands: argparse._SubParsersAction[Any]) -> None:
    """``--database`` also after the command name (``screen FILE --database URL``)."""
    for sub in commands.choices.values():
        sub.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                         help="database URL (default: TRADESCREEN_DATABASE_URL, else SQLite in "
                         "the user data dir)")  # fmt: skip
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_database_everywhere(action)


def main(argv: Sequence[str] | None = None) -> int:
    _show_core_warnings()
    parser = build_parser()
    args = parser.parse_args(argv)
    context = CommandContext(resolve_database_url(getattr(args, "database", None)))
    # SIGTERM unwinds like Ctrl-C (workers stopped, nothing half-stored), from the start of
    # the command to its clean-up, which a second signal does not interrupt.
    try:
        with signals_unwind():
            try:
                return _run(args, context)
            finally:
                with signals_unwind(signal.SIG_IGN):
                    context.close()
    except Terminated as stop:  # arrived between the command and its clean-up
        return fail(str(stop), stop.exit_code)


def _run(args: argparse.Namespace, context: CommandContext) -> int:
    try:
        result: int = args.handler(args, context)
        return result
    except UserFacingError as exc:
        return fail(str(exc), exc.exit_code)
    except Cancelled:
        return fail("cancelled", 130)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except Terminated as stop:
        return fail(f"{stop}; nothing unfinished was stored", stop.exit_code)
    except BrokenPipeError:
        return 0


class _CoreWarnings(logging.Handler):
    """What the core logs as a warning (e.g. matching processes that could not start),
    printed like the CLI's own warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        warn(record.getMessage())


def _show_core_warnings() -> None:
    logger = logging.getLogger("core")
    if not any(isinstance(handler, _CoreWarnings) for handler in logger.handlers):
        logger.addHandler(_CoreWarnings())


if __name__ == "__main__":
    sys.exit(main())

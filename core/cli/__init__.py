"""``tradescreen-cli``: the headless command line (design.md, "Command line").

Exit status: 0 on success whatever was found, 2 for a usage error, 1 with a one-line message on
stderr for any other failure; ``screen --fail-on`` exits with ``FAIL_ON_EXIT`` (4) and
``audit verify`` with 3 when the trail is broken. A user mistake never shows a traceback.

The database, reviewer, threshold, language and lists come from the flag, else the environment
(``TRADESCREEN_...``), else the configuration file the window's Settings writes (``core.config``),
else the default. Every run is logged to the rotating log file (``core.logs``).
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Sequence
from typing import Any

from core import __version__, config
from core.cli import changes_cmd, entity_cmd, items_cmd, lists_cmd, review_cmd, screen_cmd
from core.cli.common import CommandContext, fail, warn
from core.errors import Cancelled, UserFacingError
from core.logs import install_file_log, log_path
from core.paths import user_data_dir
from core.secrets import with_password
from core.shutdown import Terminated, signals_unwind
from core.store.database import resolve_database_url

log = logging.getLogger("core.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, not the whole usage block: scripts read stderr.
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


class _VersionAction(argparse.Action):
    """Prints unwrapped, so the data folder path can be copied whole."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(
            f"tradescreen {__version__}\nuser data: {user_data_dir()}\n"
            f"config: {config.config_path()}\nlog: {log_path()}"
        )
        parser.exit(0)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tradescreen-cli",
        description="Screen supplier files against trade-restriction lists as of a date.",
    )
    parser.add_argument(
        "--version", action=_VersionAction,
        help="show the version, the user data folder, the config file and the log file",
    )  # fmt: skip
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument(
        "-v", "--verbose", action="count", default=0,
        help="say more on stderr (-vv: debugging detail, also in the log)",
    )  # fmt: skip
    loudness.add_argument(
        "-q", "--quiet", action="store_true",
        help="no warnings on stderr, only errors (the log keeps them)",
    )  # fmt: skip
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
    items_cmd.register(commands)
    changes_cmd.register(commands)
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
    parser = build_parser()
    args = parser.parse_args(argv)
    _show_core_warnings(args.verbose, args.quiet)
    install_file_log("cli", logging.DEBUG if args.verbose > 1 else logging.INFO)
    try:
        prefs = config.effective({"database_url": getattr(args, "database", None)})
    except UserFacingError as exc:
        return fail(str(exc), exc.exit_code)
    url = with_password(resolve_database_url(prefs.database_url or None), ask=True)
    context = CommandContext(url, prefs)
    log.info("tradescreen-cli %s: %s", __version__, " ".join(_shown(argv)))
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
        log.info("tradescreen-cli %s: exit %d", args.command, result)
        return result
    except UserFacingError as exc:
        log.warning("tradescreen-cli %s: %s", args.command, exc)
        return fail(str(exc), exc.exit_code)
    except Cancelled:
        return fail("cancelled", 130)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except Terminated as stop:
        return fail(f"{stop}; nothing unfinished was stored", stop.exit_code)
    except BrokenPipeError:
        return 0
    except Exception:
        log.exception("tradescreen-cli %s failed", args.command)
        raise


def _shown(argv: Sequence[str] | None) -> list[str]:
    """The command line for the log, with any database password hidden."""
    from core.store.database import describe_url

    words = list(sys.argv[1:] if argv is None else argv)
    return [describe_url(w) if "://" in w else w for w in words]


class _CoreWarnings(logging.Handler):
    """What the core logs as a warning (e.g. matching processes that could not start),
    printed like the CLI's own warnings; with -v its information too."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("core.cli"):
            return  # the CLI's own lines are for the log: it prints its messages itself
        if record.levelno >= logging.WARNING:
            warn(record.getMessage())
        else:
            print(f"tradescreen-cli: {record.getMessage()}", file=sys.stderr)


def _show_core_warnings(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else logging.INFO if verbose == 1 else logging.WARNING
    level = logging.DEBUG if verbose > 1 else level
    logger = logging.getLogger("core")
    handler = next((h for h in logger.handlers if isinstance(h, _CoreWarnings)), None)
    if handler is None:
        handler = _CoreWarnings()
        logger.addHandler(handler)
    handler.setLevel(level)


if __name__ == "__main__":
    sys.exit(main())

"""Shell completion (bash, zsh, fish) and the manual page of ``tradescreen-cli``, generated at
build time from its argparse parser (``core.cli.build_parser``), so they never drift from it.

bash and zsh come from shtab (a build dependency); fish and the man page from the small
generators below. ``write_cli_docs(share)`` puts them where Debian's tools look:

    share/bash-completion/completions/tradescreen-cli
    share/zsh/vendor-completions/_tradescreen-cli
    share/fish/vendor_completions.d/tradescreen-cli.fish
    share/man/man1/tradescreen-cli.1.gz

Run alone (``python packaging/cli_docs.py OUT``) to look at them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROG = "tradescreen-cli"


def _parser() -> argparse.ArgumentParser:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from core.cli import build_parser

    parser = build_parser()
    _mark_files(parser)
    return parser


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _walk(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for name, sub in _subcommands(parser).items():
        yield from _walk(sub, (*path, name))


def _mark_files(parser: argparse.ArgumentParser) -> None:
    """Options and arguments that take a path complete file names (shtab's ``complete``)."""
    import shtab

    for _path, sub in _walk(parser):
        for action in sub._actions:
            if action.type is Path:
                action.complete = shtab.FILE  # type: ignore[attr-defined]


def _help(action: argparse.Action) -> str:
    text = (action.help or "").replace("%(default)s", str(action.default))
    return " ".join(text.split())


def bash_and_zsh(parser: argparse.ArgumentParser) -> dict[str, str]:
    import shtab

    return {shell: shtab.complete(parser, shell=shell) for shell in ("bash", "zsh")}


def fish(parser: argparse.ArgumentParser) -> str:
    """Completions for fish: each command's options once the command has been typed."""
    lines = [
        f"# {PROG} completions, generated from its parser at build time",
        f"complete -c {PROG} -f",
    ]
    commands = _subcommands(parser)
    top = " ".join(commands)
    for name, sub in commands.items():
        summary = _help_of(parser, name)
        lines.append(f"complete -c {PROG} -n 'not __fish_seen_subcommand_from {top}' "
                     f"-a {name} -d {_quote(summary)}")  # fmt: skip
        for action_name, action_parser in _subcommands(sub).items():
            lines.append(f"complete -c {PROG} -n '__fish_seen_subcommand_from {name}' "
                         f"-a {action_name} -d {_quote(_help_of(sub, action_name))}")  # fmt: skip
            lines += _fish_options(action_parser, f"__fish_seen_subcommand_from {action_name}")
        lines += _fish_options(sub, f"__fish_seen_subcommand_from {name}")
        if any(a.type is Path and not a.option_strings for a in sub._actions):
            lines.append(f"complete -c {PROG} -n '__fish_seen_subcommand_from {name}' -F")
    lines += _fish_options(parser, f"not __fish_seen_subcommand_from {top}")
    return "\n".join(lines) + "\n"


def _fish_options(parser: argparse.ArgumentParser, condition: str) -> list[str]:
    out = []
    for action in parser._actions:
        if not action.option_strings or action.help == argparse.SUPPRESS:
            continue
        flags = []
        for flag in action.option_strings:
            flags.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
        takes = action.nargs != 0
        extra = ""
        if takes and action.choices:
            extra = f" -x -a {_quote(' '.join(str(c) for c in action.choices))}"
        elif takes and action.type is Path:
            extra = " -r -F"
        elif takes:
            extra = " -x"
        out.append(f"complete -c {PROG} -n {_quote(condition)} {' '.join(flags)}{extra} "
                   f"-d {_quote(_help(action))}")  # fmt: skip
    return out


def _help_of(parser: argparse.ArgumentParser, name: str) -> str:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.dest == name:
                    return " ".join((choice.help or "").split())
    return ""


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _roff(text: str) -> str:
    escaped = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line[:1] in (".", "'") else line
                     for line in escaped.splitlines())  # fmt: skip


def man_page(parser: argparse.ArgumentParser, version: str) -> str:
    """The manual page in man(7) macros: synopsis, every command with its options, exit status,
    files and environment."""
    today = dt.date.today().isoformat()
    out = [
        f'.TH TRADESCREEN-CLI 1 "{today}" "TradeScreen {version}" "User Commands"',
        ".SH NAME",
        f"{PROG} \\- {_roff(parser.description or '')}",
        ".SH SYNOPSIS",
        f".B {PROG}",
        "[\\fB\\-v\\fR | \\fB\\-q\\fR] [\\fB\\-\\-database\\fR \\fIURL\\fR] "
        "\\fICOMMAND\\fR [\\fIOPTIONS\\fR]",
        ".SH DESCRIPTION",
        _roff(
            "Screens supplier files against trade-restriction lists as of a date, keeps every "
            "run, decision and list import in an audit trail, and writes Excel reports and "
            "one-page PDF summaries. Every option has the same meaning as in the desktop "
            "app; JSON output starts with format_version."
        ),
        ".SH OPTIONS",
        *_man_options(parser),
        ".SH COMMANDS",
    ]
    for path, sub in _walk(parser):
        if not path:
            continue
        usage = " ".join(sub.format_usage().split())
        usage = usage.removeprefix("usage: ")
        out += [f".SS {' '.join(path)}", _roff(_help_of(*_parent(parser, path))), ".PP",
                ".nf", _roff(usage), ".fi", *_man_arguments(sub), *_man_options(sub)]  # fmt: skip
    out += [
        ".SH EXIT STATUS",
        ".TP\n0\nsuccess, whatever was found",
        ".TP\n1\na failure, said in one line on standard error",
        ".TP\n2\na usage error",
        ".TP\n3\n\\fBaudit verify\\fR: the audit trail was changed",
        ".TP\n4\n\\fBscreen \\-\\-fail\\-on\\fR: a hit has one of the statuses named",
        ".TP\n130\ninterrupted or cancelled",
        ".SH ENVIRONMENT",
        ".TP\n.B TRADESCREEN_DATABASE_URL\ndatabase URL (a flag overrides it; it overrides the "
        "configuration file)",
        ".TP\n.B TRADESCREEN_REVIEWER, TRADESCREEN_THRESHOLD, TRADESCREEN_LANGUAGE, "
        "TRADESCREEN_LISTS\nreviewer name, default threshold, report language, default lists",
        ".TP\n.B TRADESCREEN_DATA_DIR\none folder for the data, the configuration and the log "
        "(portable use)",
        ".SH FILES",
        _roff(
            "The configuration file (config.toml, written by the window's Settings) and the "
            "log file (tradescreen.log, rotated) are in the user config and log folders; "
            "tradescreen-cli --version prints both paths."
        ),
        ".SH SEE ALSO",
        ".BR tradescreen (1)",
    ]
    return "\n".join(out) + "\n"


def _parent(
    parser: argparse.ArgumentParser, path: tuple[str, ...]
) -> tuple[argparse.ArgumentParser, str]:
    parent = parser
    for name in path[:-1]:
        parent = _subcommands(parent)[name]
    return parent, path[-1]


def _man_arguments(parser: argparse.ArgumentParser) -> list[str]:
    out = []
    for action in parser._actions:
        if action.option_strings or isinstance(action, argparse._SubParsersAction):
            continue
        out += [".TP", f"\\fI{action.metavar or action.dest}\\fR", _roff(_help(action) or "")]
    return out


def _man_options(parser: argparse.ArgumentParser) -> list[str]:
    out = []
    for action in parser._actions:
        if not action.option_strings or action.help == argparse.SUPPRESS:
            continue
        if "-h" in action.option_strings:
            continue
        names = ", ".join(f"\\fB{_roff(flag)}\\fR" for flag in action.option_strings)
        if action.nargs != 0:
            metavar = action.metavar or (
                "{" + ",".join(map(str, action.choices)) + "}" if action.choices else "VALUE"
            )
            names += f" \\fI{_roff(str(metavar))}\\fR"
        out += [".TP", names, _roff(_help(action))]
    return out


def write_cli_docs(share: Path, version: str) -> list[Path]:
    """The completions and the gzipped man page under ``share`` (a ``usr/share`` folder)."""
    parser = _parser()
    scripts = bash_and_zsh(parser)
    files = {
        share / "bash-completion" / "completions" / PROG: scripts["bash"],
        share / "zsh" / "vendor-completions" / f"_{PROG}": scripts["zsh"],
        share / "fish" / "vendor_completions.d" / f"{PROG}.fish": fish(parser),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    man = share / "man" / "man1" / f"{PROG}.1.gz"
    man.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same parser gives the same bytes (reproducible packages, lintian's wish)
    man.write_bytes(gzip.compress(man_page(parser, version).encode("utf-8"), 9, mtime=0))
    return [*files, man]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from core import __version__

    for written in write_cli_docs(Path(sys.argv[1]), __version__):
        print(written)

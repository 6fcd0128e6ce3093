"""The ``scheduleto`` command line.

    scheduleto parse FILE... [-o OUT] [--format json|jsonl] [--pretty] [--fragments]
    scheduleto example [--pretty]
    scheduleto bulk INPUT... -o DIR [--format jsonl|csv|parquet] [--workers N] [--resume]

Exit status: 0 when every input parsed, 1 when any failed (one line per failure on stderr,
the others still parsed), 2 for a usage error, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

from . import __version__, example_path
from .api import parse
from .errors import ScheduleTOError

_EPILOG = """\
examples:
  scheduleto example --pretty                      parse the built-in example filing
  scheduleto parse 0001104659-25-002604.txt        one filing to JSON on stdout
  scheduleto parse *.txt --format jsonl -o out.jsonl
  curl -s URL | scheduleto parse -                 read a filing from standard input
  scheduleto parse --fragments cover.txt           parse a passage (cover, press release)
  scheduleto bulk sec-edgar-filings/ -o out --format parquet --resume

The JSON fields are described in the README ("Output fields").
"""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scheduleto",
        description="Parse SEC Schedule TO tender-offer filings (SC TO-T, SC TO-I, /A, SC TO-C) "
        "into JSON.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"scheduleto {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "parse",
        help="parse filings to JSON (no FILE: the built-in example)",
        description="Parse each FILE (full submission .txt, .nc, HTML or text; '-' for stdin) "
        "and write one JSON object per filing.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="filing files; '-' reads stdin")
    _output_options(p)
    p.add_argument(
        "--fragments",
        action="store_true",
        help="accept passages without a Schedule TO cover (strict=False)",
    )

    e = sub.add_parser("example", help="parse the built-in example filing (the seed)")
    _output_options(e)

    try:
        from .bulk.cli import add_bulk_parser
    except ImportError:  # pragma: no cover - bulk is part of the package
        pass
    else:
        add_bulk_parser(sub)
    return parser


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    p.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default="json",
        help="json: one object (an array for several files); jsonl: one object per line",
    )
    p.add_argument("--pretty", action="store_true", help="indent the JSON")


@contextlib.contextmanager
def _open_output(path: str | None) -> Iterator[IO[str]]:
    if path is None or path == "-":
        yield sys.stdout
        return
    if os.path.isdir(path):
        raise OSError(f"cannot write {path}: it is a directory; give a file name to -o")
    tmp = f"{path}.tmp-{os.getpid()}"
    try:
        fh = open(tmp, "w", encoding="utf-8")  # noqa: SIM115 - closed below, then renamed
    except OSError as exc:
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with fh:
            yield fh
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _err(message: str) -> None:
    print(f"scheduleto: {message}", file=sys.stderr)


def _run_parse(files: Sequence[str], args: argparse.Namespace, strict: bool) -> int:
    failed = 0
    results: list[dict[str, Any]] = []
    for name in files:
        try:
            if name == "-":
                if sys.stdin is None:
                    failed += 1
                    _err("-: there is no standard input to read (it is closed)")
                    continue
                filing = parse(sys.stdin.buffer, strict=strict)
            else:
                filing = parse(name, strict=strict)
        except ScheduleTOError as exc:
            failed += 1
            _err(f"{exc.source or name}: {exc.message}" if exc.source else f"{name}: {exc.message}")
            continue
        except (KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:  # a bug of ours: say so, keep going with the other files
            failed += 1
            _err(f"{name}: internal error ({type(exc).__name__}: {exc}); please report it")
            continue
        data = filing.to_dict()
        if name == "-":
            data["source"]["path"] = None
        results.append(data)
    indent = 2 if args.pretty else None
    if not results and args.output not in (None, "-"):
        return 1  # nothing parsed: leave an existing OUT as it was
    with _open_output(args.output) as out:
        if args.format == "jsonl":
            for data in results:
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
        elif len(files) == 1:
            if results:
                out.write(json.dumps(results[0], indent=indent, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(results, indent=indent, ensure_ascii=False) + "\n")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``scheduleto`` command; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "pretty", False) and args.format == "jsonl":
        parser.error("--pretty indents JSON; --format jsonl writes one object per line")
    try:
        if args.command is None:
            parser.print_help()
            return 2
        if args.command == "example":
            return _run_parse([example_path()], args, strict=True)
        if args.command == "parse":
            files = args.files or [example_path()]
            return _run_parse(files, args, strict=not args.fragments)
        handler = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return 2
        status: int = handler(args)
        return status
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        # Output closed early (e.g. piped into head): not an error of ours.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except OSError as exc:
        _err(str(exc))
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""`leadwise prospect DOMAIN...`: crawl companies' websites, find and verify their people's
addresses, and add the companies and people to a workspace as leads, or with `-o FILE` write
them to a CSV file (no database). The work is in prospecting/command.py, loaded when the
command runs, so that every other `leadwise` command starts without it."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from leadwise.config import get_settings
from leadwise.import_export.commands import CommandFailed


def prospect_command(
    targets: Annotated[
        list[str],
        typer.Argument(help="Domains (acme.com) or URLs to start from", show_default=False),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output",
            help="Write the people found to this CSV file (- for stdout) "
            "instead of adding them to the database",
        ),
    ] = None,
    max_pages: Annotated[
        int | None, typer.Option(min=1, max=10_000, help="Pages per site [default: the setting]")
    ] = None,
    depth: Annotated[
        int | None, typer.Option(min=0, max=20, help="Links deep at most [default: the setting]")
    ] = None,
    verify: Annotated[
        bool,
        typer.Option("--verify/--no-verify", help="Verify the addresses found and generated"),
    ] = True,
    workspace: Annotated[str | None, typer.Option(help="Workspace name or id")] = None,
    tag: Annotated[list[str] | None, typer.Option(help="Tag every lead added (repeat)")] = None,
) -> None:
    """Crawl companies' websites, find and verify their people's addresses, and add the
    companies and people to a workspace as leads (or, with -o, write them to a CSV file)."""
    from leadwise.prospecting import command  # the crawler, the services: loaded now

    errors = Console(stderr=True)
    try:
        outcomes, written = command.run(
            targets, get_settings(), output=output, workspace=workspace, max_pages=max_pages,
            depth=depth, verify=verify, tags=tag or [], console=errors,
        )  # fmt: skip
    except CommandFailed as error:
        errors.print(f"[red]error:[/red] {escape(str(error))}")
        raise typer.Exit(1) from None
    (errors if output == "-" else Console()).print(
        command.summary(outcomes, to_csv=output is not None)
    )
    if output is not None:
        errors.print(f"wrote {written} rows to {'stdout' if output == '-' else output}")
    failed = [outcome for outcome in outcomes if outcome.error is not None]
    for outcome in failed:
        errors.print(f"[red]error:[/red] {escape(outcome.target)}: {escape(outcome.error or '')}")
    if failed:
        raise typer.Exit(1)

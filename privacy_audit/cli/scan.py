"""``privacy-audit scan PATH...``: classify the columns of files, folders or tables."""

from __future__ import annotations

import json

import click

from ..scan import SCAN_SAMPLE

__all__ = ["scan_cmd"]

_JSON_KEYS = ("dataset", "column", "entity", "score", "coverage", "runner_up", "evidence")


@click.command("scan")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="Output format.")  # fmt: skip
@click.option("--sample", type=click.IntRange(min=1), default=SCAN_SAMPLE, show_default=True,
              help="Rows sampled per column (seeded).")  # fmt: skip
@click.option("--full", is_flag=True, help="Examine every cell instead of a sample.")
@click.option("--seed", type=int, default=0, show_default=True, help="Sampling seed.")
@click.option("--recognizers", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="YAML file of custom recognizers (regex + context + optional validator).")  # fmt: skip
@click.option("--lexicon", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="YAML file of header words that extends (or, with remove:, trims) the built-in vocabulary.")  # fmt: skip
@click.option("--no-progress", is_flag=True, help="Never show progress bars.")
@click.option("--engine", type=click.Choice(["pandas", "dask"]), default="pandas", show_default=True,
              help="Execution engine; dask runs --full scans per partition on a Dask cluster.")  # fmt: skip
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask scheduler to join (default: a local cluster of 2 workers).")  # fmt: skip
@click.option("--chunksize", type=click.IntRange(min=1), default=None,
              help="Stream --full scans in chunks of this many rows (bounded memory).")  # fmt: skip
@click.pass_context
def scan_cmd(ctx: click.Context, paths: tuple[str, ...], fmt: str, sample: int, full: bool, seed: int,
             recognizers: str | None, lexicon: str | None, no_progress: bool, engine: str, scheduler: str | None,
             chunksize: int | None) -> None:  # fmt: skip
    """Classify every column of PATH... (files or folders, walked) as personal data or not.

    Unreadable files are reported one line each on stderr (`error: <file>: <why>`); the other
    files are still scanned. Exit code 2 when any file failed, else 0. Evidence shows masked
    examples only.
    """
    from ..detect.headers import use_lexicon
    from ..engine import scan
    from ..errors import ConfigError

    if lexicon is not None and engine == "dask":
        raise ConfigError("--lexicon works with --engine pandas only (Dask workers read the built-in vocabulary)")
    with use_lexicon(lexicon):
        result = scan(list(paths), sample=sample, full=full, seed=seed, recognizers=recognizers,
                      progress=False if no_progress else None, engine=engine, scheduler=scheduler,
                      chunksize=chunksize)  # fmt: skip
    frame = result.to_frame() if fmt != "json" else None
    if fmt == "json":
        records = [{k: row[k] for k in _JSON_KEYS} for row in (c.to_dict() for c in result.columns)]
        click.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif len(frame):
        show = frame.assign(entity=frame["entity"].fillna("-"), runner_up=frame["runner_up"].fillna("-"))
        show["evidence"] = show["evidence"].str.slice(0, 110)
        click.echo(show.to_string(index=False, columns=["dataset", "column", "entity", "score", "coverage", "evidence"]))
    elif not result.errors:  # when every input failed, the errors below say why: no second message
        click.echo("no columns scanned")
    for dataset, message in result.errors:
        msg = message if message.startswith(str(dataset)) else f"{dataset}: {message}"
        click.echo(f"error: {msg}", err=True)
    ctx.exit(2 if result.errors else 0)

"""Options that say one thing: an option that takes one value, given twice (``-n 5 -n 6``), is
refused (click would silently keep the last); options that can be repeated (``--set``) and flags
are left alone."""

from __future__ import annotations

from typing import Any

from burgernet_cost.errors import UsageProblem


def check_repeats(command: Any, invoked: str | None, args: list[str]) -> None:
    sub = getattr(command, "commands", {}).get(invoked) if invoked else None
    target = sub if sub is not None else command
    single: dict[str, str] = {}  # every spelling of a single-value option -> its long name
    takes_value: set[str] = set()
    for param in getattr(target, "params", []):
        opts = [*getattr(param, "opts", []), *getattr(param, "secondary_opts", [])]
        if getattr(param, "param_type_name", "") != "option" or getattr(param, "is_flag", False) or getattr(param, "count", False):
            continue
        takes_value.update(opts)
        if not getattr(param, "multiple", False):
            long = max(opts, key=len)
            single.update(dict.fromkeys(opts, long))
    seen: dict[str, str] = {}
    skip = False
    for n, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if arg == "--":
            break
        name = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2] if arg.startswith("-") and len(arg) > 1 else arg
        if name in takes_value and arg == name:
            if n + 1 == len(args):
                break  # no value follows: click says so ("verwacht een waarde")
            skip = True  # the next argument is this option's value
        if name in single:
            long = single[name]
            if long in seen:
                raise UsageProblem(f"{long} staat er twee keer ({seen[long]} en {arg}); geef één waarde")
            seen[long] = arg

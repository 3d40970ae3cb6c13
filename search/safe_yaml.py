"""YAML for untrusted files (front matter, watchlists): safe, size-limited, no aliases.

`yaml.safe_load` builds no Python objects, but it still expands aliases: a few hundred bytes
of nested `*ref`s ("billion laughs") become gigabytes once the data is copied or hashed, and
an anchor that refers to itself makes a recursive structure. Trawl's files have no use for
anchors, so aliases are refused outright. Impossible dates (`2024-13-45`, `0000-01-01`) stay
strings, for the date parser to report in its own words, instead of raising inside PyYAML.
"""

from __future__ import annotations

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent


class YAMLTooLarge(yaml.YAMLError):
    """The text is longer than the caller allows."""


class _SafeLoader(yaml.SafeLoader):
    """SafeLoader without aliases and with forgiving timestamps."""

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed",
                                event.start_mark)
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _SafeLoader.construct_yaml_timestamp)


def load_yaml(text: str, max_chars: int) -> object:
    """Parse untrusted YAML; every failure is a `yaml.YAMLError` whose message says why."""
    if len(text) > max_chars:
        raise YAMLTooLarge(f"longer than {max_chars:,} characters")
    try:
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        raise yaml.YAMLError("nested too deeply") from None
    except (ValueError, OverflowError) as err:  # e.g. an integer of more than 4,300 digits
        raise yaml.YAMLError(first_line(str(err))) from None


def first_line(message: str, limit: int = 200) -> str:
    """The first line of an error message, cut to `limit` characters (some repeat the input)."""
    line = message.strip().splitlines()[0] if message.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"

"""One exception tree for newssift, each with a message a person can act on."""
from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConfigError",
    "EmptyInputError",
    "EncodingError",
    "EngineError",
    "EvalError",
    "FetchError",
    "InputError",
    "InputNotFoundError",
    "InputTooLargeError",
    "ModelMissingError",
    "NewssiftError",
    "NoUsableInputError",
    "OutputError",
    "ParseError",
    "StoreError",
    "UnsupportedInputError",
    "UsageError",
]


class NewssiftError(Exception):
    """Base of every error newssift raises on purpose."""


class ConfigError(NewssiftError):
    """A setting has a value newssift cannot use."""


class InputError(NewssiftError):
    """One input could not be used; others may still be processed.

    ``source`` is the path or URL as given; ``code`` a short machine-readable kind.
    """

    code = "input"

    def __init__(self, source: str, message: str):
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


class EmptyInputError(InputError):
    code = "empty"


class BinaryInputError(InputError):
    code = "binary"


class InputTooLargeError(InputError):
    code = "too_large"


class EncodingError(InputError):
    code = "encoding"


class FetchError(InputError):
    code = "fetch"


class ParseError(InputError):
    code = "parse"


class UnsupportedInputError(InputError):
    """An input of a kind newssift does not read (a PDF URL, an ftp:// address)."""

    code = "unsupported"


class InputNotFoundError(InputError):
    """A path, glob or URL that points at nothing."""

    code = "not_found"


class NoUsableInputError(NewssiftError):
    """Nothing at all could be processed."""


class ModelMissingError(NewssiftError):
    """A language or embedding model is not installed; the message names the package."""


class StoreError(NewssiftError):
    """The store could not be opened, migrated or written."""


class EvalError(NewssiftError):
    """A gold file or report could not be scored."""


class UsageError(NewssiftError):
    """A command was called in a way it cannot work (missing inputs, an output it cannot take)."""


class OutputError(NewssiftError):
    """An output (report file, folder or stream) could not be written."""


class EngineError(NewssiftError):
    """The chosen engine cannot run (Ray not installed, cluster unreachable)."""

"""accord's exceptions, drawn in one place: each carries a message a user can act on."""


class AccordError(Exception):
    """Base class: something the user can fix, reported without a traceback."""

    exit_code = 1


class UsageError(AccordError):
    """The command was called wrongly (bad option value, unknown id)."""

    exit_code = 2


class ModelNotInstalled(AccordError):
    """The configured spaCy model package is missing: an installation to fix."""

    exit_code = 2


class StoreError(AccordError):
    """The database could not be opened or migrated: a setting to fix, so a usage error."""

    exit_code = 2

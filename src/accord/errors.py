"""accord's exceptions, drawn in one place: each carries a message a user can act on.

Read side: BadFilter (a UsageError, and a ValueError as the API raised before) names a listing's filter
value that cannot be used and says what to type instead.
"""


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


class BadFilter(UsageError, ValueError):
    """A filter value a reader cannot use (a dyad of one side, a date that is no date): `name` is the
    field as the caller spelt it, `problem` what is wrong and what to type instead. Also a ValueError,
    which the Python API raised for such values before."""

    def __init__(self, name: str, problem: str):
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem

"""accord's exceptions, drawn in one place: each carries a message a user can act on.

    AccordError              exit 1: something the user can fix, reported without a traceback
    ├── InputError           exit 1: one input (or one value in it) cannot be read as asked
    │   ├── BinaryInput      the bytes are not text
    │   ├── NoArticleText    an HTML page with no article text
    │   ├── BadDate          a metadata date that is not a real calendar date
    │   ├── OverBudget       a document that needs more time or memory than its budget allows
    │   └── SourceError      a watched source's feed or page that cannot be fetched or read
    │       └── RobotsDisallowed the site's robots.txt does not let accord fetch the URL
    ├── UsageError           exit 2: the command was called wrongly
    │   ├── BadFilter        a listing's filter value that cannot be used (also a ValueError)
    │   └── TableError       a malformed knowledge-base or data file (also a ValueError)
    ├── ModelNotInstalled    exit 2: the spaCy model package is missing
    └── StoreError           exit 2: the database could not be opened or migrated

The readers turn an InputError into a Failure (the pipeline does the same with OverBudget) (or, for a date, a warning), so one bad input never stops
a batch; the CLI turns any AccordError that reaches it into one line and the class's exit code, and the
web API a BadFilter into a 422 naming the parameter.
"""


class AccordError(Exception):
    """Base class: something the user can fix, reported without a traceback."""

    exit_code = 1


# --- Inputs: raised by accord.readers, caught there and turned into a Failure or a warning -------------


class InputError(AccordError):
    """One input, or one value in it, cannot be read as asked; the rest of the batch goes on."""


class BinaryInput(InputError):
    """The input's bytes are not text (an image, an archive, NUL or control characters)."""


class NoArticleText(InputError):
    """An HTML page with no article text to extract (navigation or boilerplate only)."""


class BadDate(InputError):
    """The string looks like a date but is not a real one, or is not a date at all."""


class OverBudget(InputError):
    """A document still running past its per-document budget of seconds or memory (ACCORD_DOC_SECONDS,
    ACCORD_DOC_MB): the pipeline records it as a failure with this reason and goes on with the batch."""


class SourceError(InputError):
    """A watched source (accord.sources) whose feed or page cannot be fetched or read as a list of items:
    `accord watch` records the reason on the source, backs off and goes on with the others."""


class RobotsDisallowed(SourceError):
    """The site's robots.txt does not allow accord's user agent to fetch the URL: not fetched."""


# --- Settings, installation and the store ----------------------------------------------------------------


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


class TableError(UsageError, ValueError):
    """A malformed data file (kb/*.tsv or the user's own): the user's to fix, reported without a
    traceback, and, like any value a program cannot use, a ValueError."""

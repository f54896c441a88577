"""The JSON Schema of the extraction contract, shipped with the package."""

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def contract_schema() -> dict:
    return json.loads(resources.files(__package__).joinpath("accord-1.schema.json").read_text("utf-8"))

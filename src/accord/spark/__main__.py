"""The script spark-submit runs: `spark-submit … accord/spark/__main__.py extract INPUTS --out DIR` is
`accord spark extract INPUTS --out DIR` in the session spark-submit started (also `python -m accord.spark`)."""

import sys

from accord.cli import app

if __name__ == "__main__":
    app(["spark", *sys.argv[1:]], prog_name="accord")

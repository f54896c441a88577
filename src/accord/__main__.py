"""`python -m accord` runs the command-line interface."""

from .cli import main

main()

"""`python -m resolint`: the same as the `resolint` command."""
from .cli import run

run()

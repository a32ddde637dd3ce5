"""`python -m resolint`: the same as the `resolint` command."""
from .console import main

main()

"""`python -m quotecli`: the same as the `quotecli` command."""
from quotecli.cli import main

main()

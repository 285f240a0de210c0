"""`python -m synopsis`: the same command line as the `synopsis` script, for environments where
the script is not on PATH (a virtualenv not activated, a notebook's interpreter)."""

import sys

from synopsis.cli.main import main

if __name__ == "__main__":
    sys.exit(main())

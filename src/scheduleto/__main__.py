"""``python -m scheduleto``: the same as the ``scheduleto`` command."""

import sys

from .cli import main

sys.exit(main())

"""`python -m sandbox`: the five emulators on their own, without the gateway installed around them."""

import sys

from .command import main

sys.exit(main())

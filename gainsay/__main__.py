import sys

from gainsay.cli import main

sys.exit(main())

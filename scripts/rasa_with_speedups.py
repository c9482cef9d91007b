"""The `rasa` command with bot/gesprekken/versnelling.py installed, as the Rasa server has it.

`make test-stories` runs the test stories through this, so they check the predictions of the
server as it runs in production. Usage, from bot/:

    PYTHONPATH=. python ../scripts/rasa_with_speedups.py test core ...
"""

import sys

from gesprekken import versnelling
from rasa.__main__ import main

versnelling.installeer()
sys.exit(main())

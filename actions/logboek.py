"""Keeps identifiers out of the action server's log.

rasa-sdk sets up logging before it imports this package, so the handlers exist when this runs.
"""

from __future__ import annotations

import logging

from actions.redactie import installeer_logfilter

# httpx logs every request at INFO, with the URL: /gemeenten/resolve?q= carries the resident's
# own words, which may tell about health or family. Failures are still logged (WARNING and up,
# and the client's own error messages).
logging.getLogger("httpx").setLevel(logging.WARNING)

installeer_logfilter()

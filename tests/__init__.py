"""The test suite is a package: argostranslate ships a top-level `tests` package that would shadow ours."""

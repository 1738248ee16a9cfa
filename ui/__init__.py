"""The booth's Qt widgets. Only this package imports Qt widgets, and only through ``ui.qt``."""

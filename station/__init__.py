"""Border Station's domain and application core: inspection workflow, checks, screening, store,
audit, configuration and the command line. Runs headless: nothing here imports Qt widgets."""

__version__ = "0.1.0"

"""The reference central server (FastAPI + uvicorn; the ``central`` extra): storage, API and commands."""

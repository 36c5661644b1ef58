"""Alembic migrations shipped inside the package (chains: "registry", and "service" by kzqual.services)."""

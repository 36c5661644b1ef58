"""Constants shared by the API tests (imported by name: conftest modules are not importable reliably)."""

TOKEN = "test-token-7f3a"

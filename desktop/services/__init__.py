"""Use cases: transaction boundaries and permission checks (no Qt here)."""

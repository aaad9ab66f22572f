"""Storage: tables, the engine, migrations and the one write path (the only SQL in the app)."""

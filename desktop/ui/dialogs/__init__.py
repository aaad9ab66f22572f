"""Dialogs of the main window: first start, office set-up, demo data, import and check results."""

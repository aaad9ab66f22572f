"""Sigap: offline roster, claims and letters for BPJS Ketenagakerjaan protection."""

__version__ = "0.1.0"
APP_NAME = "Sigap"

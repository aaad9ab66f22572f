"""Sync between offices: device keys, the bundle file format and the USB transport."""

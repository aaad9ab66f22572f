"""The Qt user interface: windows, dialogs and background jobs over the services (no SQL here)."""

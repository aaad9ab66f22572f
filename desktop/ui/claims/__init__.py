"""The Klaim (claims) tab."""

from desktop.ui.claims.tab import ClaimsTab

__all__ = ["ClaimsTab"]

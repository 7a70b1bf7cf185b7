"""Leadwise: a self-hosted lead platform."""

__version__ = "0.1.0"

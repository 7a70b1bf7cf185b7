"""Registers every job handler and event subscriber; imported by the API and the worker, so
that both react to the same events and run the same jobs."""

from leadwise.notifications import handlers, subscribers

__all__ = ["handlers", "subscribers"]

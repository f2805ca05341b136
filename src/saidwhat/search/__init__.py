"""Searching statements and curating the people registry."""

from saidwhat.search.query import Hit, SearchFilters, iter_statements, search_statements

__all__ = ["Hit", "SearchFilters", "iter_statements", "search_statements"]

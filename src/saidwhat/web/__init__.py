"""The desk: ``saidwhat serve``, a server-rendered web interface over the store.

Routes are thin (like the CLI commands): each parses its URL or form, calls
the same library function the CLI calls, and renders a Jinja2 template with
autoescaping. No SQL here: what the desk needs beyond the library lives in
:mod:`saidwhat.store.desk` and :mod:`saidwhat.store.facets`.
"""

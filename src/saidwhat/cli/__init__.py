"""The ``saidwhat`` command line: thin commands over the library."""

"""The ``onrecord`` command line: thin commands over library functions."""

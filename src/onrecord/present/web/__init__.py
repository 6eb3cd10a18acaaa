"""The analyst's desk: a server-rendered web UI with a JSON twin for every page.

Importing this package loads no web framework; ``onrecord.present.web.app.create_app`` does.
"""

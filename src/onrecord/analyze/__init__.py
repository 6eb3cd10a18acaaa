"""Analyse: timelines and typed flags over stored statements."""

"""Present: the CLI, the web desk and exports."""

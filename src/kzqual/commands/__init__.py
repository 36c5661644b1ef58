"""Sub-commands of ``kzqual``, one module per area; registered in :data:`kzqual.cli.COMMANDS`."""

"""User interface layer: Qt widgets and Qt models over the services."""

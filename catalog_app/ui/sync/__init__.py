"""The Sync page: export this device's package, merge packages (dry run first), push and pull
with a central server, and the sync log. Own translation catalogue (``catalog_app-sync``)."""

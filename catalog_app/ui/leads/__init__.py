"""The Leads page: capture at the booth, and the list of every lead (search, filters, bulk
actions, import, personal-data requests)."""

"""National networks of urban actors: network pages, members, events and join requests."""

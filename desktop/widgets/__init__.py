"""Small widgets that several screens embed (e.g. the alerts panel on the home dashboard)."""

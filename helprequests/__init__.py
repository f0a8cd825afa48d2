"""Help requests: residents ask, the area team triages (services, selectors, views)."""

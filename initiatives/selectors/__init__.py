"""Reads of the initiatives app; every query shape (joins, prefetches, counts) lives here.

By subject: initiatives (lists, one initiative's page, organisers, reviewers,
invitations), grants (budget lines and grant requests), knowledge (the accountability
report and the knowledge section built from it), moderation (the moderation queue).
"""

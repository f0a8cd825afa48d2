"""Pages of the initiatives app, by subject: initiatives (list, page, start, edit,
support, follow, organisers, review queue), grants, accountability (the report after
completion), knowledge (what completed initiatives learned), moderation (comments,
abuse reports, the moderation queue)."""

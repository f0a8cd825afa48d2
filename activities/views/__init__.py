"""Pages of activities, by subject: activities (list, page, plan, change, cancel),
registrations (register, cancel, the registrant list, "Mijn activiteiten"), attendance
(check-in at the door), calendars (one activity's file, a wijk's and a person's feed)
and organisers (a message to everyone with a place, the report afterwards)."""

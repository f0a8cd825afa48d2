"""Who may see and act on an activity (django-rules, per object).

An activity is public. It is organised for an initiative (its organisers), an approved
organisation (its members), a community building (its managers) or an area team (its
members, with two-factor authentication), counted as they are now: someone who left
the organisation or team no longer organises its activities, also not the one who created
them. Only organisers change or cancel it and see who registered. No flag of the account
(superuser, staff) makes someone an organiser.
"""

import rules

from mijnbuurt.core.mfa import role_predicate


def _active(user) -> bool:
    return user.is_authenticated and user.is_active


@rules.predicate
def organises_for_owner(user, activity) -> bool:
    """The user acts for the initiative, organisation or building behind ``activity``."""
    if activity is None or not _active(user):
        return False
    if activity.initiative_id:
        return activity.initiative.organisers.filter(pk=user.pk).exists()
    if activity.organisation_id:
        return (
            activity.organisation.is_approved
            and activity.organisation.members.filter(pk=user.pk).exists()
        )
    if activity.venue_id:
        return activity.venue.managers.filter(pk=user.pk).exists()
    return False


@role_predicate
@rules.predicate
def in_organising_team(user, activity) -> bool:
    if activity is None or not _active(user) or not activity.area_team_id:
        return False
    return activity.area_team.memberships.filter(user=user).exists()


@rules.predicate
def is_logged_in(user, activity=None) -> bool:
    return _active(user)


@rules.predicate
def registers_here(user, activity) -> bool:
    return (
        activity is not None
        and activity.registration == "platform"
        and activity.status == "planned"
        and not activity.has_started
    )


is_organiser = organises_for_owner | in_organising_team

rules.add_perm("activities.view_activity", rules.always_allow)
rules.add_perm("activities.change_activity", is_organiser)
rules.add_perm("activities.view_registrations", is_organiser)
rules.add_perm("activities.register_activity", is_logged_in & registers_here)
rules.add_perm("activities.check_in", is_organiser)
rules.add_perm("activities.message_registrants", is_organiser)
rules.add_perm("activities.report_activity", is_organiser)

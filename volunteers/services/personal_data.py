"""Volunteering in "download my data", and what deleting an account does to it."""

from django.utils import timezone

from ..models import (
    AgendaFeed,
    OffShiftHours,
    SignUp,
    Suggestion,
    Task,
    TaskInvitation,
    VogCheck,
    VolunteerProfile,
)
from .signups import signup_cancel


def volunteering_personal_data_export(user) -> dict:
    profile = (
        VolunteerProfile.objects.filter(user=user)
        .prefetch_related("skills", "neighbourhoods")
        .first()
    )
    signups = SignUp.objects.filter(volunteer=user).select_related("shift__task")
    return {
        "profile": None
        if profile is None
        else {
            "skills": [skill.name for skill in profile.skills.all()],
            "other_skills": profile.tags,
            "interests": profile.interests,
            "neighbourhoods": [n.name for n in profile.neighbourhoods.all()],
            "max_distance_km": profile.max_distance_km,
            "availability_mask": profile.availability,
            "languages": profile.languages,
            "birth_date": profile.birth_date.isoformat() if profile.birth_date else None,
            "vog_date": profile.vog_date.isoformat() if profile.vog_date else None,
            "max_hours_per_month": profile.max_hours_per_month,
            "findable_by_organisers": profile.is_findable,
        },
        "shifts": [
            {
                "task": s.shift.task.title,
                "starts_at": s.shift.starts_at.isoformat(),
                "ends_at": s.shift.ends_at.isoformat(),
                "status": s.status,
                "attended": s.attended,
                "hours": str(s.hours) if s.hours is not None else None,
                "hours_status": s.hours_status,
            }
            for s in signups
        ],
        "hours_outside_shifts": [
            {
                "task": entry.task.title,
                "date": entry.date.isoformat(),
                "hours": str(entry.hours),
                "description": entry.description,
                "status": entry.status,
            }
            for entry in OffShiftHours.objects.filter(volunteer=user).select_related("task")
        ],
        "invitations": [
            {"task": i.task.title, "status": i.status, "invited_at": i.created_at.isoformat()}
            for i in TaskInvitation.objects.filter(volunteer=user).select_related("task")
        ],
        "vog_seen_by_organisations": [
            {
                "organisation": check.organisation.name,
                "issued_on": check.issued_on.isoformat(),
                "seen_at": check.seen_at.isoformat(),
            }
            for check in VogCheck.objects.filter(volunteer=user).select_related("organisation")
        ],
        "tasks_created": list(
            Task.objects.filter(created_by=user).values_list("title", flat=True)
        ),
    }


def volunteering_personal_data_erase(user) -> None:
    """Future sign-ups are cancelled (their places go to the waiting list); the profile,
    suggestions, invitations, VOGs organisations saw, calendar feed and hours outside
    shifts still waiting for an organiser are deleted. Past shifts and confirmed hours stay
    in the organisers' records, under the anonymised account."""
    upcoming = SignUp.objects.filter(
        volunteer=user,
        status__in=(SignUp.Status.CONFIRMED, SignUp.Status.WAITLISTED),
        shift__starts_at__gt=timezone.now(),
    )
    for signup in upcoming:
        signup_cancel(signup=signup, by=user, as_organiser=True)
    VolunteerProfile.objects.filter(user=user).delete()
    Suggestion.objects.filter(volunteer=user).delete()
    TaskInvitation.objects.filter(volunteer=user).delete()
    VogCheck.objects.filter(volunteer=user).delete()
    AgendaFeed.objects.filter(user=user).delete()
    OffShiftHours.objects.filter(volunteer=user).exclude(
        status=OffShiftHours.Status.CONFIRMED
    ).delete()

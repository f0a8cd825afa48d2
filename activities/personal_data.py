"""A person's registrations for activities: "download my data" and account deletion
(mijnbuurt.accounts.personal_data). Activities a person planned belong to the
initiative, organisation, building or team they were planned for and stay."""

from .models import Activity, Registration


def activities_personal_data_export(user) -> dict:
    return {
        "registrations": [
            {
                "activity": registration.activity.title,
                "start": registration.activity.start.isoformat(),
                "status": registration.status,
                "registered_at": registration.created_at.isoformat(),
                "check_in_code": registration.code,
                "present_since": registration.attended_at.isoformat()
                if registration.attended_at
                else None,
            }
            for registration in Registration.objects.filter(user=user)
            .select_related("activity")
            .order_by("pk")
        ],
        "activities_created": [
            {"title": activity.title, "start": activity.start.isoformat()}
            for activity in Activity.objects.filter(created_by=user).order_by("pk")
        ],
    }


def activities_personal_data_erase(user) -> None:
    # Registrations go with the account (CASCADE); "created by" is cleared (SET_NULL).
    Registration.objects.filter(user=user).delete()

from django.urls import path

from .views import handover, hours, manage, matching, public

app_name = "volunteers"

urlpatterns = [
    # Volunteers: find tasks, sign up, my agenda (views/public.py)
    path("", public.task_list, name="list"),
    path("profiel/", public.profile, name="profile"),
    path("profiel/stoppen/", public.profile_delete_view, name="profile_delete"),
    path("taken/<int:pk>/", public.task_detail, name="task"),
    path("diensten/<int:pk>/aanmelden/", public.shift_sign_up_view, name="shift_sign_up"),
    path("aanmeldingen/<int:pk>/annuleren/", public.signup_cancel_view, name="signup_cancel"),
    path("mijn-agenda/", public.agenda, name="agenda"),
    path("agenda/<str:token>.ics", public.agenda_calendar, name="agenda_calendar"),
    path("agenda/vernieuwen/", public.agenda_calendar_renew_view, name="agenda_calendar_renew"),
    # Hours: volunteers log them, see them, print a certificate (views/hours.py)
    path("aanmeldingen/<int:pk>/uren/", hours.signup_hours_log, name="signup_hours"),
    path("mijn-uren/", hours.my_hours, name="my_hours"),
    path("mijn-uren/bedankt/", hours.certificate, name="certificate"),
    path("mijn-uren/buiten-diensten/", hours.off_shift_log, name="off_shift_log"),
    path(
        "uren-buiten-diensten/<int:pk>/besluiten/",
        hours.off_shift_decide,
        name="off_shift_decide",
    ),
    # Organisers: tasks, shifts, sign-ups, attendance, confirming hours (views/manage.py)
    path("mijn-taken/", manage.my_tasks, name="my_tasks"),
    path("nieuw/", manage.task_new, name="task_new"),
    path("taken/<int:pk>/beheer/", manage.task_manage, name="manage_task"),
    path("taken/<int:pk>/bewerken/", manage.task_edit, name="task_edit"),
    path("taken/<int:pk>/diensten/", manage.task_shifts, name="task_shifts"),
    path("taken/<int:pk>/status/", manage.task_status_view, name="task_status"),
    path(
        "aanmeldingen/<int:pk>/aanwezigheid/", manage.signup_attendance, name="signup_attendance"
    ),
    path(
        "aanmeldingen/<int:pk>/uren-bevestigen/",
        manage.signup_hours_confirm,
        name="signup_hours_confirm",
    ),
    path(
        "aanmeldingen/<int:pk>/afmelden/", manage.signup_cancel_by_organiser, name="signup_remove"
    ),
    path("aanmeldingen/<int:pk>/vog-gezien/", manage.signup_vog_check, name="signup_vog_check"),
    # Matching: suggested volunteers for a task, invitations (views/matching.py)
    path("taken/<int:pk>/suggesties/", matching.task_suggestions, name="task_suggestions"),
    path("taken/<int:pk>/uitnodigen/", matching.task_invite, name="task_invite"),
    path("uitnodigingen/<int:pk>/", matching.invitation, name="invitation"),
]

# Hand-over of a help request to a volunteer, for the area team (views/handover.py)
urlpatterns += [
    path("overdragen/<int:request_pk>/", handover.handover_new, name="handover_new"),
    path("overdrachten/<int:pk>/", handover.handover_page, name="handover"),
    path(
        "overdrachten/<int:pk>/uitnodigen/",
        handover.handover_invite_view,
        name="handover_invite",
    ),
    path(
        "overdrachten/<int:pk>/bevestigen/",
        handover.handover_confirm_view,
        name="handover_confirm",
    ),
    path("overdrachten/<int:pk>/beeindigen/", handover.handover_end_view, name="handover_end"),
]
urlpatterns += [
    path("gebiedsteams/taken/", handover.trusted_tasks, name="trusted_tasks"),
    path("gebiedsteams/vertrouwd/", handover.trusted_manage, name="trusted_manage"),
    path(
        "gebiedsteams/vertrouwd/<int:pk>/verwijderen/",
        handover.trusted_remove,
        name="trusted_remove",
    ),
]

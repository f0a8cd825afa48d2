"""Help requests: the resident's pages under /hulpvragen/, the team's under /team/."""

from django.urls import path

from .views import resident, team

app_name = "help"

urlpatterns = [
    path("hulpvragen/", resident.my_requests, name="mine"),
    path("hulpvragen/nieuw/", resident.create, name="create"),
    path("hulpvragen/<int:pk>/", resident.detail, name="detail"),
    path("hulpvragen/<int:pk>/bericht/", resident.reply, name="reply"),
    path("hulpvragen/<int:pk>/intrekken/", resident.withdraw, name="withdraw"),
    path("hulpvragen/<int:pk>/heropenen/", resident.reopen, name="reopen"),
    path("hulpvragen/<int:pk>/tevredenheid/", resident.satisfaction, name="satisfaction"),
    path("hulpvragen/<int:pk>/verwijderen/", resident.delete, name="delete"),
    path("team/", team.queue, name="queue"),
    path("team/overzicht/", team.dashboard, name="dashboard"),
    path("team/intake/", team.intake, name="intake"),
    path("team/hulpvragen/<int:pk>/", team.detail, name="team_detail"),
    path("team/hulpvragen/<int:pk>/toewijzen/", team.assign, name="assign"),
    path("team/hulpvragen/<int:pk>/status/", team.transition, name="transition"),
    path("team/hulpvragen/<int:pk>/bericht/", team.message, name="message"),
    path("team/hulpvragen/<int:pk>/notitie/", team.note, name="note"),
    path("team/hulpvragen/<int:pk>/contact/", team.contact, name="contact"),
]

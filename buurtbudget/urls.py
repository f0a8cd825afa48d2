"""Buurtbudget under /buurtbudget/ (URL namespace "buurtbudget")."""

from django.urls import path

from . import views

app_name = "buurtbudget"

urlpatterns = [
    path("", views.round_list, name="list"),
    path("<int:pk>/", views.round_detail, name="detail"),
    path("<int:pk>/plannen/", views.proposal_list, name="proposals"),
    path("<int:pk>/plannen/nieuw/", views.proposal_new, name="propose"),
    path("<int:pk>/code/", views.code_entry, name="code"),
    path("<int:pk>/stemmen/", views.ballot, name="ballot"),
    path("<int:pk>/stemmen/uitbrengen/", views.vote_cast_view, name="cast"),
    path("<int:pk>/uitslag/", views.results, name="results"),
    path("plannen/<int:pk>/", views.proposal_detail, name="proposal"),
]

from django.urls import path

from .views import geography, organisations

app_name = "neighbourhoods"

urlpatterns = [
    path("wijken/", geography.wijken, name="wijken"),
    path("wijken/mijn-buurt/", geography.my_neighbourhood, name="my_neighbourhood"),
    path("wijken/<slug:slug>/", geography.detail, name="detail"),
    path("kaart/", geography.map_page, name="map"),
    path("kaart/lagen/<slug:layer>.geojson", geography.layer, name="layer"),
    path("sociale-kaart/", organisations.directory, name="organisations"),
    path("sociale-kaart/nieuw/", organisations.propose, name="organisation_propose"),
    path("sociale-kaart/<slug:slug>/", organisations.organisation, name="organisation"),
    path("sociale-kaart/<slug:slug>/bewerken/", organisations.edit, name="organisation_edit"),
]

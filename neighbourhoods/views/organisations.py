"""The social map (sociale kaart): directory, one organisation, propose, edit."""

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mijnbuurt.core.access import get_object_for_user_or_404
from mijnbuurt.core.exceptions import ServiceError
from mijnbuurt.core.ratelimit import limit

from .. import selectors
from ..filters import OrganisationFilter
from ..forms import OrganisationForm
from ..layers import layer_config
from ..services import organisation_propose, organisation_update
from ..widgets import asks_geocoder


@require_GET
def directory(request):
    filterset = OrganisationFilter(
        request.GET or None, queryset=selectors.organisations_directory()
    )
    page = Paginator(filterset.qs, settings.PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "neighbourhoods/organisations/directory.html",
        {
            "filter": filterset,
            "page": page,
            "querystring": query.urlencode(),
            "map_layers": layer_config("organisaties", "wijken", shown=("organisaties",)),
            "attributions": [],
        },
    )


@require_GET
def organisation(request, slug: str):
    organisation = get_object_for_user_or_404(
        selectors.organisation_for_page(),
        user=request.user,
        perm="neighbourhoods.view_organisation",
        slug=slug,
    )
    return render(
        request,
        "neighbourhoods/organisations/detail.html",
        {
            "organisation": organisation,
            "may_edit": rules.has_perm(
                "neighbourhoods.change_organisation", request.user, organisation
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@limit("geocoder", when=asks_geocoder)
def propose(request):
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = organisation_propose(proposer=request.user, **form.service_kwargs())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "Thank you. %(name)s will appear on the social map once the municipality "
                    "has checked it."
                )
                % {"name": organisation.name},
            )
            return redirect("neighbourhoods:organisation", slug=organisation.slug)
    return render(
        request, "neighbourhoods/organisations/form.html", {"form": form, "organisation": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
@limit("geocoder", when=asks_geocoder)
def edit(request, slug: str):
    organisation = get_object_for_user_or_404(
        selectors.organisation_for_page(),
        user=request.user,
        perm="neighbourhoods.change_organisation",
        slug=slug,
    )
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        was_approved = organisation.is_approved
        try:
            organisation = organisation_update(organisation=organisation, **form.service_kwargs())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            if was_approved and not organisation.is_approved:
                messages.warning(
                    request,
                    _(
                        "The changes have been saved. Because the name changed, the "
                        "municipality checks the entry again. Until then it is not on the "
                        "social map."
                    ),
                )
            else:
                messages.success(request, _("The changes have been saved."))
            return redirect("neighbourhoods:organisation", slug=organisation.slug)
    return render(
        request,
        "neighbourhoods/organisations/form.html",
        {"form": form, "organisation": organisation},
    )

"""Profile pages: my details, my data as JSON, delete my account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mijnbuurt.core.panels import panels_for

from .forms import DeleteAccountForm, ProfileForm
from .roles import user_requires_mfa, user_roles
from .selectors import user_for_profile
from .services import user_delete, user_export_data, user_update_profile

PROFILE_SLOT = "accounts.profile"


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = user_for_profile(user_id=request.user.pk)
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        user = user_update_profile(user=user, **form.cleaned_data)
        with translation.override(user.preferred_language):
            messages.success(request, _("Your profile has been saved."))
        target = translate_url(request.path, user.preferred_language)
        response = redirect(target)
        response.set_cookie(
            "django_language", user.preferred_language, samesite="Lax", secure=request.is_secure()
        )
        return response
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "profile_user": user,
            "roles": user_roles(user),
            "requires_mfa": user_requires_mfa(user),
            # What other apps show about this person here (thanks received, ...).
            "panels": panels_for(PROFILE_SLOT, user, request=request),
        },
    )


@login_required
@require_http_methods(["GET"])
def export_data(request):
    data = user_export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-buurt-assen-gegevens.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted. Thank you for taking part."))
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})

"""Sharing knowledge: what completed initiatives learned ("how we did it"), by theme."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..filters import KnowledgeFilter
from ..selectors.knowledge import knowledge_entries, knowledge_initiative_list


@require_GET
def knowledge(request):
    filterset = KnowledgeFilter(request.GET or None, queryset=knowledge_initiative_list())
    page = Paginator(filterset.qs, settings.PAGE_SIZE_GRID).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "initiatives/knowledge.html",
        {
            "filter": filterset,
            "page": page,
            "entries": knowledge_entries(page.object_list),
            "querystring": query.urlencode(),
        },
    )

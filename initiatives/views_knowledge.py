"""Sharing knowledge: what completed initiatives learned ("how we did it"), by theme."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import selectors_knowledge
from .filters import KnowledgeFilter

PAGE_SIZE = 12


@require_GET
def knowledge(request):
    filterset = KnowledgeFilter(
        request.GET or None, queryset=selectors_knowledge.knowledge_initiatives()
    )
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "initiatives/knowledge.html",
        {
            "filter": filterset,
            "page": page,
            "entries": selectors_knowledge.knowledge_entries(page.object_list),
            "querystring": query.urlencode(),
        },
    )

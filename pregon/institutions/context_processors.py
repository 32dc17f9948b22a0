def current_institution(request):
    return {}

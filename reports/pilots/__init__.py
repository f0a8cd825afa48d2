"""Pilots (proeven): experiments per area, measured with figures the platform already
computes (``indicators``), compared (``comparison``), shown to staff under
/admin/rapportages/proeven/ and, once published, to everyone under /proeven/."""

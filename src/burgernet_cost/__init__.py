"""bncost: cost calculator and model comparison for the municipal Burgernet tasks.

Computes, from the figures in ``data/`` (the report *Gemeentelijke taken Burgernet*,
Programmabureau Burgernet, 2014), what the municipal tasks cost in hours, FTE and euros, and
what a municipality pays under each organisation model (inrichtingsmodel).
"""

__version__ = "0.1.0"

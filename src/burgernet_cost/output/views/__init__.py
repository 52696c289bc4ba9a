"""Views: a command's result -> a ``Report`` (``output/document.py``); Dutch labels live here.
One module per command family; import the one you need (start-up stays light)."""

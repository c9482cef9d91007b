"""Sociale kaart: the directory of gemeenten, places and access points behind the Wmo wegwijzer."""

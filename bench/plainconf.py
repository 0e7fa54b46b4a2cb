# Plain Pelican for comparison: default settings, default theme, no plugins.
PLUGINS = []

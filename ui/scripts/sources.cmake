# SPDX-License-Identifier: GPL-3.0-or-later
# The Scripts pane, the script editor and its Try it panel (paths relative to ui/).
target_sources(vsc_ui PRIVATE
    scripts/scriptspane.h scripts/scriptspane.cpp
    scripts/scripteditordialog.h scripts/scripteditordialog.cpp
    scripts/tryitpanel.h scripts/tryitpanel.cpp)

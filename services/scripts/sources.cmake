# SPDX-License-Identifier: GPL-3.0-or-later
# Survey scripts for those who edit them: list, load, save as a new version, import and export (paths relative to
# services/).
target_sources(vsc_services PRIVATE scripts/scriptservice.h scripts/scriptservice.cpp)
